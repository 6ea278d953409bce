using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// Repeated edited nearest neighbours (Tomek, "An Experiment with the Edited Nearest-Neighbor Rule", IEEE
/// Transactions on Systems, Man, and Cybernetics 6(6), 1976), as imbalanced-learn's
/// <c>RepeatedEditedNearestNeighbours</c>: applies <see cref="EditedNearestNeighbours"/> again and again (the
/// strategy re-read on what is left each time) until a pass removes nothing, a class that was not the minority
/// falls below the original minority count, a class disappears, or <c>max_iter</c> passes have run; the pass
/// that triggers a stop is kept, as in imbalanced-learn.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>,
/// <see cref="RepeatedEditedNearestNeighboursOptions.NNeighbors"/>,
/// <see cref="RepeatedEditedNearestNeighboursOptions.MaxIterations"/>,
/// <see cref="RepeatedEditedNearestNeighboursOptions.KindSel"/>. A pass reads each row's neighbours among the rows
/// left from the lists the first pass found (eight more per row than asked), asking again only for the rows that lost
/// too many of them: with an exact index, the rows an index built again at each pass keeps (imbalanced-learn); with
/// an approximate one, the first pass's approximate lists read so.
/// <code>var result = new RepeatedEditedNearestNeighbours().FitResample(data);</code></remarks>
public sealed class RepeatedEditedNearestNeighbours(RepeatedEditedNearestNeighboursOptions? options = null) : ISampler
{
    private readonly RepeatedEditedNearestNeighboursOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_options.MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(_options.MaxIterations), _options.MaxIterations,
                $"MaxIterations must be at least 1; got {_options.MaxIterations}");
        var rows = Iterate(data, _options.Strategy, Enumerable.Repeat(_options.NNeighbors, _options.MaxIterations),
            _options.KindSel == KindSel.Mode, stopWhenUnchanged: true, allowMinority: false, _options.Neighbors);
        return ResampleResult.Keep(data, rows);
    }

    /// <summary>The loop RENN and AllKNN share: one ENN pass per entry of <paramref name="neighborCounts"/>, each
    /// reading the neighbours among the rows left from <see cref="KeptNeighbors"/> (found once, asked again only
    /// for rows that lost too many), the answers a new index over the rows left gives with an exact index.</summary>
    internal static int[] Iterate(Dataset data, SamplingStrategy strategy, IEnumerable<int> neighborCounts, bool mode,
        bool stopWhenUnchanged, bool allowMinority, Neighbors.NeighborSearch search)
    {
        var original = data.ClassCounts();
        strategy.Resolve(original, data.Classes, SamplingType.CleanSampling);
        var minority = ClassCounting.Minority(original);
        var rows = Enumerable.Range(0, data.RowCount).ToArray();
        var current = original;
        var counts = neighborCounts.ToArray();
        if (counts.Length == 0) return rows;
        var neighbors = new KeptNeighbors(data, search, counts.Max());
        foreach (var k in counts)
        {
            EditedNearestNeighbours.CheckNeighbors(rows.Length, k,
                nameof(RepeatedEditedNearestNeighboursOptions.NNeighbors));
            var targeted = strategy.Resolve(current, data.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
            var found = neighbors.Find(rows, k, r => targeted.Contains(data.Labels[r]));
            var kept = NeighborVotes.EditedKeep([.. rows.Select(r => data.Labels[r])], data.Classes, targeted,
                found, k, mode);
            var unchanged = kept.Length == rows.Length;
            rows = kept.Select(i => rows[i]).ToArray();
            var left = new int[original.Length];
            foreach (var r in rows) left[data.Labels[r]]++;
            var minorityReached = !allowMinority && Enumerable.Range(0, left.Length)
                .Any(c => c != minority && left[c] > 0 && left[c] < original[minority]);
            var classLost = Enumerable.Range(0, left.Length).Any(c => original[c] > 0 && left[c] == 0);
            if ((stopWhenUnchanged && unchanged) || minorityReached || classLost) break;
            current = left;
        }
        return rows;
    }
}
