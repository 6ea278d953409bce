using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The one out-of-fold loop behind cross-validation, threshold tuning, instance hardness and the comparison
/// workflow: for each split, a learner is fitted on the training part only and predicts the untouched test part.
/// </summary>
internal static class OutOfFoldLoop
{
    /// <summary>The folds in order, each fitted and predicted when enumerated.</summary>
    public static IEnumerable<FoldPrediction> Run(Dataset data, IReadOnlyList<Split> splits, IClassifier learner) =>
        Run(data, splits, _ => learner);

    /// <summary>The folds in order, fold f fitted by <paramref name="learnerOfFold"/>(f) when enumerated.</summary>
    public static IEnumerable<FoldPrediction> Run(Dataset data, IReadOnlyList<Split> splits,
        Func<int, IClassifier> learnerOfFold)
    {
        for (var f = 0; f < splits.Count; f++)
        {
            var split = splits[f];
            var model = learnerOfFold(f).Fit(data.Select(split.Train));
            var test = data.Select(split.Test);
            yield return new FoldPrediction(f, split, model, test, model.PredictProbabilities(test));
        }
    }

    /// <summary>Pooled out-of-fold probabilities, row-major rows × classes, each row's from the fold that tests it
    /// (<paramref name="splits"/> test every row once, as k-fold does).</summary>
    public static double[] Probabilities(Dataset data, IReadOnlyList<Split> splits, IClassifier learner)
    {
        var k = data.Classes.Count;
        var pooled = new double[data.RowCount * k];
        foreach (var fold in Run(data, splits, learner))
            for (var i = 0; i < fold.Split.Test.Length; i++)
                fold.Probabilities.AsSpan(i * k, k).CopyTo(pooled.AsSpan(fold.Split.Test[i] * k, k));
        return pooled;
    }
}
