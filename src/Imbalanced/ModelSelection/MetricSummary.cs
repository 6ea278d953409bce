namespace Imbalanced.ModelSelection;

/// <summary>Mean, standard deviation (sample, n − 1) and per-fold values of one metric.</summary>
/// <param name="Mean">The mean over the folds.</param>
/// <param name="Std">The sample standard deviation over the folds (0 for one fold).</param>
/// <param name="Folds">The value of each fold, in fold order.</param>
public sealed record MetricSummary(double Mean, double Std, IReadOnlyList<double> Folds)
{
    /// <summary>The summary of <paramref name="values"/>.</summary>
    internal static MetricSummary Of(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new MetricSummary(mean, std, values);
    }
}
