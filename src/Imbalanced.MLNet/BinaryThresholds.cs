using Imbalanced.Metrics;
using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// Decision thresholds that work in ML.NET: tune one on held-out scored data with the core's objectives, apply it
/// with <c>ChangeModelThreshold</c>, and evaluate with metrics that honour it — ML.NET's own <c>Evaluate</c>
/// re-derives labels from the score and ignores a changed threshold (dotnet/machinelearning 4554); here the
/// label metrics are computed from the <c>PredictedLabel</c> column the model produced.
/// </summary>
public static class BinaryThresholds
{
    /// <summary>The threshold on <paramref name="scoreColumn"/> that maximises <paramref name="objective"/> on scored
    /// data: any of the core's objectives, the constrained ones and the cost included.</summary>
    /// <example>
    /// <code>
    /// var cost = new MisclassificationCost(falseNegative: 20, falsePositive: 1);
    /// var choice = BinaryThresholds.Tune(scored, ThresholdObjective.Cost(cost), scoreColumn: "Probability");
    /// var recall90 = BinaryThresholds.Tune(scored, ThresholdObjective.Parse("precision@recall=0.9"));
    /// </code>
    /// </example>
    public static ThresholdChoice Tune(IDataView scored, ThresholdObjective objective, string labelColumn = "Label",
        string scoreColumn = "Score")
    {
        var labels = scored.GetColumn<bool>(labelColumn).ToArray();
        var scores = scored.GetColumn<float>(scoreColumn).Select(s => (double)s).ToArray();
        return TunedThresholdClassifier.Choose(labels, scores, objective);
    }

    /// <summary>The model with its decision threshold set so that rows scoring at least <paramref name="threshold"/>
    /// are positive (ML.NET predicts positive when the score is strictly above its threshold).</summary>
    public static BinaryPredictionTransformer<TModel> Apply<TModel>(MLContext ml,
        BinaryPredictionTransformer<TModel> model, double threshold)
        where TModel : class =>
        ml.BinaryClassification.ChangeModelThreshold(model, MathF.BitDecrement((float)threshold));

    /// <summary>The mean cost per row of the decisions in <paramref name="predictedColumn"/> (so a changed threshold
    /// counts) under <paramref name="cost"/>: <c>(c_fn · FN + c_fp · FP) / n</c>
    /// (<see cref="ClassificationMetrics.ExpectedCost"/>).</summary>
    /// <example>
    /// <code>
    /// double perRow = BinaryThresholds.ExpectedCost(tuned.Transform(test), new MisclassificationCost(20, 1));
    /// </code>
    /// </example>
    public static double ExpectedCost(IDataView scored, MisclassificationCost cost, string labelColumn = "Label",
        string predictedColumn = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(cost);
        var truth = scored.GetColumn<bool>(labelColumn).Select(b => b ? 1 : 0).ToArray();
        var predicted = scored.GetColumn<bool>(predictedColumn).Select(b => b ? 1 : 0).ToArray();
        return ClassificationMetrics.ExpectedCost(new Metrics.ConfusionMatrix(truth, predicted, 2), cost);
    }

    /// <summary>All the core's metrics of scored data, labels taken from its <c>PredictedLabel</c> column (so a changed
    /// threshold counts) and the score from <paramref name="scoreColumn"/>.</summary>
    public static EvaluationResult Evaluate(IDataView scored, string labelColumn = "Label",
        string scoreColumn = "Score", string predictedColumn = "PredictedLabel")
    {
        var truth = scored.GetColumn<bool>(labelColumn).Select(b => b ? "True" : "False").ToArray();
        var predicted = scored.GetColumn<bool>(predictedColumn).Select(b => b ? "True" : "False").ToArray();
        var scores = scored.GetColumn<float>(scoreColumn).Select(s => (double)s).ToArray();
        return Evaluation.Evaluate(truth, predicted, scores, "True");
    }
}
