namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="PolynomFitSmote"/>.</summary>
public sealed record PolynomFitSmoteOptions : SamplerOptions
{
    /// <summary>smote_variants' <c>topology</c>: star (default), bus, mesh or a polynomial of degree N.</summary>
    [SamplerParameter("topology", "where new rows go: star, bus, mesh or poly-N (a fitted polynomial of degree N)")]
    public PolynomFitTopology Topology { get; init; } = PolynomFitTopology.Star;
}
