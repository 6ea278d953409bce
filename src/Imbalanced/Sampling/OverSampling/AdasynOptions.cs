namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Adasyn"/>.</summary>
public sealed record AdasynOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c>: neighbours that
    /// measure difficulty and are interpolated towards (5).</summary>
    [SamplerParameter("n_neighbors", "neighbours that measure difficulty and are interpolated towards")]
    public int NNeighbors { get; init; } = 5;
}
