namespace Imbalanced.Sampling.UnderSampling;

/// <summary>Options of <see cref="RandomUnderSampler"/>.</summary>
public sealed record RandomUnderSamplerOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>replacement</c>: draw the
    /// kept rows with replacement (false by default).</summary>
    [SamplerParameter("replacement", "draw the kept rows with replacement")]
    public bool Replacement { get; init; }
}
