namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="GeometricSmote"/>.</summary>
public sealed record GeometricSmoteOptions : SamplerOptions
{
    /// <summary>geometric-smote's <c>k_neighbors</c>: nearest rows of the class among which a surface point is
    /// drawn (5).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class rows among which a surface point is drawn")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>geometric-smote's <c>truncation_factor</c>, in [−1, 1]: 0 keeps the whole hypersphere, 1 the half
    /// towards the surface point, −1 the half away from it (1).</summary>
    [SamplerParameter("truncation_factor", "in [-1, 1]: 0 the whole hypersphere, 1 the half towards the surface point")]
    public double TruncationFactor { get; init; } = 1.0;

    /// <summary>geometric-smote's <c>deformation_factor</c>, in [0, 1]: 0 keeps a hypersphere, 1 flattens it onto
    /// the line through centre and surface point (0).</summary>
    [SamplerParameter("deformation_factor", "in [0, 1]: 0 a hypersphere, 1 the line through centre and surface point")]
    public double DeformationFactor { get; init; }

    /// <summary>geometric-smote's <c>selection_strategy</c>: where the surface point comes from (combined).</summary>
    [SamplerParameter("selection_strategy", "where the surface point comes from")]
    public GeometricSelection SelectionStrategy { get; init; } = GeometricSelection.Combined;
}
