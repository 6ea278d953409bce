using Imbalanced.Data;

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
    /// <summary>Fewest rows a thread is handed when the rows still to be visited are asked about again.</summary>
    private const int MinPart = 8192;

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
    /// the store misclassifies. An addition costs one distance per row still to be visited instead of a 1-NN query
    /// of every row.</summary>
    private IEnumerable<int> OneNeighbor(Dataset data, int c, int[] rows, List<int> seeds, int[] store)
    {
        var (predicted, nearest) = KNearestNeighborVote.Nearest(data, store, rows, _options.Neighbors);
        var metric = _options.Neighbors.EffectiveMetric;
        var isSeed = new HashSet<int>(seeds);
        var threads = _options.Neighbors.Threads;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            if (isSeed.Contains(r) || predicted[i] == c) continue;
            seeds.Add(r);
            isSeed.Add(r);
            // Only the rows still to be visited are asked about again; their range in a few parts per thread.
            var first = i + 1;
            var parts = Math.Clamp((rows.Length - first) / MinPart, 1, 4 * threads);
            Parallel.For(0, parts, parallel, part =>
            {
                var end = first + (int)((long)(rows.Length - first) * (part + 1) / parts);
                var added = data.NumericRow(r);
                for (var j = first + (int)((long)(rows.Length - first) * part / parts); j < end; j++)
                {
                    var d = metric.Reduced(data.NumericRow(rows[j]), added);
                    if (d < nearest[j]) (nearest[j], predicted[j]) = (d, c);
                }
            });
        }
        return seeds.Distinct();
    }
}
