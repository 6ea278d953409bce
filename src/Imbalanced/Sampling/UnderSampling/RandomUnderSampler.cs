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
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.UnderSampling);
        var rng = new SeededRandom(_options.Seed);
        var kept = new List<int>(data.RowCount);
        for (var c = 0; c < counts.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            if (!strategy.TryGetValue(c, out var keep)) { kept.AddRange(rows); continue; }
            if (_options.Replacement)
                for (var s = 0; s < keep; s++) kept.Add(rows[rng.NextInt(rows.Length)]);
            else
                foreach (var i in rng.SampleWithoutReplacement(rows.Length, keep)) kept.Add(rows[i]);
        }
        return ResampleResult.Keep(data, [.. kept]);
    }
}
