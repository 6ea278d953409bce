namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="BorderlineSmote"/>.</summary>
public sealed record BorderlineSmoteOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c>: neighbours to interpolate towards (5).</summary>
    [SamplerParameter("k_neighbors", "nearest neighbours to interpolate towards")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>imbalanced-learn's <c>m_neighbors</c>: neighbours
    /// that decide whether a row is in danger (10).</summary>
    [SamplerParameter("m_neighbors", "neighbours that decide whether a row is in danger")]
    public int MNeighbors { get; init; } = 10;

    /// <summary>imbalanced-learn's <c>kind</c>: borderline-1 (default) or borderline-2.</summary>
    [SamplerParameter("kind", "borderline-2 also interpolates towards other classes")]
    public BorderlineKind Kind { get; init; } = BorderlineKind.Borderline1;
}
