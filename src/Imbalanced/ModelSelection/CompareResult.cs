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
    /// <summary>The sampler that ran for <see cref="Technique"/>: the technique itself, or its categorical form on
    /// data with categorical features (<c>smote</c> as <c>smote-nc</c>, or <c>smoten</c> when every feature is
    /// categorical).</summary>
    public string RanAs { get; init; } = Technique;

    /// <summary>Sampler parameters set away from their defaults because a class was too small for them in a
    /// training part (<c>k_neighbors</c> lowered to the class's rows − 1, as imbalanced-learn would refuse the
    /// default); empty otherwise.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    /// <summary>The comparison with technique <c>none</c> and the same learner; null for <c>none</c> itself and when
    /// <c>none</c> was not compared.</summary>
    public VersusNone? VersusNone { get; init; }

    /// <summary>The comparison with the best combination (null for the best itself).</summary>
    public VersusBest? VersusBest { get; init; }

    /// <summary>The threshold chosen in each fold, in fold order (empty when not tuned); each fold's test part was
    /// predicted with its own.</summary>
    public IReadOnlyList<double> FoldThresholds { get; init; } = [];

    /// <summary>Out-of-fold predictions of the first repeat, one per row (every row is tested once per repeat): the
    /// positive class's calibrated probability (binary) and the predicted class code; for pooled curves and confusion
    /// matrices.</summary>
    public OutOfFold? OutOfFold { get; init; }
}
