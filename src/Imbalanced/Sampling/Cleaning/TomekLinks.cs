using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// Tomek links (Tomek, "Two Modifications of CNN", IEEE Transactions on Systems, Man, and Cybernetics 6(11),
/// 1976), as imbalanced-learn's <c>TomekLinks</c>: two rows form a link when each is the other's nearest
/// neighbour and their classes differ; the members of links that belong to targeted classes (default: every
/// class but the minority) are removed.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/> (the classes to clean). Deterministic.
/// <code>var result = new TomekLinks().FitResample(data);</code></remarks>
public sealed class TomekLinks(SamplerOptions? options = null) : ISampler
{
    private readonly SamplerOptions _options = options ?? new();

    /// <summary>The options the sampler runs with.</summary>
    internal SamplerOptions Options => _options;

    /// <summary>Rows to keep: all but the members of Tomek links whose class is in
    /// <paramref name="targeted"/>.</summary>
    public static int[] Keep(Dataset data, ICollection<int> targeted, NeighborSearch search) =>
        Keep(data, null, targeted, search);

    /// <summary>The same over rows <paramref name="rows"/> of <paramref name="data"/> only (all when
    /// <see langword="null"/>), each row's nearest neighbour found among those rows, read in place where the engine
    /// can (see <see cref="NeighborSearch.BuildOfRows"/>); returns positions in <paramref name="rows"/>.</summary>
    internal static int[] Keep(Dataset data, int[]? rows, ICollection<int> targeted, NeighborSearch search)
    {
        DataChecks.RequireNumericComplete(data, "tomek-links");
        EditedNearestNeighbours.CheckNeighbors(rows?.Length ?? data.RowCount, 1, "neighbours");
        return Keep(rows is null ? data.Labels : [.. rows.Select(r => data.Labels[r])], targeted,
            NeighborVotes.Index(data, rows, search));
    }

    /// <summary>The points of <paramref name="index"/> (of classes <paramref name="labels"/>) not in a Tomek link
    /// whose class is in <paramref name="targeted"/>.</summary>
    internal static int[] Keep(int[] labels, ICollection<int> targeted, INeighborIndex index)
    {
        EditedNearestNeighbours.CheckNeighbors(labels.Length, 1, "neighbours");
        var nearest = index.QuerySelf(1, includeSelf: false).Indices;
        var keep = new List<int>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
            if (!Linked(labels, targeted, nearest, i)) keep.Add(i);
        return [.. keep];
    }

    /// <summary>Whether row <paramref name="i"/>, of a targeted class, forms a Tomek link with its nearest neighbour
    /// (<paramref name="nearest"/>: every row's nearest other row; <paramref name="labels"/>: every row's class).
    /// </summary>
    internal static bool Linked(int[] labels, ICollection<int> targeted, IReadOnlyList<int> nearest, int i)
    {
        var j = nearest[i];
        return targeted.Contains(labels[i]) && labels[j] != labels[i] && nearest[j] == i;
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targeted = _options.Strategy.Resolve(data.ClassCounts(), data.Classes, SamplingType.CleanSampling)
            .Keys.ToHashSet();
        return ResampleResult.Keep(data, Keep(data, targeted, _options.Neighbors));
    }
}
