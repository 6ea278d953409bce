using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>One fold of a stratified cross-validation, with the
/// members of ML.NET's <c>CrossValidationResult</c>.</summary>
/// <typeparam name="TMetrics">ML.NET's metrics type: <see cref="Microsoft.ML.Data.BinaryClassificationMetrics"/> or
/// <see cref="Microsoft.ML.Data.MulticlassClassificationMetrics"/>.</typeparam>
/// <param name="Metrics">ML.NET's metrics on the untouched holdout; for binary classification a
/// <see cref="Microsoft.ML.Data.CalibratedBinaryClassificationMetrics"/> (log loss and more) when the scored holdout
/// has a <c>Probability</c> column.</param>
/// <param name="Model">The model fitted on the training folds.</param>
/// <param name="ScoredHoldOutSet">The holdout, scored.</param>
/// <param name="Fold">The fold number.</param>
/// <example>
/// <code>
/// var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5);
/// foreach (var (metrics, model, scored, fold) in folds)
///     Console.WriteLine($"fold {fold}: AUC-PR {metrics.AreaUnderPrecisionRecallCurve:F3}");
/// </code>
/// </example>
public sealed record StratifiedCrossValidationResult<TMetrics>(TMetrics Metrics, ITransformer Model,
    IDataView ScoredHoldOutSet, int Fold)
{
    /// <summary>ML.NET's metrics on the untouched holdout; for binary classification a
    /// <see cref="Microsoft.ML.Data.CalibratedBinaryClassificationMetrics"/> (log loss and more) when the scored
    /// holdout has a <c>Probability</c> column.</summary>
    /// <example>
    /// <code>
    /// var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5);
    /// var f1 = folds.Average(f => f.Metrics.F1Score);
    /// </code>
    /// </example>
    public TMetrics Metrics { get; init; } = Metrics;

    /// <summary>The model fitted on the training folds.</summary>
    /// <example>
    /// <code>
    /// var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5);
    /// var best = folds.MaxBy(f => f.Metrics.AreaUnderPrecisionRecallCurve)!.Model;
    /// </code>
    /// </example>
    public ITransformer Model { get; init; } = Model;

    /// <summary>The holdout, scored.</summary>
    /// <example>
    /// <code>
    /// var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5);
    /// var tuned = BinaryThresholds.Tune(folds[0].ScoredHoldOutSet, ThresholdObjective.FBeta(2));
    /// </code>
    /// </example>
    public IDataView ScoredHoldOutSet { get; init; } = ScoredHoldOutSet;

    /// <summary>The fold number.</summary>
    /// <example>
    /// <code>
    /// foreach (var result in ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5))
    ///     Console.WriteLine($"fold {result.Fold}: F1 {result.Metrics.F1Score:F3}");
    /// </code>
    /// </example>
    public int Fold { get; init; } = Fold;
}
