namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Smobd"/>.</summary>
public sealed record SmobdOptions : SamplerOptions
{
    /// <summary>smote_variants' <c>eta1</c>: the weight of the core-distance factor in a row's density; the count
    /// of rows within <see cref="MaxEps"/> gets <c>1 − eta1</c>; in [0, 1] (0.5).</summary>
    [SamplerParameter("eta1", "weight of the core distance in a row's density (the rest: rows within max_eps)")]
    public double Eta1 { get; init; } = 0.5;

    /// <summary>smote_variants' <c>t</c>: a row is noise, and seeds nothing, when both its core distance and its
    /// reachability exceed this many times their class averages; at least 0 (1.8).</summary>
    [SamplerParameter("noise_threshold", "noise: core distance and reachability above this many times the average")]
    public double NoiseThreshold { get; init; } = 1.8;

    /// <summary>smote_variants' <c>min_samples</c>: OPTICS' <c>min_samples</c> (at most the class's rows − 1), and
    /// the nearest rows of the class to interpolate towards (5).</summary>
    [SamplerParameter("min_samples", "OPTICS min_samples; also the nearest same-class rows to interpolate towards")]
    public int MinSamples { get; init; } = 5;

    /// <summary>smote_variants' <c>max_eps</c>: OPTICS' radius, at least 0 (1.0; infinity takes every row).</summary>
    [SamplerParameter("max_eps", "OPTICS radius: core distances and neighbour counts only within it")]
    public double MaxEps { get; init; } = 1.0;
}
