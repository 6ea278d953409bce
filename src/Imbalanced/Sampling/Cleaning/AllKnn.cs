using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// All-kNN (Tomek, "An Experiment with the Edited Nearest-Neighbor Rule", 1976), as imbalanced-learn's
/// <c>AllKNN</c>: applies <see cref="EditedNearestNeighbours"/> with 1, 2, …, n neighbours in turn on what is
/// left, stopping early (after that pass) when a class that was not the minority falls below the original
/// minority count (unless <c>allow_minority</c>) or a class disappears.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="AllKnnOptions.NNeighbors"/>,
/// <see cref="AllKnnOptions.KindSel"/>, <see cref="AllKnnOptions.AllowMinority"/>. Its passes read their
/// neighbours as <see cref="RepeatedEditedNearestNeighbours"/>'s do.
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
