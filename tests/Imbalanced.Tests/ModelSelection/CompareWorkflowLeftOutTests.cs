using Imbalanced.Data;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.ModelSelection;

/// <summary><see cref="CompareOptions.LeaveOutRefusedTechniques"/>: a technique whose sampler refuses a fold's
/// training part is left out (and named with the first fold it refused) or stops the run.</summary>
public class CompareWorkflowLeftOutTests
{
    private sealed class NearestNeighborLearners : ILearnerFactory
    {
        public IReadOnlyList<string> DefaultNames { get; } = ["knn"];

        public IClassifier Create(string name, long seed) => new NearestNeighborsClassifier(3);
    }

    /// <summary>60 rows of class a around (0, 0), 10 of class b around (10, 10), and one row of class a at (10, 10):
    /// ADASYN finds a neighbour of another class for b only while that row is in the training part.</summary>
    private static Dataset Data()
    {
        var random = new Random(5);
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            rows.Add([random.NextDouble(), random.NextDouble()]);
            labels.Add("a");
        }
        for (var i = 0; i < 10; i++)
        {
            rows.Add([10 + random.NextDouble() - 0.5, 10 + random.NextDouble() - 0.5]);
            labels.Add("b");
        }
        rows.Add([10, 10]);
        labels.Add("a");
        return Dataset.FromRows(rows.ToArray(), labels.ToArray());
    }

    private static readonly Dataset Table = Data();

    private const int Intruder = 70;

    /// <summary>The first seed whose folds hold the intruding row out of a training part after the first fold, and
    /// that fold.</summary>
    private static (long Seed, int Fold) SeedWithLaterRefusal()
    {
        for (long seed = 0; ; seed++)
        {
            var splits = StratifiedSplits.RepeatedKFold(Table.Labels, 5, 2, seed);
            var fold = Enumerable.Range(0, splits.Count).First(f => splits[f].Test.Contains(Intruder));
            if (fold > 0) return (seed, fold);
        }
    }

    private static CompareOptions Options(long seed, bool leaveOut, int threads) => new()
    {
        Techniques = ["none", "adasyn", "random-over"],
        Seed = seed,
        LeaveOutRefusedTechniques = leaveOut,
        Threads = threads,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_technique_refused_by_a_later_fold_is_left_out_and_named_with_that_fold(int threads)
    {
        var (seed, fold) = SeedWithLaterRefusal();
        var report = CompareWorkflow.Run(Table, Options(seed, true, threads), new NearestNeighborLearners());
        var left = Assert.Single(report.LeftOut);
        Assert.Equal("adasyn", left.Technique);
        Assert.Equal(fold, left.Fold);
        Assert.Contains("ADASYN has no weights", left.Reason);
        Assert.Equal(["none", "random-over"], report.Results.Select(r => r.Technique));
    }

    [Fact]
    public void Without_leave_out_the_refusal_stops_the_run()
    {
        var (seed, _) = SeedWithLaterRefusal();
        var e = Assert.Throws<DataException>(() =>
            CompareWorkflow.Run(Table, Options(seed, false, 2), new NearestNeighborLearners()));
        Assert.Contains("ADASYN has no weights", e.Message);
    }

    [Fact]
    public void When_every_technique_asked_is_refused_the_refusal_stops_the_run()
    {
        var (seed, _) = SeedWithLaterRefusal();
        var e = Assert.Throws<DataException>(() => CompareWorkflow.Run(Table,
            Options(seed, true, 2) with { Techniques = ["adasyn"] }, new NearestNeighborLearners()));
        Assert.Contains("ADASYN has no weights", e.Message);
    }
}
