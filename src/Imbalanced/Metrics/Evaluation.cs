using Imbalanced.Data;

namespace Imbalanced.Metrics;

/// <summary>
/// Computes an <see cref="EvaluationResult"/>: the classes are the union of true and predicted labels, and the
/// positive class when one is given, in class order; the positive class of a binary problem is the one given,
/// else the minority class of the truth.
/// </summary>
/// <remarks>
/// A class absent from the truth and the predictions (a test fold that misses a rare class) gets scikit-learn's
/// values for a class passed in <c>labels</c>: precision, recall, F1, its G-mean and IBA 0 (the undefined-metric
/// convention, <c>zero_division=0</c>), specificity 1, support 0, and the multiclass geometric mean 0
/// (imbalanced-learn's <c>geometric_mean_score</c> with those labels); accuracy, balanced accuracy, MCC and Cohen's
/// kappa do not change.
/// ROC-AUC is NaN when the truth holds one class only: scikit-learn raises there, and its cross-validation records
/// NaN for the fold.
/// </remarks>
public static class Evaluation
{
    /// <summary>Evaluates predictions.</summary>
    /// <exception cref="DataException">Lengths differ, there are no rows, or a score is given without a positive class
    /// for other than two classes.</exception>
    public static EvaluationResult Evaluate(IReadOnlyList<string> truth, IReadOnlyList<string> predicted,
        IReadOnlyList<double>? scores = null, string? positive = null)
    {
        if (truth.Count != predicted.Count)
            throw new DataException($"{truth.Count} true labels but {predicted.Count} predictions");
        if (truth.Count == 0) throw new DataException("there are no rows to evaluate");
        var labels = truth.Concat(predicted);
        var classes = ClassSet.FromDistinct(positive is null ? labels : labels.Append(positive));
        var t = truth.Select(classes.IndexOf).ToArray();
        var p = predicted.Select(classes.IndexOf).ToArray();
        var matrix = new ConfusionMatrix(t, p, classes.Count);
        if (positive is null && classes.Count == 2)
        {
            var counts = new int[2];
            foreach (var c in t) counts[c]++;
            positive = counts[1] < counts[0] ? classes[1] : classes[0];
        }
        double? roc = null, ap = null, logLoss = null, brier = null;
        if (scores is not null)
        {
            if (positive is null)
                throw new DataException(
                    $"a score needs a positive class for {classes.Count} classes; name the positive class");
            var isPositive = truth.Select(l => l == positive).ToArray();
            var bothClasses = isPositive.Contains(true) && isPositive.Contains(false);
            roc = bothClasses ? RankingMetrics.RocAuc(isPositive, scores) : double.NaN;
            ap = RankingMetrics.AveragePrecision(isPositive, scores);
            if (scores.All(s => s is >= 0 and <= 1))
            {
                logLoss = RankingMetrics.LogLoss(isPositive, scores);
                brier = RankingMetrics.Brier(isPositive, scores);
            }
        }
        return new EvaluationResult(classes.Labels, positive, truth.Count, ClassificationMetrics.Accuracy(matrix),
            ClassificationMetrics.BalancedAccuracy(matrix), ClassificationMetrics.MatthewsCorrelation(matrix),
            ClassificationMetrics.CohenKappa(matrix), ClassificationMetrics.MulticlassGeometricMean(matrix),
            new ClassificationReport(matrix, classes.Labels), roc, ap, logLoss, brier);
    }
}
