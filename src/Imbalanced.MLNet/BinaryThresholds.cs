using System.Globalization;
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
/// <example>
/// <code>
/// var model = pipeline.Fit(train);
/// var choice = BinaryThresholds.Tune(model.Transform(validation), ThresholdObjective.FBeta(2));
/// var tuned = BinaryThresholds.Apply(ml, model, choice);
/// EvaluationResult result = BinaryThresholds.Evaluate(tuned.Transform(test));
/// </code>
/// </example>
public static class BinaryThresholds
{
    /// <summary>The threshold on <paramref name="scoreColumn"/> that maximises <paramref name="objective"/> on scored
    /// data: any of the core's objectives, the constrained ones and the cost included. The result remembers
    /// <paramref name="scoreColumn"/>, so
    /// <see cref="Apply(MLContext, ITransformer, BinaryThreshold)"/> applies it on the same column.</summary>
    /// <example>
    /// <code>
    /// var cost = new MisclassificationCost(falseNegative: 20, falsePositive: 1);
    /// var choice = BinaryThresholds.Tune(scored, ThresholdObjective.Cost(cost), scoreColumn: "Probability");
    /// var served = BinaryThresholds.Apply(ml, model, choice); // thresholds Probability, as tuned
    /// var recall90 = BinaryThresholds.Tune(scored, ThresholdObjective.Parse("precision@recall=0.9"));
    /// </code>
    /// </example>
    public static BinaryThreshold Tune(IDataView scored, ThresholdObjective objective, string labelColumn = "Label",
        string scoreColumn = "Score")
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(objective);
        if (scored.Schema.GetColumnOrNull(scoreColumn) is not { Type: NumberDataViewType })
            throw new DataException($"the scored data has no numeric column '{scoreColumn}' to tune a threshold on");
        var labels = scored.GetColumn<bool>(labelColumn).ToArray();
        var scores = scored.GetColumn<float>(scoreColumn).Select(s => (double)s).ToArray();
        var choice = TunedThresholdClassifier.Choose(labels, scores, objective);
        return new BinaryThreshold(choice.Threshold, scoreColumn)
        {
            Objective = choice.Objective,
            Curve = choice.Curve,
        };
    }

    /// <summary>The model with its decision threshold set so that rows whose raw <c>Score</c> is at least
    /// <paramref name="threshold"/> are positive (ML.NET predicts positive when the score is strictly above its
    /// threshold). The threshold is on <c>Score</c>, not <c>Probability</c>: for a threshold from
    /// <see cref="Tune"/>, pass the <see cref="BinaryThreshold"/> itself to
    /// <see cref="Apply(MLContext, ITransformer, BinaryThreshold)"/>.</summary>
    /// <example>
    /// <code>
    /// var stricter = BinaryThresholds.Apply(ml, model, threshold: 1.5); // Score &gt;= 1.5 is positive
    /// </code>
    /// </example>
    public static BinaryPredictionTransformer<TModel> Apply<TModel>(MLContext ml,
        BinaryPredictionTransformer<TModel> model, double threshold)
        where TModel : class =>
        ml.BinaryClassification.ChangeModelThreshold(model, MathF.BitDecrement((float)threshold));

    /// <summary>A fitted model or pipeline (a trainer's transformer, or the <c>TransformerChain</c> that
    /// <c>pipeline.Fit(data)</c> returns) whose <c>PredictedLabel</c> is <c>true</c> exactly when the
    /// <see cref="BinaryThreshold.ScoreColumn"/> it makes is at least <see cref="BinaryThreshold.Threshold"/>. The
    /// decision is one of ML.NET's own transforms appended to the chain, so the result saves with
    /// <c>ml.Model.Save</c>, loads in any <c>MLContext</c> and serves through <c>CreatePredictionEngine</c>.</summary>
    /// <example>
    /// <code>
    /// var model = pipeline.Fit(train);
    /// var choice = BinaryThresholds.Tune(model.Transform(validation), ThresholdObjective.FBeta(2),
    ///     scoreColumn: "Probability");
    /// var tuned = BinaryThresholds.Apply(ml, model, choice);
    /// ml.Model.Save(tuned, train.Schema, "model.zip");
    /// </code>
    /// </example>
    public static TransformerChain<ITransformer> Apply(MLContext ml, ITransformer fittedPipeline,
        BinaryThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(fittedPipeline);
        ArgumentNullException.ThrowIfNull(threshold);
        if (string.IsNullOrWhiteSpace(threshold.ScoreColumn))
            throw new ArgumentException("a threshold needs the column it is on, e.g. Score or Probability",
                nameof(threshold));
        var value = (float)threshold.Threshold;
        if (!float.IsFinite(value))
            throw new ArgumentException($"the threshold {threshold.Threshold} is not a finite number",
                nameof(threshold));
        var decide = ml.Transforms.Expression("PredictedLabel", $"s => s >= {Literal(value)}",
            threshold.ScoreColumn);
        var definition = SchemaDefinition.Create(typeof(ScoreRow));
        definition[0].ColumnName = threshold.ScoreColumn;
        var parts = fittedPipeline is TransformerChain<ITransformer> chain ? chain.ToList() : [fittedPipeline];
        parts.Add(decide.Fit(ml.Data.LoadFromEnumerable(Array.Empty<ScoreRow>(), definition)));
        return new TransformerChain<ITransformer>(parts.ToArray());
    }

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
    /// <example>
    /// <code>
    /// var result = BinaryThresholds.Evaluate(tuned.Transform(test));
    /// Console.WriteLine($"balanced accuracy {result.BalancedAccuracy:F3}, G-mean {result.GeometricMean:F3}");
    /// </code>
    /// </example>
    public static EvaluationResult Evaluate(IDataView scored, string labelColumn = "Label",
        string scoreColumn = "Score", string predictedColumn = "PredictedLabel")
    {
        var truth = scored.GetColumn<bool>(labelColumn).Select(b => b ? "True" : "False").ToArray();
        var predicted = scored.GetColumn<bool>(predictedColumn).Select(b => b ? "True" : "False").ToArray();
        var scores = scored.GetColumn<float>(scoreColumn).Select(s => (double)s).ToArray();
        return Evaluation.Evaluate(truth, predicted, scores, "True");
    }

    // The float as a plain decimal the expression language reads back to the same float (shortest round trip).
    private static string Literal(float value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal)) return text;
        if (Math.Abs(value) < 1e-27f || Math.Abs(value) > 1e27f)
            throw new ArgumentException($"the threshold {value} is too far from zero or too close to it to apply");
        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            .ToString(CultureInfo.InvariantCulture);
    }

    private sealed class ScoreRow
    {
        public float S { get; set; }
    }
}
