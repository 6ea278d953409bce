using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// Condensed nearest neighbour (Hart, "The Condensed Nearest Neighbor Rule", IEEE Transactions on Information
/// Theory 14(3), 1968), as imbalanced-learn's <c>CondensedNearestNeighbour</c>: for each class to clean, a store
/// starts with the minority rows and <c>n_seeds_S</c> random rows of the class; the class's rows are visited in
/// order and each one the store misclassifies (1-NN) joins it; only the class's rows in the store are kept.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="CondensedOptions.NNeighbors"/>, <see cref="CondensedOptions.NSeedsS"/>. Rows already classified
/// correctly by the latest store are skipped, as imbalanced-learn intends (its check compares a position with
/// row numbers; here both are row numbers). With one neighbour (the default) the store is asked once, and each row of
/// the class then keeps its nearest stored row as rows join (same rows kept, a distance per row per addition instead
/// of a 1-NN query of every row); with an approximate index only that first answer is approximate.
/// <code>var result = new CondensedNearestNeighbour(new() { Seed = 0 }).FitResample(data);</code></remarks>
public sealed class CondensedNearestNeighbour(CondensedOptions? options = null) : ISampler
{
    /// <summary>Rows visited per block by the one-neighbour rule (see <c>OneNeighbor</c>).</summary>
    internal int BlockRows { get; init; } = 4096;

    private readonly CondensedOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (kept, _) = _options.Condense(data, "cnn", (c, rows, initial, minorityRows) =>
        {
            var seeds = initial.ToList();
            var store = minorityRows.Concat(seeds).ToList();
            if (_options.NNeighbors == 1) return OneNeighbor(data, c, rows, seeds, [.. store]);
            var good = new HashSet<int>(seeds);
            foreach (var r in rows)
            {
                if (good.Contains(r)) continue;
                var vote = KNearestNeighborVote.Predict(data, [.. store], [r], _options.NNeighbors, _options.Neighbors);
                if (vote[0] == c)
                    continue;
                seeds.Add(r);
                store.Add(r);
                var predicted = KNearestNeighborVote.Predict(data, [.. store], rows, _options.NNeighbors,
                    _options.Neighbors);
                good = new HashSet<int>(seeds.Concat(rows.Where((_, i) => predicted[i] == c)));
            }
            return seeds.Distinct();
        });
        return ResampleResult.Keep(data, [.. kept]);
    }

    /// <summary>Hart's rule with one neighbour, as the general loop above decides, without asking the store again
    /// after each addition: every row of the class keeps the class of its nearest stored row and the distance to
    /// it, and a row joining the store takes over the rows still to be visited that it is now strictly nearer to
    /// (a tie stays with the row stored first, as the engine answers). A row not known good is then exactly a row
    /// the store misclassifies. The rows are visited a block at a time: a row joining the store takes over rows of
    /// its own block at once, and a block is brought up to date, before its first row is visited, by one 1-NN query
    /// of its rows among all rows joined before it (an exact index over them, lower index first among equals:
    /// the earlier joined). That is one distance per joined row and row visited after it, as one at a time, but
    /// asked of the engine's blocked kernels rather than one row pair after another through memory.</summary>
    private IEnumerable<int> OneNeighbor(Dataset data, int c, int[] rows, List<int> seeds, int[] store)
    {
        var (predicted, nearest) = KNearestNeighborVote.Nearest(data, store, rows, _options.Neighbors);
        var metric = _options.Neighbors.EffectiveMetric;
        var search = _options.Neighbors;
        var exact = search with
        {
            Algorithm = search.Algorithm is NeighborAlgorithm.Auto or NeighborAlgorithm.Approximate
                ? NeighborAlgorithm.Exact
                : search.Algorithm,
        };
        var isSeed = new HashSet<int>(seeds);
        var joined = new List<int>();
        for (var start = 0; start < rows.Length; start += BlockRows)
        {
            var end = Math.Min(rows.Length, start + BlockRows);
            if (joined.Count > 0) CatchUp(data, rows[start..end], joined, exact, nearest.AsSpan(start..end),
                predicted.AsSpan(start..end), c);
            for (var i = start; i < end; i++)
            {
                var r = rows[i];
                if (isSeed.Contains(r) || predicted[i] == c) continue;
                seeds.Add(r);
                isSeed.Add(r);
                joined.Add(r);
                var added = data.NumericRow(r);
                for (var j = i + 1; j < end; j++)
                {
                    var d = metric.Reduced(data.NumericRow(rows[j]), added);
                    if (d < nearest[j]) (nearest[j], predicted[j]) = (d, c);
                }
            }
        }
        return seeds.Distinct();
    }

    /// <summary>Rows <paramref name="block"/> take the nearest of the rows <paramref name="joined"/> (of class
    /// <paramref name="c"/>) where it is strictly nearer than their nearest so far.</summary>
    private static void CatchUp(Dataset data, int[] block, List<int> joined, NeighborSearch exact,
        Span<double> nearest, Span<int> predicted, int c)
    {
        var index = exact.BuildOfRows(data.Numeric, [.. joined], data.NumericCount);
        var metric = exact.EffectiveMetric;
        var closest = new int[block.Length];
        ChunkedQueries.Each(index, data.Numeric, block, 1, (first, found) =>
        {
            for (var i = 0; i < found.QueryCount; i++) closest[first + i] = found.IndicesOf(i)[0];
        });
        for (var i = 0; i < block.Length; i++)
        {
            var d = metric.Reduced(data.NumericRow(block[i]), data.NumericRow(joined[closest[i]]));
            if (d < nearest[i]) (nearest[i], predicted[i]) = (d, c);
        }
    }
}
