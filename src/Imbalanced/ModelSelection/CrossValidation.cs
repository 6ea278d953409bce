using Imbalanced.Data;
using Imbalanced.Metrics;

namespace Imbalanced.ModelSelection;

/// <summary>
/// Cross-validation that fits a learner (a <see cref="ResamplingPipeline"/>, say) on each training part only and
/// scores the untouched test part; returns per-fold metrics and the out-of-fold probabilities.
/// </summary>
public static class CrossValidation
{
    /// <summary>Runs <paramref name="learner"/> over <paramref name="splits"/> of <paramref name="data"/>; a binary
    /// problem's score is the probability of <paramref name="positive"/> (default: the minority class), predictions
    /// the most probable class.</summary>
    public static IReadOnlyList<FoldResult> Run(
        IClassifier learner, Dataset data, IReadOnlyList<Split> splits, string? positive = null)
    {
        var results = new List<FoldResult>();
        var k = data.Classes.Count;
        foreach (var fold in OutOfFoldLoop.Run(data, splits, learner))
        {
            var (test, probabilities) = (fold.Test, fold.Probabilities);
            var truth = test.Labels.Select(l => data.Classes[l]).ToArray();
            var predicted = Enumerable.Range(0, test.RowCount)
                .Select(i => data.Classes[Numerics.Vectors.ArgMax(probabilities.AsSpan(i * k, k))]).ToArray();
            double[]? scores = null;
            if (k == 2)
            {
                var pos = positive is null
                    ? Sampling.ClassCounting.Minority(data.ClassCounts())
                    : data.Classes.IndexOf(positive);
                positive = data.Classes[pos];
                scores = Enumerable.Range(0, test.RowCount).Select(i => probabilities[i * k + pos]).ToArray();
            }
            var evaluation = Evaluation.Evaluate(truth, predicted, scores, positive);
            results.Add(new FoldResult(fold.Split, evaluation, probabilities));
        }
        return results;
    }
}
