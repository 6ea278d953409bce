using Imbalanced.Data;
using Imbalanced.ModelSelection;

namespace Imbalanced.Sampling.UnderSampling;

/// <summary>
/// Instance hardness threshold (Smith, Martinez and Giraud-Carrier, "An instance level analysis of data
/// complexity", Machine Learning 95, 2014), as imbalanced-learn's <c>InstanceHardnessThreshold</c>: every row gets
/// the probability its own class receives from a classifier in stratified cross-validation; of each class to
/// shrink, the rows whose probability is at least the <c>(1 − wanted / count)</c> percentile (linear interpolation,
/// as NumPy) are kept, so the easiest rows stay and the hardest go.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/> (fold shuffling),
/// <see cref="InstanceHardnessThresholdOptions.Estimator"/>, <see cref="InstanceHardnessThresholdOptions.Folds"/>.
/// Ties at the percentile keep every tied row, so a class can keep more rows than asked, as in imbalanced-learn.
/// <code>var result = new InstanceHardnessThreshold(new() { Folds = 5 }).FitResample(data);</code></remarks>
public sealed class InstanceHardnessThreshold(InstanceHardnessThresholdOptions? options = null) : ISampler
{
    private readonly InstanceHardnessThresholdOptions _options = options ?? new();

    /// <summary>The probability each row's own class receives, cross-validated (out of fold).</summary>
    public static double[] OwnClassProbabilities(Dataset data, IClassifier estimator, int folds, long seed)
    {
        var k = data.Classes.Count;
        // One split's row lists at a time (2,000,000 rows: 8 MB a split, 40 MB for five).
        var splits = StratifiedSplits.KFoldOneAtATime(data.Labels, folds, true, seed, data.Classes);
        var p = OutOfFoldLoop.Probabilities(data, splits, estimator);
        return Enumerable.Range(0, data.RowCount).Select(i => p[i * k + data.Labels[i]]).ToArray();
    }

    /// <summary>NumPy's <c>percentile</c> with linear interpolation, <paramref name="q"/> in [0, 100].</summary>
    public static double Percentile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.UnderSampling);
        DataChecks.RequireNumericComplete(data, "iht");
        var probabilities = OwnClassProbabilities(
            data,
            _options.Estimator ?? new NearestNeighborsClassifier(5, _options.Neighbors),
            _options.Folds,
            _options.Seed);
        var kept = new List<int>();
        for (var c = 0; c < counts.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            if (!strategy.TryGetValue(c, out var wanted)) { kept.AddRange(rows); continue; }
            var own = rows.Select(r => probabilities[r]).ToArray();
            var threshold = Percentile(own, (1.0 - wanted / (double)counts[c]) * 100.0);
            kept.AddRange(rows.Where((_, i) => own[i] >= threshold));
        }
        return ResampleResult.Keep(data, [.. kept]);
    }
}
