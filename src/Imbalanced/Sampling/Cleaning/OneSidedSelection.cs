using Imbalanced.Data;
using Imbalanced.Randomness;

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
        var counts = data.ClassCounts();
        var targeted = _options.Strategy.Resolve(counts, data.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
        DataChecks.RequireNumericComplete(data, "oss");
        if (_options.NSeedsS < 1) throw new DataException($"n_seeds_S must be at least 1; got {_options.NSeedsS}");
        var rng = new SeededRandom(_options.Seed);
        var minority = ClassCounting.Minority(counts);
        var kept = new List<int>();
        for (var c = 0; c < counts.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            if (!targeted.Contains(c)) { kept.AddRange(rows); continue; }
            var seeds = _options.Seeds(data, c, rows, rng);
            var rest = rows.Where(r => !seeds.Contains(r)).ToArray();
            var predicted = OneNearestNeighbour.Predict(data, [.. data.RowsOfClass(minority), .. seeds], rest, _options.NNeighbors, _options.Neighbors);
            kept.AddRange(seeds.Distinct());
            kept.AddRange(rest.Where((_, i) => predicted[i] != c));
        }
        var selected = kept.ToArray();
        var subset = data.Select(selected);
        var survivors = TomekLinks.Keep(subset, targeted, _options.Neighbors);
        return ResampleResult.Keep(data, survivors.Select(i => selected[i]).ToArray());
    }
}
