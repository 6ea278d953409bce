using BenchmarkDotNet.Attributes;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Synthetic;

namespace Imbalanced.Benchmarks;

/// <summary>SMOTE's fit-resample on a generated 5%-minority data set (no I/O).</summary>
[MemoryDiagnoser]
public class SmoteBenchmarks
{
    private Dataset _data = null!;

    [Params(200_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _data = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Rows = Rows,
        Features = 20,
        Weights = [0.95],
        Seed = 0,
    });

    [Benchmark]
    public ResampleResult Smote() => new Smote().FitResample(_data);
}
