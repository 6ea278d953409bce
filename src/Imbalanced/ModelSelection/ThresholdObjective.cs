using System.Globalization;
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

    /// <summary>Minus the expected cost per row under <paramref name="cost"/>
    /// (<see cref="ClassificationMetrics.ExpectedCost"/>); named <c>cost</c>.</summary>
    /// <example><c>ThresholdObjective.Cost(new MisclassificationCost(falseNegative: 20, falsePositive: 1))</c>
    /// </example>
    public static ThresholdObjective Cost(MisclassificationCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new Simple("cost", m => -ClassificationMetrics.ExpectedCost(m, cost));
    }

    /// <summary>
    /// The best precision among thresholds whose recall is at least <paramref name="minimumRecall"/>; where no
    /// threshold reaches it, the threshold of the highest recall (scores <c>recall − 2</c>, below every threshold that
    /// reaches it). Named <c>precision@recall=R</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumRecall"/> is not in (0, 1].</exception>
    public static ThresholdObjective PrecisionAtRecall(double minimumRecall)
    {
        CheckRate(minimumRecall, nameof(minimumRecall));
        return new Simple(string.Create(CultureInfo.InvariantCulture, $"precision@recall={minimumRecall:R}"),
            m => ClassificationMetrics.Recall(m, 1) is var r && r >= minimumRecall
                ? ClassificationMetrics.Precision(m, 1)
                : r - 2);
    }

    /// <summary>
    /// The best recall among thresholds whose precision is at least <paramref name="minimumPrecision"/>; where no
    /// threshold reaches it, the threshold of the highest precision (scores <c>precision − 2</c>). Named
    /// <c>recall@precision=P</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumPrecision"/> is not in (0, 1].</exception>
    public static ThresholdObjective RecallAtPrecision(double minimumPrecision)
    {
        CheckRate(minimumPrecision, nameof(minimumPrecision));
        return new Simple(string.Create(CultureInfo.InvariantCulture, $"recall@precision={minimumPrecision:R}"),
            m => ClassificationMetrics.Precision(m, 1) is var p && p >= minimumPrecision
                ? ClassificationMetrics.Recall(m, 1)
                : p - 2);
    }

    /// <summary>The objectives by name: <c>f1</c>, <c>f2</c>, <c>mcc</c>, <c>balanced-accuracy</c>, <c>gmean</c>,
    /// <c>precision@recall=R</c>, <c>recall@precision=P</c> (R, P in (0, 1]) and <c>cost</c> (which needs
    /// <paramref name="cost"/>).</summary>
    /// <exception cref="ArgumentException">The name is unknown, malformed, or <c>cost</c> without a cost.</exception>
    public static ThresholdObjective Parse(string name, MisclassificationCost? cost = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        switch (name)
        {
            case "f1": return F1;
            case "f2": return FBeta(2);
            case "mcc": return Mcc;
            case "balanced-accuracy": return BalancedAccuracy;
            case "gmean": return GMean;
            case "cost":
                return cost is null
                    ? throw new ArgumentException("the threshold objective 'cost' needs the misclassification costs")
                    : Cost(cost);
        }
        foreach (var (prefix, make) in new (string, Func<double, ThresholdObjective>)[]
                 {
                     ("precision@recall=", PrecisionAtRecall), ("recall@precision=", RecallAtPrecision),
                 })
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (double.TryParse(name.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture,
                    out var rate) && rate > 0 && rate <= 1)
                return make(rate);
            throw new ArgumentException($"threshold objective '{name}': the rate after '=' must be a number in (0, 1]");
        }
        throw new ArgumentException($"unknown threshold objective '{name}'; use {string.Join(", ", Names)}");
    }

    /// <summary>The names <see cref="Parse"/> knows (R and P stand for rates in (0, 1]).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["f1", "f2", "mcc", "balanced-accuracy", "gmean", "precision@recall=R", "recall@precision=P", "cost"];

    private static void CheckRate(double rate, string name)
    {
        if (!(rate > 0 && rate <= 1))
            throw new ArgumentOutOfRangeException(name, rate, $"{name} must be in (0, 1]");
    }

    private sealed class Simple(string name, Func<ConfusionMatrix, double> score) : ThresholdObjective
    {
        public override string Name => name;

        public override double Score(ConfusionMatrix m) => score(m);
    }
}
