using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.Partitioned;
using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Synthetic;

namespace Imbalanced.Tests.Sampling.Partitioned;

/// <summary>A method run over P partitions, as a cluster would run it, gives the single-process result row for row
/// for every P, and moves only what its plan says (docs/scale.md).</summary>
public class PartitionedResamplingTests
{
    private static Dataset Data(int rows = 1500, int seed = 3) => ClassificationGenerator.Generate(
        new ClassificationOptions
        {
            Rows = rows,
            Features = 6,
            Informative = 3,
            Classes = 3,
            Weights = [0.8, 0.15],
            Seed = seed,
        });

    public static TheoryData<string> Methods => ["random-under", "random-under-replacement", "random-over", "smote",
        "enn", "enn-mode", "tomek-links"];

    private static ISampler Sampler(string name) => name switch
    {
        "random-under" => new RandomUnderSampler(new() { Seed = 4 }),
        "random-under-replacement" => new RandomUnderSampler(new() { Seed = 4, Replacement = true }),
        "random-over" => new RandomOverSampler(new() { Seed = 5 }),
        "smote" => new Smote(new() { Seed = 6 }),
        "enn" => new EditedNearestNeighbours(),
        "enn-mode" => new EditedNearestNeighbours(new() { KindSel = KindSel.Mode, NNeighbors = 4 }),
        "tomek-links" => new TomekLinks(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_partition_count_gives_the_single_process_result(string method)
    {
        var data = Data();
        var expected = Sampler(method).FitResample(data);
        foreach (var partitions in new[] { 1, 2, 3, 4, 8, 64 })
        {
            var run = PartitionedResampling.Run(Sampler(method), data, partitions);
            Assert.Equal(partitions, run.Partitions);
            AssertSame(expected, run.Result);
        }
    }

    [Fact]
    public void Duplicated_rows_and_a_class_in_one_partition_only_change_nothing()
    {
        var source = Data(400);
        var rows = Enumerable.Range(0, 400).Concat(Enumerable.Range(0, 50)).Order().ToArray();
        var data = source.Select(rows);
        foreach (var method in new[] { "smote", "enn", "tomek-links", "random-over" })
            foreach (var partitions in new[] { 2, 5, 7 })
                AssertSame(Sampler(method).FitResample(data), PartitionedResampling.Run(Sampler(method), data,
                    partitions).Result);
    }

    [Fact]
    public void Random_samplers_move_class_counts_and_ranks_but_no_feature_value()
    {
        var data = Data();
        var run = PartitionedResampling.Run(Sampler("random-under"), data, 8);
        Assert.Equal(4L * 8 * 3, run.ShuffledBytes);
        Assert.Equal(4L * run.Result.KeptInputRows.Count, run.BroadcastBytes);
    }

    [Fact]
    public void Smote_gathers_only_the_classes_it_over_samples()
    {
        var data = Data();
        var run = PartitionedResampling.Run(Sampler("smote"), data, 4);
        var counts = data.ClassCounts();
        var minority = counts.Sum() - counts.Max();
        var gathered = run.Stages.Where(s => s.Name.StartsWith("gather", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, gathered.Length);
        Assert.Equal(8L * minority * data.NumericCount, gathered.Sum(s => s.ShuffledBytes));
        Assert.True(run.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Unsupported_samplers_and_partition_counts_are_refused()
    {
        var data = Data(200);
        Assert.Contains("NearMiss", Assert.Throws<ArgumentException>(() =>
            PartitionedResampling.Run(new NearMiss(), data, 2)).Message);
        Assert.Throws<ArgumentException>(() =>
            PartitionedResampling.Run(new RandomOverSampler(new() { Shrinkage = 1 }), data, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartitionedResampling.Run(new Smote(), data, 0));
    }

    private static void AssertSame(ResampleResult expected, ResampleResult actual)
    {
        Assert.Equal(expected.KeptInputRows, actual.KeptInputRows);
        Assert.Equal(expected.AddedRowOrigins, actual.AddedRowOrigins);
        Assert.Equal(expected.Added.NumericValues.ToArray(), actual.Added.NumericValues.ToArray());
        Assert.Equal(expected.Added.LabelCodes, actual.Added.LabelCodes);
    }
}
