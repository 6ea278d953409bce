namespace Imbalanced.Metrics;

/// <summary>
/// The label-based metrics of scikit-learn and imbalanced-learn, from a <see cref="ConfusionMatrix"/>. A ratio
/// whose denominator is zero is 0 (scikit-learn's <c>zero_division=0</c>).
/// </summary>
public static class ClassificationMetrics
{
    private static double Divide(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>Precision of class c: <c>TP / (TP + FP)</c>.</summary>
    public static double Precision(ConfusionMatrix m, int c) => Divide(m.TruePositives(c), m.PredictedCount(c));

    /// <summary>Recall (sensitivity) of class c: <c>TP / (TP + FN)</c>.</summary>
    public static double Recall(ConfusionMatrix m, int c) => Divide(m.TruePositives(c), m.TrueCount(c));

    /// <summary>Specificity of class c, one against the rest: <c>TN / (TN + FP)</c>. With sample weights this uses the
    /// weighted TN and FP (imbalanced-learn issue 1180 got this wrong).</summary>
    public static double Specificity(ConfusionMatrix m, int c) => Divide(m.TrueNegatives(c), m.Total - m.TrueCount(c));

    /// <summary>F-beta of class c: <c>(1 + β²) · P · R / (β² · P + R)</c>; F1 for β = 1.</summary>
    public static double FBeta(ConfusionMatrix m, int c, double beta = 1.0)
    {
        double p = Precision(m, c), r = Recall(m, c), b2 = beta * beta;
        return Divide((1 + b2) * p * r, b2 * p + r);
    }

    /// <summary>Geometric mean of class c (imbalanced-learn's per-class report):
    /// <c>√(recall · specificity)</c>.</summary>
    public static double GeometricMean(ConfusionMatrix m, int c) => Math.Sqrt(Recall(m, c) * Specificity(m, c));

    /// <summary>
    /// Index of balanced accuracy (García, Mollineda and Sánchez, 2009) of any score <c>g</c> of class c:
    /// <c>(1 + α · (recall − specificity)) · g</c>, with <c>g = recall · specificity</c> for the squared G-mean
    /// (imbalanced-learn's default, α = 0.1).
    /// </summary>
    public static double IndexBalancedAccuracy(ConfusionMatrix m, int c, double alpha = 0.1,
        Func<ConfusionMatrix, int, double>? score = null, bool squared = true)
    {
        var g = score?.Invoke(m, c) ?? GeometricMean(m, c);
        if (squared) g *= g;
        return (1 + alpha * (Recall(m, c) - Specificity(m, c))) * g;
    }

    /// <summary>Accuracy: <c>Σ TP / n</c>.</summary>
    public static double Accuracy(ConfusionMatrix m) =>
        Divide(Enumerable.Range(0, m.Classes).Sum(m.TruePositives), m.Total);

    /// <summary>
    /// Balanced accuracy (scikit-learn): the mean recall over the classes present in the truth; with
    /// <paramref name="adjusted"/>, rescaled so that chance is 0: <c>(score − 1/K) / (1 − 1/K)</c>.
    /// </summary>
    public static double BalancedAccuracy(ConfusionMatrix m, bool adjusted = false)
    {
        var present = Enumerable.Range(0, m.Classes).Where(c => m.TrueCount(c) > 0).ToArray();
        var score = present.Average(c => Recall(m, c));
        if (!adjusted) return score;
        var chance = 1.0 / present.Length;
        return (score - chance) / (1 - chance);
    }

    /// <summary>
    /// Matthews correlation coefficient, binary and multiclass (Gorodkin's R_K):
    /// <c>(c · s − Σ_k t_k p_k) / √((s² − Σ p_k²)(s² − Σ t_k²))</c>, c correct rows, s all rows, t true
    /// and p predicted counts per class; 0 when a factor under the root is 0.
    /// </summary>
    public static double MatthewsCorrelation(ConfusionMatrix m)
    {
        double s = m.Total, correct = 0, tp = 0, pp = 0, tt = 0;
        for (var k = 0; k < m.Classes; k++)
        {
            correct += m.TruePositives(k);
            double t = m.TrueCount(k), p = m.PredictedCount(k);
            tp += t * p;
            pp += p * p;
            tt += t * t;
        }
        var covPP = s * s - pp;
        var covTT = s * s - tt;
        return covPP * covTT == 0 ? 0 : (correct * s - tp) / Math.Sqrt(covTT * covPP);
    }

    /// <summary>Cohen's kappa: <c>1 − Σ_{i≠j} C[i,j] / Σ_{i≠j} E[i,j]</c>, with
    /// <c>E[i,j] = pred_j · true_i / n</c>.</summary>
    public static double CohenKappa(ConfusionMatrix m)
    {
        double observed = 0, expected = 0, n = m.Total;
        for (var i = 0; i < m.Classes; i++)
            for (var j = 0; j < m.Classes; j++)
            {
                if (i == j) continue;
                observed += m[i, j];
                expected += m.TrueCount(i) * m.PredictedCount(j) / n;
            }
        return 1 - observed / expected;
    }

    /// <summary>
    /// imbalanced-learn's <c>geometric_mean_score</c> with <c>average='multiclass'</c>: the geometric mean of the
    /// per-class recalls, <c>(Π_k R_k)^(1/K)</c>, each zero recall replaced by <paramref name="correction"/> (0 by
    /// default, so one missed class makes it 0).
    /// </summary>
    public static double MulticlassGeometricMean(ConfusionMatrix m, double correction = 0.0)
    {
        var logSum = 0.0;
        for (var c = 0; c < m.Classes; c++)
        {
            var r = Recall(m, c);
            if (r == 0) r = correction;
            if (r == 0) return 0;
            logSum += Math.Log(r);
        }
        return Math.Exp(logSum / m.Classes);
    }

    /// <summary>
    /// Macro-averaged mean absolute error for ordinal classes (Baccianella, Esuli and Sebastiani, 2009;
    /// imbalanced-learn's <c>macro_averaged_mean_absolute_error</c>): for each class present in the truth, the mean
    /// |true − predicted| over its rows; then the mean over classes.
    /// </summary>
    public static double MacroAveragedMeanAbsoluteError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("one prediction per row is needed");
        return truth.Distinct().Order().Average(c =>
            Enumerable.Range(0, truth.Count).Where(i => truth[i] == c).Average(i => Math.Abs(truth[i] - predicted[i])));
    }

