using Imbalanced.Metrics;

namespace Imbalanced.ModelSelection;

/// <summary>What a decision threshold is tuned for: a score of the binary confusion matrix at that threshold, higher
/// is better. Class 1 of the matrix is the positive class.</summary>
public abstract class ThresholdObjective
{
    /// <summary>The objective's name.</summary>
    public abstract string Name { get; }

    /// <summary>The score at a threshold whose predictions give <paramref name="m"/> (positive = class 1).</summary>
    public abstract double Score(ConfusionMatrix m);

    /// <summary>F1 of the positive class.</summary>
    public static ThresholdObjective F1 { get; } = new Simple("f1", m => ClassificationMetrics.FBeta(m, 1));

    /// <summary>F-beta of the positive class (β &gt; 1 favours recall).</summary>
    public static ThresholdObjective FBeta(double beta) =>
        new Simple($"f{beta:0.##}", m => ClassificationMetrics.FBeta(m, 1, beta));

    /// <summary>Matthews correlation coefficient.</summary>
    public static ThresholdObjective Mcc { get; } = new Simple("mcc", ClassificationMetrics.MatthewsCorrelation);

    /// <summary>Balanced accuracy.</summary>
    public static ThresholdObjective BalancedAccuracy { get; } =
        new Simple("balanced-accuracy", m => ClassificationMetrics.BalancedAccuracy(m));

    /// <summary>G-mean, <c>√(sensitivity · specificity)</c> of the positive class.</summary>
    public static ThresholdObjective GMean { get; } =
        new Simple("gmean", m => ClassificationMetrics.GeometricMean(m, 1));

    /// <summary>
    /// Minus the expected cost per row: <c>−(c_fp · FP + c_fn · FN + c_tp · TP + c_tn · TN) / n</c>.
    /// </summary>
    public static ThresholdObjective ExpectedCost(
        double falsePositive, double falseNegative, double truePositive = 0, double trueNegative = 0) =>
        new Simple("cost", m => -(falsePositive * m[0, 1]
                                  + falseNegative * m[1, 0]
                                  + truePositive * m[1, 1]
                                  + trueNegative * m[0, 0]) / m.Total);

    /// <summary>
    /// The best precision among thresholds whose recall is at least <paramref name="minimumRecall"/>.
    /// </summary>
    public static ThresholdObjective PrecisionAtRecall(double minimumRecall) => new Simple(
        $"precision@recall>={minimumRecall:0.##}",
        m => ClassificationMetrics.Recall(m, 1) >= minimumRecall
            ? ClassificationMetrics.Precision(m, 1)
            : double.NegativeInfinity);

    /// <summary>Parses the command line's names: f1, f2, mcc, balanced-accuracy, gmean.</summary>
    public static ThresholdObjective Parse(string name) => name switch
    {
        "f1" => F1,
        "f2" => FBeta(2),
        "mcc" => Mcc,
        "balanced-accuracy" => BalancedAccuracy,
        "gmean" => GMean,
        _ => throw new ArgumentException(
            $"unknown threshold objective '{name}'; use f1, f2, mcc, balanced-accuracy or gmean"),
    };

    private sealed class Simple(string name, Func<ConfusionMatrix, double> score) : ThresholdObjective
    {
        public override string Name => name;

        public override double Score(ConfusionMatrix m) => score(m);
    }
}
