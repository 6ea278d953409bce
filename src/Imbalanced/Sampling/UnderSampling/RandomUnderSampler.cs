using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.UnderSampling;

/// <summary>
/// Random under-sampling: keeps a random subset of each targeted class, of the size the strategy asks
/// (imbalanced-learn's <c>RandomUnderSampler</c>); other classes are kept whole. Kept rows stay in input order.
/// </summary>
/// <remarks>
/// Parameters: <see cref="SamplerOptions.Strategy"/> (default: every class but the minority down to the
/// minority's size), <see cref="SamplerOptions.Seed"/>, <see cref="RandomUnderSamplerOptions.Replacement"/>.
/// <code>
/// var result = new RandomUnderSampler(new() { Seed = 1 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class RandomUnderSampler(RandomUnderSamplerOptions? options = null) : ISampler
{
    private readonly RandomUnderSamplerOptions _options = options ?? new();

    /// <summary>The options the sampler runs with.</summary>
    internal RandomUnderSamplerOptions Options => _options;

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ranks = DrawRanks(data.ClassCounts(), data.Classes);
        var kept = new List<int>(data.RowCount);
        for (var c = 0; c < ranks.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            if (ranks[c] is not { } drawn) kept.AddRange(rows);
            else foreach (var r in drawn) kept.Add(rows[r]);
        }
        return ResampleResult.Keep(data, [.. kept]);
    }

    /// <summary>The draws on class counts alone: for each class, the ranks within the class of the rows kept, in the
    /// order drawn (a rank drawn twice with replacement appears twice), or null where the class is kept whole.
    /// </summary>
    /// <exception cref="DataException">The strategy does not fit the counts.</exception>
    internal int[]?[] DrawRanks(int[] counts, ClassSet classes)
    {
        var strategy = _options.Strategy.Resolve(counts, classes, SamplingType.UnderSampling);
        var rng = new SeededRandom(_options.Seed);
        var ranks = new int[]?[counts.Length];
        for (var c = 0; c < counts.Length; c++)
        {
            if (!strategy.TryGetValue(c, out var keep)) continue;
            if (_options.Replacement)
            {
                var drawn = new int[keep];
                for (var s = 0; s < keep; s++) drawn[s] = rng.NextInt(counts[c]);
                ranks[c] = drawn;
            }
            else ranks[c] = rng.SampleWithoutReplacement(counts[c], keep);
        }
        return ranks;
    }
}
