using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// One-sided selection (Kubat and Matwin, "Addressing the Curse of Imbalanced Training Sets: One-Sided
/// Selection", ICML 1997), as imbalanced-learn's <c>OneSidedSelection</c>: for each class to clean, a store of the
/// minority rows and <c>n_seeds_S</c> random rows of the class classifies (1-NN) the class's other rows once; the
/// seeds and the misclassified rows are kept; then <see cref="TomekLinks"/> removes the cleaned classes' members
/// of links among what is left.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="CondensedOptions.NNeighbors"/>, <see cref="CondensedOptions.NSeedsS"/>.
/// <code>var result = new OneSidedSelection(new() { Seed = 0 }).FitResample(data);</code></remarks>
public sealed class OneSidedSelection(CondensedOptions? options = null) : ISampler
{
    private readonly CondensedOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (kept, targeted) = _options.Condense(data, "oss", (c, rows, seeds, minorityRows) =>
        {
            var rest = rows.Where(r => !seeds.Contains(r)).ToArray();
            var predicted = KNearestNeighborVote.Predict(data, [.. minorityRows, .. seeds], rest, _options.NNeighbors,
                _options.Neighbors);
            return seeds.Distinct().Concat(rest.Where((_, i) => predicted[i] != c));
        });
        var selected = kept.ToArray();
        // Tomek links among the rows selected, read in place rather than copied.
        var survivors = TomekLinks.Keep(data, selected, targeted, _options.Neighbors);
        return ResampleResult.Keep(data, survivors.Select(i => selected[i]).ToArray());
    }
}
