namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="RandomOverSampler"/>.</summary>
public sealed record RandomOverSamplerOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>shrinkage</c>: null for a plain bootstrap (copies of rows); a factor ≥ 0 for
    /// a smoothed bootstrap, which adds Gaussian noise scaled by the factor to each drawn row.</summary>
    [SamplerParameter("shrinkage", "smoothed bootstrap: factor of the Gaussian noise")]
    public double? Shrinkage { get; init; }

    /// <summary>Per-class shrinkage (label → factor), overriding
    /// <see cref="Shrinkage"/>; every over-sampled class needs one.</summary>
    public IReadOnlyDictionary<string, double>? ShrinkagePerClass { get; init; }
}
