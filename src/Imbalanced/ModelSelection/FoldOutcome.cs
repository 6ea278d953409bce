namespace Imbalanced.ModelSelection;

/// <summary>One learner's outcome on one fold of one technique.</summary>
/// <param name="Metrics">Every metric of the untouched test part.</param>
/// <param name="Threshold">The threshold tuned in the fold, or null.</param>
/// <param name="Predicted">The class decided for each test row.</param>
/// <param name="Scores">The positive class's calibrated probability of each test row, or null.</param>
/// <param name="Seconds">Wall-clock seconds of the learner's fits and predictions, plus its share of the
/// preparation shared with the technique's other learners.</param>
internal sealed record FoldOutcome(IReadOnlyDictionary<string, double> Metrics, double? Threshold, int[] Predicted,
    double[]? Scores, double Seconds);
