namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Adasyn"/>.</summary>
public sealed record AdasynOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c>: neighbours that
    /// measure difficulty and are interpolated towards (5).</summary>
    [SamplerParameter("n_neighbors", "neighbours that measure difficulty and are interpolated towards")]
    public int NNeighbors { get; init; } = 5;

    /// <summary>Leave a class whose rows-to-make round to 0 as it is, instead of refusing as imbalanced-learn does
    /// (the comparison workflow sets it, so that one class too close to balance does not stop a comparison).
    /// </summary>
    internal bool KeepUnmadeClass { get; init; }
}
