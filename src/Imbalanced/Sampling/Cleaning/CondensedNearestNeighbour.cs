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
/// row numbers; here both are row numbers).
/// <code>var result = new CondensedNearestNeighbour(new() { Seed = 0 }).FitResample(data);</code></remarks>
public sealed class CondensedNearestNeighbour(CondensedOptions? options = null) : ISampler
{
    private readonly CondensedOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (kept, _) = _options.Condense(data, "cnn", (c, rows, initial, minorityRows) =>
        {
            var seeds = initial.ToList();
            var store = minorityRows.Concat(seeds).ToList();
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
}
