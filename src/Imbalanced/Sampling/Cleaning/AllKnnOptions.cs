namespace Imbalanced.Sampling.Cleaning;

/// <summary>Options of <see cref="AllKnn"/>.</summary>
public sealed record AllKnnOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c>: the largest neighbourhood (3).</summary>
    [SamplerParameter("n_neighbors", "the largest neighbourhood")]
    public int NNeighbors { get; init; } = 3;

    /// <summary>imbalanced-learn's <c>kind_sel</c>: <see cref="Cleaning.KindSel.All"/> (the default) or
    /// <see cref="Cleaning.KindSel.Mode"/>.</summary>
    [SamplerParameter("kind_sel", "keep a row when all its neighbours agree, or when most do")]
    public KindSel KindSel { get; init; } = KindSel.All;

    /// <summary>imbalanced-learn's <c>allow_minority</c>: keep going
    /// when a class falls below the minority count (false).</summary>
    [SamplerParameter("allow_minority", "go on when a class falls below the minority's count")]
    public bool AllowMinority { get; init; }
}
