using BenchmarkDotNet.Attributes;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Synthetic;

namespace Imbalanced.Benchmarks;

/// <summary>The neighbour engine: exact k-NN of every row against all rows.</summary>
[MemoryDiagnoser]
public class NeighborBenchmarks
{
    private Dataset _data = null!;

    [Params(20_000)]
    public int Rows { get; set; }

    [Params(4, 20)]
    public int Features { get; set; }

    [GlobalSetup]
    public void Setup() => _data = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Rows = Rows,
        Features = Features,
        Informative = 2,
        Redundant = Math.Min(2, Features - 2),
        Weights = [0.95],
        Seed = 0,
    });

    [Benchmark(Description = "5-NN of all rows, automatic index")]
    public KNeighbors Auto() =>
        NeighborSearch.Default.Build(_data.Numeric, Rows, Features).QuerySelf(5, includeSelf: true);

    [Benchmark(Description = "5-NN of all rows, brute force")]
    public KNeighbors BruteForce() =>
        new NeighborSearch(Algorithm: NeighborAlgorithm.BruteForce).Build(_data.Numeric, Rows, Features)
            .QuerySelf(5, includeSelf: true);
}
