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
/// row numbers; here both are row numbers). The store is asked once, and each row of the class then keeps its
/// <see cref="CondensedOptions.NNeighbors"/> nearest stored rows as rows join (same rows kept, a distance per row per
/// addition instead of a k-NN query of every row); with an approximate index only that first answer is approximate.
/// <code>var result = new CondensedNearestNeighbour(new() { Seed = 0 }).FitResample(data);</code></remarks>
public sealed class CondensedNearestNeighbour(CondensedOptions? options = null) : ISampler
{
    /// <summary>Rows visited per block (see <c>Condense</c>).</summary>
    internal int BlockRows { get; init; } = 4096;

    private readonly CondensedOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (kept, _) = _options.Condense(data, "cnn", (c, rows, initial, minorityRows) =>
        {
            var seeds = initial.ToList();
            return Condense(data, c, rows, seeds, [.. minorityRows.Concat(seeds)]);
        });
        return ResampleResult.Keep(data, [.. kept]);
    }

    /// <summary>
    /// Hart's rule as the loop of imbalanced-learn runs it (visit the class's rows in order; a row the store
    /// misclassifies by its k nearest stored rows, majority vote, ties to the first class, joins the store), without
    /// asking the store again after each addition: every row of the class keeps its k nearest stored rows (by reduced
    /// distance, then place in the store) and their vote, and a row joining the store enters the lists it is
    /// strictly nearer than the last of. A row not known good is then exactly a row the store misclassifies. The rows
    /// are visited a block at a time: a row joining the store enters the lists of its own block at once, and a block
    /// is brought up to date, before its first row is visited, by one k-NN query of its rows among all rows joined
    /// before it (an exact index over them; among equals the earlier joined). That is one distance per joined row
    /// and row visited after it, asked of the engine's blocked kernels rather than one row pair after another.
    /// </summary>
    private IEnumerable<int> Condense(Dataset data, int c, int[] rows, List<int> seeds, int[] store)
    {
        var search = _options.Neighbors;
        var exact = search with
        {
            Algorithm = search.Algorithm is NeighborAlgorithm.Auto or NeighborAlgorithm.Approximate
                ? NeighborAlgorithm.Exact
                : search.Algorithm,
        };
        var lists = new NearestStored(data, rows, store, c, _options.NNeighbors, search.EffectiveMetric);
        lists.Add(search.BuildOfRows(data.Numeric, store, data.NumericCount), store, 0, 0, rows.Length);
        var isSeed = new HashSet<int>(seeds);
        var joined = new List<int>();
        for (var start = 0; start < rows.Length; start += BlockRows)
        {
            var end = Math.Min(rows.Length, start + BlockRows);
            if (joined.Count > 0)
            {
                int[] points = [.. joined];
                lists.Add(exact.BuildOfRows(data.Numeric, points, data.NumericCount), points, store.Length, start, end);
            }
            for (var i = start; i < end; i++)
            {
                var r = rows[i];
                if (isSeed.Contains(r) || lists.Predicted(i) == c) continue;
                seeds.Add(r);
                isSeed.Add(r);
                joined.Add(r);
                lists.Join(r, store.Length + joined.Count - 1, i + 1, end);
            }
        }
        return seeds.Distinct();
    }
}
