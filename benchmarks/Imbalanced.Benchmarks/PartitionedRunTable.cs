using System.Globalization;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.Partitioned;
using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Synthetic;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>partitions ROWS</c>: the cost of running each method over P = 1, 2, 4, 8 partitions
/// (<see cref="PartitionedResampling"/>) on generated data (20 features, 5% minority), as a markdown table: wall
/// clock on this machine, bytes shuffled and broadcast, and whether the rows equal the single-process result.
/// </summary>
internal static class PartitionedRunTable
{
    public static int Print(int rows)
    {
        var data = ClassificationGenerator.Generate(
            new ClassificationOptions { Rows = rows, Features = 20, Weights = [0.95], Seed = 0 });
        var methods = new (string Name, Func<ISampler> Make)[]
        {
            ("random-under", () => new RandomUnderSampler(new() { Seed = 0 })),
            ("random-over", () => new RandomOverSampler(new() { Seed = 0 })),
            ("smote", () => new Smote(new() { Seed = 0 })),
            ("enn", () => new EditedNearestNeighbours()),
            ("tomek-links", () => new TomekLinks()),
        };
        Console.WriteLine(
            $"| method | P | seconds | shuffled MB | broadcast MB | rows out | equal to single process |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, make) in methods)
        {
            var single = make().FitResample(data);
            foreach (var p in new[] { 1, 2, 4, 8 })
            {
                var run = PartitionedResampling.Run(make(), data, p);
                var equal = single.KeptInputRows.SequenceEqual(run.Result.KeptInputRows)
                    && single.Added.NumericValues.Span.SequenceEqual(run.Result.Added.NumericValues.Span);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {p} | {run.Elapsed.TotalSeconds:0.00} | {run.ShuffledBytes / 1e6:0.0} | " +
                    $"{run.BroadcastBytes / 1e6:0.0} | {run.Result.RowCount} | {(equal ? "yes" : "NO")} |"));
            }
        }
        return 0;
    }
}
