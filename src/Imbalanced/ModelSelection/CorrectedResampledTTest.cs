using Imbalanced.Numerics;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The corrected resampled t-test (Nadeau and Bengio, "Inference for the Generalization Error", Machine Learning 52,
/// 2003; for repeated k-fold, Bouckaert and Frank, 2004): fold scores of two methods on the same folds are not
/// independent, so the variance of the J paired differences is inflated by the test/train size ratio:
/// <c>t = mean(d) / √((1/J + n_test/n_train) · var(d))</c>, with J − 1 degrees of freedom.
/// </summary>
public static class CorrectedResampledTTest
{
    /// <summary>
    /// The t statistic and two-sided p-value for paired fold scores <paramref name="a"/> and <paramref name="b"/>.
    /// </summary>
    /// <param name="a">Fold scores of the first method.</param>
    /// <param name="b">Fold scores of the second, on the same folds.</param>
    /// <param name="testToTrainRatio">n_test / n_train of a fold: 1 / (k − 1) for k-fold.</param>
    public static (double T, double P) Compare(
        IReadOnlyList<double> a, IReadOnlyList<double> b, double testToTrainRatio)
    {
        if (a.Count != b.Count || a.Count < 2) throw new ArgumentException("need at least two paired fold scores");
        var d = a.Zip(b, (x, y) => x - y).ToArray();
        var mean = d.Average();
        var variance = d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1);
        if (variance == 0) return mean == 0 ? (0, 1) : (double.PositiveInfinity * Math.Sign(mean), 0);
        var t = mean / Math.Sqrt((1.0 / d.Length + testToTrainRatio) * variance);
        return (t, StudentT.TwoSidedP(t, d.Length - 1));
    }
}
