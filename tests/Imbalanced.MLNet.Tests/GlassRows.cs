using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary>A row of glass_jitter.csv (the core tests' fixture) as an ML.NET user types it: nine measures, then the
/// glass type as text.</summary>
public sealed class GlassRow
{
    [LoadColumn(0, 8)]
    [VectorType(9)]
    public float[] Measures { get; set; } = [];

    [LoadColumn(9)]
    public string Type { get; set; } = "";
}

/// <summary>The same row as it is served: no type.</summary>
public sealed class GlassRequest
{
    [VectorType(9)]
    public float[] Measures { get; set; } = [];
}

/// <summary>What a served multiclass model answers: the type back as text, and a probability per type.</summary>
public sealed class GlassDecision
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}
