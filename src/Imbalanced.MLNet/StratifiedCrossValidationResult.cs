using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>One fold of a stratified cross-validation, with the
/// members of ML.NET's <c>CrossValidationResult</c>.</summary>
/// <param name="Metrics">ML.NET's metrics on the untouched holdout; for binary classification a
/// <see cref="Microsoft.ML.Data.CalibratedBinaryClassificationMetrics"/> (log loss and more) when the scored holdout
/// has a <c>Probability</c> column.</param>
/// <param name="Model">The model fitted on the training folds.</param>
/// <param name="ScoredHoldOutSet">The holdout, scored.</param>
/// <param name="Fold">The fold number.</param>
public sealed record StratifiedCrossValidationResult<TMetrics>(TMetrics Metrics, ITransformer Model,
    IDataView ScoredHoldOutSet, int Fold);
