using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>Options of <see cref="AllKnn"/>.</summary>
public sealed record AllKnnOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c>: the largest neighbourhood (3).</summary>
    public int NNeighbors { get; init; } = 3;

    /// <summary>imbalanced-learn's <c>kind_sel</c>: true for <c>mode</c>, false for <c>all</c> (the default).</summary>
    public bool KindSelMode { get; init; }

    /// <summary>imbalanced-learn's <c>allow_minority</c>: keep going when a class falls below the minority count (false).</summary>
    public bool AllowMinority { get; init; }
}

/// <summary>
/// All-kNN (Tomek, "An Experiment with the Edited Nearest-Neighbor Rule", 1976), as imbalanced-learn's
/// <c>AllKNN</c>: applies <see cref="EditedNearestNeighbours"/> with 1, 2, …, n neighbours in turn on what is
/// left, stopping early (after that pass) when a class that was not the minority falls below the original
/// minority count (unless <c>allow_minority</c>) or a class disappears.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="AllKnnOptions.NNeighbors"/>,
/// <see cref="AllKnnOptions.KindSelMode"/>, <see cref="AllKnnOptions.AllowMinority"/>.
/// <code>var result = new AllKnn().FitResample(data);</code></remarks>
public sealed class AllKnn(AllKnnOptions? options = null) : ISampler
{
    private readonly AllKnnOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = RepeatedEditedNearestNeighbours.Iterate(data, _options.Strategy, Enumerable.Range(1, Math.Max(0, _options.NNeighbors)),
            _options.KindSelMode, stopWhenUnchanged: false, _options.AllowMinority, _options.Neighbors);
        return ResampleResult.Keep(data, rows);
    }
}
