using Imbalanced.Data;

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

/// <summary>
/// All-kNN (Tomek, "An Experiment with the Edited Nearest-Neighbor Rule", 1976), as imbalanced-learn's
/// <c>AllKNN</c>: applies <see cref="EditedNearestNeighbours"/> with 1, 2, …, n neighbours in turn on what is
/// left, stopping early (after that pass) when a class that was not the minority falls below the original
/// minority count (unless <c>allow_minority</c>) or a class disappears.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="AllKnnOptions.NNeighbors"/>,
/// <see cref="AllKnnOptions.KindSel"/>, <see cref="AllKnnOptions.AllowMinority"/>.
/// <code>var result = new AllKnn().FitResample(data);</code></remarks>
public sealed class AllKnn(AllKnnOptions? options = null) : ISampler
{
    private readonly AllKnnOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = RepeatedEditedNearestNeighbours.Iterate(data, _options.Strategy,
            Enumerable.Range(1, Math.Max(0, _options.NNeighbors)), _options.KindSel == KindSel.Mode,
            stopWhenUnchanged: false, _options.AllowMinority, _options.Neighbors);
        return ResampleResult.Keep(data, rows);
    }
}
