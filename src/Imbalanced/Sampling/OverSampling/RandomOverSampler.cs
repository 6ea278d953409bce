using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// Random over-sampling: draws rows of each targeted class at random with replacement and appends them
/// (imbalanced-learn's <c>RandomOverSampler</c>). With <c>shrinkage</c> it draws a smoothed bootstrap instead:
/// each drawn row plus Gaussian noise whose scale per feature is
/// <c>shrinkage · (4 / ((d + 2) · n))^(1 / (d + 4)) · σ_class</c> (Silverman's rule of thumb; n all rows, d
/// features, σ the class's population standard deviation), which is ROSE (Menardi and Torelli, "Training and
/// assessing classification rules with imbalanced data", Data Mining and Knowledge Discovery, 2014).
/// </summary>
/// <remarks>
/// Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="RandomOverSamplerOptions.Shrinkage"/>. Copies record their source row; smoothed rows their base row.
/// <code>
/// var result = new RandomOverSampler(new() { Seed = 42 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class RandomOverSampler(RandomOverSamplerOptions? options = null) : IClassLocalSampler
{
    private readonly RandomOverSamplerOptions _options = options ?? new();

    /// <summary>The options the sampler runs with.</summary>
    internal RandomOverSamplerOptions Options => _options;

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Resample(data, data.ClassCounts());
    }

    // Shrinkage scales by the whole table's row count and reads every feature, so only plain copies are class-local.
    int[]? IClassLocalSampler.ClassesRead(ClassSet classes, int[] counts) =>
        _options.Shrinkage is not null || _options.ShrinkagePerClass is not null ? null
            : _options.Strategy.GrownClasses(counts, classes);

    ResampleResult IClassLocalSampler.FitResample(Dataset part, WholeTable whole) => Resample(part, whole.Counts);

    private ResampleResult Resample(Dataset data, int[] counts)
    {
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        var smoothed = _options.Shrinkage is not null || _options.ShrinkagePerClass is not null;
        if (smoothed)
            DataChecks.RequireNumericComplete(data, "random-over with shrinkage",
                "drop the categorical columns or leave shrinkage out");
        var rng = new SeededRandom(_options.Seed);
        int p = data.NumericCount, n = data.RowCount;
        var added = new SyntheticRows(data, strategy.Values.Sum());
        foreach (var (c, count) in strategy)
        {
            if (count == 0) continue;
            var rows = data.RowsOfClass(c);
            double[]? scale = null;
            if (smoothed)
            {
                var factor = ShrinkageOf(data.Classes[c]);
                var smoothing = Math.Pow(4.0 / ((p + 2) * (double)n), 1.0 / (p + 4));
                scale = StandardDeviation(data, rows).Select(s => factor * smoothing * s).ToArray();
            }
            for (var s = 0; s < count; s++)
            {
                var r = rows[rng.NextInt(rows.Length)];
                var row = added.Add(c, new RowOrigin(true, scale is null ? r : -1, r, -1, double.NaN));
                data.NumericRow(r).CopyTo(row.Numeric);
                data.CategoricalRow(r).CopyTo(row.Categorical);
                if (scale is not null)
                    for (var j = 0; j < p; j++) row.Numeric[j] += rng.NextGaussian() * scale[j];
            }
        }
        return added.ToResult();
    }

    private double ShrinkageOf(string label)
    {
        if (_options.ShrinkagePerClass is { } map)
        {
            if (!map.TryGetValue(label, out var v))
                throw new DataException(
                    $"ShrinkagePerClass has no factor for class '{label}', which is over-sampled; give one for every " +
                    "over-sampled class")
                { Parameter = nameof(RandomOverSamplerOptions.ShrinkagePerClass) };
            return CheckShrinkage(v);
        }
        return CheckShrinkage(_options.Shrinkage!.Value);
    }

    private static double CheckShrinkage(double v) =>
        v >= 0 && double.IsFinite(v) ? v
            : throw new ArgumentOutOfRangeException(nameof(RandomOverSamplerOptions.Shrinkage), v,
                $"Shrinkage must be a finite number ≥ 0; got {v}");

    private static double[] StandardDeviation(Dataset data, int[] rows)
    {
        var p = data.NumericCount;
        var mean = new double[p];
        foreach (var r in rows)
            for (var j = 0; j < p; j++) mean[j] += data.Numeric[r * p + j];
        for (var j = 0; j < p; j++) mean[j] /= rows.Length;
        var variance = new double[p];
        foreach (var r in rows)
            for (var j = 0; j < p; j++)
            {
                var e = data.Numeric[r * p + j] - mean[j];
                variance[j] += e * e;
            }
        return variance.Select(v => Math.Sqrt(v / rows.Length)).ToArray();
    }
}
