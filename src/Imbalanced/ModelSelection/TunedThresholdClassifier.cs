using Imbalanced.Data;
using Imbalanced.Metrics;

namespace Imbalanced.ModelSelection;

/// <summary>
/// Decision-threshold tuning in the manner of scikit-learn's <c>TunedThresholdClassifierCV</c>: out-of-fold
/// probabilities from an inner stratified cross-validation on the training data only; the threshold that maximises
/// the objective over every distinct out-of-fold probability (ties to the lower threshold); then the learner is
/// refitted on all the training data and decides with that threshold.
/// </summary>
/// <param name="inner">
/// The learner (a resampling pipeline, say: resampling then happens inside the inner folds too).
/// </param>
/// <param name="objective">What to maximise.</param>
/// <param name="folds">Inner folds (5).</param>
/// <param name="seed">Seed of the inner folds.</param>
/// <param name="positive">The positive class code; the minority class of the training data when null.</param>
public sealed class TunedThresholdClassifier(
    IClassifier inner, ThresholdObjective objective, int folds = 5, long seed = 0, int? positive = null) : IClassifier
{
    /// <summary>The last choice made by <see cref="Fit"/>.</summary>
    public ThresholdChoice? LastChoice { get; private set; }

    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        if (train.Classes.Count != 2)
            throw new DataException($"threshold tuning is for two classes; the data has {train.Classes.Count}");
        var counts = train.ClassCounts();
        var pos = positive ?? Sampling.ClassCounting.Minority(counts);
        var splits = StratifiedSplits.KFold(train.Labels, folds, true, seed, train.Classes);
        var p = OutOfFoldLoop.Probabilities(train, splits, inner);
        var oof = Enumerable.Range(0, train.RowCount).Select(i => p[i * 2 + pos]).ToArray();
        LastChoice = Choose(train.Labels.Select(l => l == pos).ToArray(), oof, objective);
        return new ThresholdModel(inner.Fit(train, weights), pos, LastChoice.Threshold);
    }

    /// <summary>
    /// The best threshold for scores <paramref name="scores"/> of rows whose truth is <paramref name="positive"/>.
    /// </summary>
    public static ThresholdChoice Choose(
        IReadOnlyList<bool> positive, IReadOnlyList<double> scores, ThresholdObjective objective)
    {
        // One sweep over the scores in ascending order: rows at or above a threshold are predicted positive.
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = positive.Count(p => p), negatives = positive.Count - positives;
        double tp = positives, fp = negatives;
        var curve = new List<(double, double)>();
        for (var k = 0; k < order.Length;)
        {
            var t = scores[order[k]];
            var m = BinaryMatrix(tp, fp, positives, negatives);
            curve.Add((t, objective.Score(m)));
            for (; k < order.Length && scores[order[k]] == t; k++)
            {
                if (positive[order[k]]) tp--; else fp--;
            }
        }
        var best = curve.MaxBy(c => c.Item2);
        return new ThresholdChoice(best.Item1, best.Item2, curve);
    }

    /// <summary>A binary confusion matrix (class 1 positive) from its four counts.</summary>
    private static ConfusionMatrix BinaryMatrix(double tp, double fp, double positives, double negatives)
    {
        // Rows (truth, predicted) with weights equal to the counts.
        int[] truth = [0, 0, 1, 1];
        int[] predicted = [0, 1, 0, 1];
        return new ConfusionMatrix(truth, predicted, 2, [negatives - fp, fp, positives - tp, tp]);
    }
}
