using Imbalanced.Data;

namespace Imbalanced.Metrics;

/// <summary>Everything <c>imbalanced evaluate</c> reports for true labels, predicted labels and an optional score.</summary>
public sealed record EvaluationResult(
    IReadOnlyList<string> Labels, string? Positive, int Support, double Accuracy, double BalancedAccuracy, double Mcc,
    double CohenKappa, double GeometricMean, ClassificationReport Report, double? RocAuc, double? AveragePrecision,
    double? LogLoss, double? Brier);

/// <summary>Computes an <see cref="EvaluationResult"/>: the classes are the union of true and predicted labels in class
/// order; the positive class of a binary problem is the one given, else the minority class of the truth.</summary>
public static class Evaluation
{
    /// <summary>Evaluates predictions.</summary>
    /// <exception cref="DataException">Lengths differ, the positive class is unknown, or a score is given for a multiclass problem without a positive class.</exception>
    public static EvaluationResult Evaluate(IReadOnlyList<string> truth, IReadOnlyList<string> predicted, IReadOnlyList<double>? scores = null, string? positive = null)
    {
        if (truth.Count != predicted.Count) throw new DataException($"{truth.Count} true labels but {predicted.Count} predictions");
        if (truth.Count == 0) throw new DataException("there are no rows to evaluate");
        var classes = ClassSet.FromDistinct(truth.Concat(predicted));
        var t = truth.Select(classes.IndexOf).ToArray();
        var p = predicted.Select(classes.IndexOf).ToArray();
        var matrix = new ConfusionMatrix(t, p, classes.Count);
        if (positive is not null && classes.IndexOf(positive) < 0 && !truth.Contains(positive))
            throw new DataException($"--positive '{positive}' is not a label of the truth or the predictions; the labels are: {string.Join(", ", classes.Labels)}");
        if (positive is null && classes.Count == 2)
        {
            var counts = new int[2];
            foreach (var c in t) counts[c]++;
            positive = counts[1] < counts[0] ? classes[1] : classes[0];
        }
        double? roc = null, ap = null, logLoss = null, brier = null;
        if (scores is not null)
        {
            if (positive is null) throw new DataException("a score needs a positive class: give --positive for a problem with more than two classes");
            var isPositive = truth.Select(l => l == positive).ToArray();
            roc = RankingMetrics.RocAuc(isPositive, scores);
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
