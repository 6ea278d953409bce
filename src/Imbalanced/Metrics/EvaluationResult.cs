namespace Imbalanced.Metrics;

/// <summary>Everything <c>imbalanced evaluate</c> reports for
/// true labels, predicted labels and an optional score.</summary>
public sealed record EvaluationResult(
    IReadOnlyList<string> Labels, string? Positive, int Support, double Accuracy, double BalancedAccuracy, double Mcc,
    double CohenKappa, double GeometricMean, ClassificationReport Report, double? RocAuc, double? AveragePrecision,
    double? LogLoss, double? Brier);
