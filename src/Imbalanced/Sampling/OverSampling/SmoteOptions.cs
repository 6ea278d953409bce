namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Smote"/>.</summary>
public sealed record SmoteOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c>: nearest neighbours
    /// of the same class to interpolate towards (5).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class neighbours to interpolate towards")]
    public int KNeighbors { get; init; } = 5;
}
