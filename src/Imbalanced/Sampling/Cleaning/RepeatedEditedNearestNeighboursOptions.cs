namespace Imbalanced.Sampling.Cleaning;

/// <summary>Options of <see cref="RepeatedEditedNearestNeighbours"/>.</summary>
public sealed record RepeatedEditedNearestNeighboursOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c> (3).</summary>
    [SamplerParameter("n_neighbors", "neighbours that vote")]
    public int NNeighbors { get; init; } = 3;

    /// <summary>imbalanced-learn's <c>max_iter</c> (100).</summary>
    [SamplerParameter("max_iter", "most passes of ENN")]
    public int MaxIterations { get; init; } = 100;

    /// <summary>imbalanced-learn's <c>kind_sel</c>: <see cref="Cleaning.KindSel.All"/> (the default) or
    /// <see cref="Cleaning.KindSel.Mode"/>.</summary>
    [SamplerParameter("kind_sel", "keep a row when all its neighbours agree, or when most do")]
    public KindSel KindSel { get; init; } = KindSel.All;
}
