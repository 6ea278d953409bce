using System.Globalization;

namespace Imbalanced.Metrics;

/// <summary>
/// What each kind of mistake costs in a binary problem: a missed positive (false negative) and a false alarm (false
/// positive); correct decisions cost nothing. With calibrated probabilities the cost-optimal decision is "positive when
/// <c>p ≥ FalsePositive / (FalsePositive + FalseNegative)</c>" (Elkan, "The Foundations of Cost-Sensitive Learning",
/// IJCAI 2001).
/// </summary>
/// <example>
/// <code>
/// var cost = new MisclassificationCost(falseNegative: 20, falsePositive: 1); // a missed fraud costs 20 false alarms
/// double perRow = ClassificationMetrics.ExpectedCost(matrix, cost);
/// </code>
/// </example>
public sealed record MisclassificationCost
{
    /// <summary>A cost of <paramref name="falseNegative"/> per missed positive and <paramref name="falsePositive"/>
    /// per false alarm.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative, not finite or above <see cref="Max"/>, or both
    /// are 0.</exception>
    public MisclassificationCost(double falseNegative, double falsePositive)
    {
        Check(falseNegative, nameof(FalseNegative));
        Check(falsePositive, nameof(FalsePositive));
        if (falseNegative == 0 && falsePositive == 0)
            throw new ArgumentOutOfRangeException(nameof(FalseNegative), "at least one of the costs must be above 0");
        FalseNegative = falseNegative;
        FalsePositive = falsePositive;
    }

    /// <summary>The cost of a positive predicted negative.</summary>
    public double FalseNegative { get; }

    /// <summary>The cost of a negative predicted positive.</summary>
    public double FalsePositive { get; }

    /// <summary>The probability threshold that minimises the expected cost when probabilities are calibrated:
    /// <c>c_fp / (c_fp + c_fn)</c>.</summary>
    public double BayesThreshold => FalsePositive / (FalsePositive + FalseNegative);

    /// <summary>Parses <c>fn=A,fp=B</c> (either order, invariant culture).</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative, not finite or above <see cref="Max"/>, or both
    /// are 0.</exception>
    public static MisclassificationCost Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double? fn = null, fp = null;
        foreach (var part in text.Split(','))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture,
                    out var value))
                throw new FormatException($"'{text}' is not of the form fn=A,fp=B");
            switch (pair[0])
            {
                case "fn" when fn is null: fn = value; break;
                case "fp" when fp is null: fp = value; break;
                default: throw new FormatException($"'{text}' is not of the form fn=A,fp=B");
            }
        }
        if (fn is null || fp is null) throw new FormatException($"'{text}' is not of the form fn=A,fp=B");
        return new MisclassificationCost(fn.Value, fp.Value);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fn={FalseNegative:R},fp={FalsePositive:R}");

    /// <summary>The largest cost accepted. Costs only matter relative to each other; sums of costs over millions
    /// of rows, and their spreads, stay far from overflow below it.</summary>
    public const double Max = 1e12;

    private static void Check(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number at least 0");
        if (value > Max)
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
                $"{name} must be at most {Max:R}: costs count only relative to each other, scale both down"));
    }
}