    /// <summary>The unweighted mean of a per-class metric (macro average).</summary>
    public static double Macro(ConfusionMatrix m, Func<ConfusionMatrix, int, double> metric) =>
        Enumerable.Range(0, m.Classes).Average(c => metric(m, c));

    /// <summary>The mean of a per-class metric weighted by support (weighted average).</summary>
    public static double Weighted(ConfusionMatrix m, Func<ConfusionMatrix, int, double> metric) =>
        Divide(Enumerable.Range(0, m.Classes).Sum(c => metric(m, c) * m.TrueCount(c)), m.Total);

    /// <summary>The micro average of precision, recall and F: pooled
    /// over classes, equal to accuracy for single-label data.</summary>
    public static double Micro(ConfusionMatrix m) => Accuracy(m);

    /// <summary>Expected cost per row of a binary matrix (class 1 positive):
    /// <c>(c_fn · FN + c_fp · FP) / n</c>.</summary>
    /// <example>With 3 missed positives and 10 false alarms in 1,000 rows and
    /// <c>new MisclassificationCost(20, 1)</c>, the expected cost is <c>(60 + 10) / 1000 = 0.07</c>.</example>
    public static double ExpectedCost(ConfusionMatrix m, MisclassificationCost cost)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(cost);
        if (m.Classes != 2) throw new ArgumentException("the expected cost is for two classes", nameof(m));
        return Divide(cost.FalseNegative * m[1, 0] + cost.FalsePositive * m[0, 1], m.Total);
    }
}
