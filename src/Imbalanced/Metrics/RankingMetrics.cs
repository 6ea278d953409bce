namespace Imbalanced.Metrics;

/// <summary>
/// Metrics of a score for a positive class, as scikit-learn computes them: the curve points come from
/// sorting by score (descending, stable), one point per distinct score, with cumulated (weighted) true and false
/// positives.
/// </summary>
public static class RankingMetrics
{
    /// <summary>The points (false positives, true positives, threshold) at each distinct score, descending.</summary>
    public static (double[] Fps, double[] Tps, double[] Thresholds) CurvePoints(IReadOnlyList<bool> positive,
        IReadOnlyList<double> scores, IReadOnlyList<double>? weights = null)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenByDescending(i => i)
            .ToArray();
        var fps = new List<double>();
        var tps = new List<double>();
        var thresholds = new List<double>();
        double tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var w = weights?[i] ?? 1.0;
            if (positive[i]) tp += w; else fp += w;
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[i])
            {
                fps.Add(fp);
                tps.Add(tp);
                thresholds.Add(scores[i]);
            }
        }
        return ([.. fps], [.. tps], [.. thresholds]);
    }

    /// <summary>ROC curve: false positive rate and true positive rate at each threshold, starting at (0, 0).</summary>
    public static (double[] Fpr, double[] Tpr, double[] Thresholds) RocCurve(IReadOnlyList<bool> positive,
        IReadOnlyList<double> scores, IReadOnlyList<double>? weights = null)
    {
        var (fps, tps, thresholds) = CurvePoints(positive, scores, weights);
        double fMax = fps[^1], tMax = tps[^1];
        return ([0, .. fps.Select(f => fMax == 0 ? double.NaN : f / fMax)],
            [0, .. tps.Select(t => tMax == 0 ? double.NaN : t / tMax)],
            [double.PositiveInfinity, .. thresholds]);
    }

    /// <summary>Area under the ROC curve by the trapezoid rule (binary).</summary>
    public static double RocAuc(IReadOnlyList<bool> positive, IReadOnlyList<double> scores,
        IReadOnlyList<double>? weights = null)
    {
        if (positive.All(p => p) || positive.All(p => !p))
            throw new DataException("ROC-AUC needs both classes in the truth; only one is present");
        var (fpr, tpr, _) = RocCurve(positive, scores, weights);
        var area = 0.0;
        for (var i = 1; i < fpr.Length; i++) area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        return area;
    }

    /// <summary>
    /// Multiclass ROC-AUC, one class against the rest (scikit-learn's <c>multi_class='ovr'</c>): the binary AUC of each
    /// class's probability column, averaged unweighted (macro) or weighted by the class's prevalence in the truth.
    /// </summary>
    /// <param name="truth">True class codes.</param>
    /// <param name="probabilities">Row-major probabilities, rows × classes.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="weighted">Weight by prevalence instead of the plain mean.</param>
    public static double RocAucOneVersusRest(IReadOnlyList<int> truth, IReadOnlyList<double> probabilities, int classes,
        bool weighted = false)
    {
        double total = 0, weight = 0;
        for (var c = 0; c < classes; c++)
        {
            var positive = truth.Select(t => t == c).ToArray();
            var scores = Enumerable.Range(0, truth.Count).Select(i => probabilities[i * classes + c]).ToArray();
            var w = weighted ? positive.Count(p => p) : 1.0;
            total += w * RocAuc(positive, scores);
            weight += w;
        }
        return total / weight;
    }

    /// <summary>Macro-averaged one-versus-rest average precision of row-major probabilities (rows × classes): the mean
    /// over classes c of <see cref="AveragePrecision"/>(truth = c, p_c), as scikit-learn's
    /// <c>average_precision_score(label_binarize(y), p, average="macro")</c>.</summary>
    public static double AveragePrecisionOneVersusRest(IReadOnlyList<int> truth, IReadOnlyList<double> probabilities,
        int classes)
    {
        double total = 0;
        for (var c = 0; c < classes; c++)
            total += AveragePrecision(truth.Select(t => t == c).ToArray(),
                Enumerable.Range(0, truth.Count).Select(i => probabilities[i * classes + c]).ToArray());
        return total / classes;
    }

    /// <summary>Precision–recall curve points (precision, recall,
    /// threshold) by descending threshold, ending at (1, 0).</summary>
    public static (double[] Precision, double[] Recall, double[] Thresholds) PrecisionRecallCurve(
        IReadOnlyList<bool> positive, IReadOnlyList<double> scores, IReadOnlyList<double>? weights = null)
    {
        var (fps, tps, thresholds) = CurvePoints(positive, scores, weights);
        var precision = fps.Select((f, i) => tps[i] + f == 0 ? 0 : tps[i] / (tps[i] + f)).ToArray();
        var recall = tps.Select(t => tps[^1] == 0 ? 1 : t / tps[^1]).ToArray();
        return ([.. precision.Reverse(), 1], [.. recall.Reverse(), 0], [.. thresholds.AsEnumerable().Reverse()]);
    }

    /// <summary>Average precision, scikit-learn's step-wise sum (not the trapezoid):
    /// <c>AP = Σ_n (R_n − R_{n−1}) · P_n</c>.</summary>
    public static double AveragePrecision(IReadOnlyList<bool> positive, IReadOnlyList<double> scores,
        IReadOnlyList<double>? weights = null)
    {
        var (precision, recall, _) = PrecisionRecallCurve(positive, scores, weights);
        var ap = 0.0;
        for (var i = 0; i < recall.Length - 1; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
        return ap;
    }

    /// <summary>Log loss of probabilities p of the positive class:
    /// <c>−mean(y log p + (1 − y) log(1 − p))</c>, p clipped to [ε, 1 − ε] with ε the
    /// double epsilon and the pair (1 − p, p) renormalised, as scikit-learn 1.2.</summary>
    public static double LogLoss(IReadOnlyList<bool> positive, IReadOnlyList<double> probabilities,
        IReadOnlyList<double>? weights = null)
    {
        const double eps = 2.220446049250313e-16;
        double total = 0, weight = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], eps, 1 - eps);
            var q = 1 - p;
            var sum = p + q;
            var w = weights?[i] ?? 1.0;
            total -= w * Math.Log((positive[i] ? p : q) / sum);
            weight += w;
        }
        return total / weight;
    }

    /// <summary>Brier score: <c>mean((y − p)²)</c>.</summary>
    public static double Brier(IReadOnlyList<bool> positive, IReadOnlyList<double> probabilities,
        IReadOnlyList<double>? weights = null)
    {
        double total = 0, weight = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var e = (positive[i] ? 1 : 0) - probabilities[i];
            var w = weights?[i] ?? 1.0;
            total += w * e * e;
            weight += w;
        }
        return total / weight;
    }

    /// <summary>Expected calibration error of probabilities p of the positive class over <paramref name="bins"/>
    /// equal-width bins of [0, 1]: <c>ECE = Σ_b (n_b / n) · |mean_b(y) − mean_b(p)|</c> (Naeini, Cooper and
    /// Hauskrecht 2015; Guo et al. 2017), where bin b holds the p in [b/B, (b+1)/B) and the last bin includes 1.
    /// </summary>
    /// <example><c>RankingMetrics.ExpectedCalibrationError([true, false], [0.9, 0.2])</c> is
    /// <c>(|1 − 0.9| + |0 − 0.2|) / 2 = 0.15</c>.</example>
    public static double ExpectedCalibrationError(IReadOnlyList<bool> positive, IReadOnlyList<double> probabilities,
        int bins = 10)
    {
        double ece = 0;
        foreach (var (predicted, observed, count) in ReliabilityCurve(positive, probabilities, bins))
            ece += count * Math.Abs(observed - predicted) / probabilities.Count;
        return ece;
    }

    /// <summary>The points of a reliability diagram: for each non-empty one of <paramref name="bins"/> equal-width
    /// bins, the mean predicted probability, the observed fraction of positives and the number of rows.</summary>
    public static IReadOnlyList<(double Predicted, double Observed, int Count)> ReliabilityCurve(
        IReadOnlyList<bool> positive, IReadOnlyList<double> probabilities, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var truth = new double[bins];
        var mean = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = Bin(probabilities[i], bins);
            count[b]++;
            truth[b] += positive[i] ? 1 : 0;
            mean[b] += probabilities[i];
        }
        return Enumerable.Range(0, bins).Where(b => count[b] > 0)
            .Select(b => (mean[b] / count[b], truth[b] / count[b], count[b])).ToArray();
    }

    /// <summary>Multiclass log loss of row-major probabilities (rows × classes):
    /// <c>−mean(log p_i,y_i)</c>, each row clipped to [ε, 1 − ε] and renormalised, as scikit-learn 1.2.</summary>
    public static double LogLoss(IReadOnlyList<int> truth, IReadOnlyList<double> probabilities, int classes)
    {
        const double eps = 2.220446049250313e-16;
        double total = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            double sum = 0;
            for (var c = 0; c < classes; c++) sum += Math.Clamp(probabilities[i * classes + c], eps, 1 - eps);
            total -= Math.Log(Math.Clamp(probabilities[i * classes + truth[i]], eps, 1 - eps) / sum);
        }
        return total / truth.Count;
    }

    /// <summary>Multiclass Brier score of row-major probabilities (rows × classes):
    /// <c>mean_i Σ_c (p_ic − [y_i = c])²</c> (Brier 1950; scikit-learn 1.7's multiclass
    /// <c>brier_score_loss</c>).</summary>
    public static double Brier(IReadOnlyList<int> truth, IReadOnlyList<double> probabilities, int classes)
    {
        double total = 0;
        for (var i = 0; i < truth.Count; i++)
            for (var c = 0; c < classes; c++)
            {
                var e = (truth[i] == c ? 1 : 0) - probabilities[i * classes + c];
                total += e * e;
            }
        return total / truth.Count;
    }

    private static int Bin(double p, int bins) => Math.Clamp((int)(p * bins), 0, bins - 1);
}
