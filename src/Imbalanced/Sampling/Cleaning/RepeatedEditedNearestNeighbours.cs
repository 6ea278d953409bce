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
/// <see cref="RepeatedEditedNearestNeighboursOptions.KindSel"/>.
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

    /// <summary>The loop RENN and AllKNN share: one ENN pass per entry of <paramref name="neighborCounts"/>.</summary>
    internal static int[] Iterate(Dataset data, SamplingStrategy strategy, IEnumerable<int> neighborCounts, bool mode,
        bool stopWhenUnchanged, bool allowMinority, Neighbors.NeighborSearch search)
    {
        var original = data.ClassCounts();
        strategy.Resolve(original, data.Classes, SamplingType.CleanSampling);
        var minority = ClassCounting.Minority(original);
        var rows = Enumerable.Range(0, data.RowCount).ToArray();
        var current = original;
        foreach (var k in neighborCounts)
        {
            // The rows still there are read in place (the first pass: the data set itself), not copied.
            var subset = rows.Length == data.RowCount ? null : rows;
            // On a large table the previous pass's index and graph are garbage by now: returned before this pass
            // builds its own, they do not add to its peak.
            if (subset is not null && data.RowCount >= Neighbors.NeighborSearch.ApproximateMinRows)
                Neighbors.LargeGarbage.Return();
            EditedNearestNeighbours.CheckNeighbors(rows.Length, k,
                nameof(RepeatedEditedNearestNeighboursOptions.NNeighbors));
            var targeted = strategy.Resolve(current, data.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
            var kept = NeighborVotes.EditedKeep(data, subset, targeted, k, mode, search);
            var unchanged = kept.Length == rows.Length;
            rows = kept.Select(i => rows[i]).ToArray();
            var counts = new int[original.Length];
            foreach (var r in rows) counts[data.Labels[r]]++;
            var minorityReached = !allowMinority && Enumerable.Range(0, counts.Length)
                .Any(c => c != minority && counts[c] > 0 && counts[c] < original[minority]);
            var classLost = Enumerable.Range(0, counts.Length).Any(c => original[c] > 0 && counts[c] == 0);
            if ((stopWhenUnchanged && unchanged) || minorityReached || classLost) break;
            current = counts;
        }
        return rows;
    }
}
