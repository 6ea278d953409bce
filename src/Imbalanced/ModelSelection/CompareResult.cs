namespace Imbalanced.ModelSelection;

/// <summary>One technique × learner combination under cross-validation.</summary>
/// <param name="Technique">The technique.</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="TunedFor">The threshold objective, or null when predictions take the most probable class.</param>
/// <param name="ThresholdMean">The mean of the thresholds chosen in the folds, or null.</param>
/// <param name="Metrics">Every numeric metric over the folds.</param>
/// <param name="FitSeconds">Wall-clock seconds of all its folds.</param>
public sealed record CompareResult(string Technique, string Learner, string? TunedFor, double? ThresholdMean,
    IReadOnlyDictionary<string, MetricSummary> Metrics, double FitSeconds)
{
    /// <summary>The comparison with the best combination (null for the best itself).</summary>
    public VersusBest? VersusBest { get; init; }

    /// <summary>The threshold chosen in each fold, in fold order (empty when not tuned); each fold's test part was
    /// predicted with its own.</summary>
    public IReadOnlyList<double> FoldThresholds { get; init; } = [];

    /// <summary>Out-of-fold predictions of the first repeat, one per row (every row is tested once per repeat): the
    /// positive class's probability (binary) and the predicted class code; for pooled curves and confusion
    /// matrices.</summary>
    public OutOfFold? OutOfFold { get; init; }
}
