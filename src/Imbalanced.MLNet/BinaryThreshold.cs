using System.Globalization;
using Imbalanced.ModelSelection;

namespace Imbalanced.MLNet;

/// <summary>
/// A decision threshold together with the column it is on: rows whose <paramref name="ScoreColumn"/> value is at
/// least <paramref name="Threshold"/> are positive. Returned by <see cref="BinaryThresholds.Tune"/> and applied by
/// <see cref="BinaryThresholds.Apply(Microsoft.ML.MLContext, Microsoft.ML.ITransformer, BinaryThreshold)"/>, so a
/// threshold tuned on <c>Probability</c> is applied to <c>Probability</c>, never to the raw <c>Score</c>.
/// </summary>
/// <param name="Threshold">The threshold: rows at or above it are positive.</param>
/// <param name="ScoreColumn">The column the threshold is on, e.g. <c>Score</c> or <c>Probability</c>.</param>
/// <example>
/// <code>
/// var manual = new BinaryThreshold(0.3, "Probability");
/// var served = BinaryThresholds.Apply(ml, model, manual);
/// </code>
/// </example>
public sealed record BinaryThreshold(double Threshold, string ScoreColumn)
{
    /// <summary>The threshold: rows whose <see cref="ScoreColumn"/> value is at or above it are positive.</summary>
    /// <example>
    /// <code>
    /// var choice = BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(2), scoreColumn: "Probability");
    /// Console.WriteLine($"positive when Probability &gt;= {choice.Threshold}");
    /// </code>
    /// </example>
    public double Threshold { get; init; } = Threshold;

    /// <summary>The column the threshold is on, e.g. <c>Score</c> or <c>Probability</c>.</summary>
    /// <example>
    /// <code>
    /// var choice = BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(2), scoreColumn: "Probability");
    /// Console.WriteLine(choice.ScoreColumn); // Probability
    /// </code>
    /// </example>
    public string ScoreColumn { get; init; } = ScoreColumn;

    /// <summary>The objective at <see cref="Threshold"/> when it was tuned; <see cref="double.NaN"/> when the
    /// threshold was set by hand.</summary>
    /// <example>
    /// <code>
    /// var choice = BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(2));
    /// Console.WriteLine($"F2 {choice.Objective:F3} at {choice.Threshold}");
    /// </code>
    /// </example>
    public double Objective { get; init; } = double.NaN;

    /// <summary>Every candidate (threshold, objective) of the tuning, ascending by threshold, for plotting; empty
    /// when the threshold was set by hand.</summary>
    /// <example>
    /// <code>
    /// foreach (var (t, score) in BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(2)).Curve)
    ///     Console.WriteLine($"{t}\t{score}");
    /// </code>
    /// </example>
    public IReadOnlyList<(double Threshold, double Score)> Curve { get; init; } = [];

    /// <summary>The threshold's numbers in the invariant culture and its curve by its number of points:
    /// <c>BinaryThreshold { Threshold = 0.35, ScoreColumn = Probability, Objective = 0.71, Curve = 57 points }</c>.
    /// </summary>
    /// <returns>The text.</returns>
    /// <example><c>Console.WriteLine(BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(2)));</c></example>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"BinaryThreshold {{ Threshold = {Threshold}, ScoreColumn = {ScoreColumn}, Objective = {Objective}, "
        + $"Curve = {Curve?.Count ?? 0} points }}");

    /// <summary>The core's <see cref="ThresholdChoice"/> of this threshold (its column dropped), so code written when
    /// <see cref="BinaryThresholds.Tune"/> returned one keeps compiling.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <example>
    /// <code>
    /// ThresholdChoice choice = BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(2));
    /// </code>
    /// </example>
    public static implicit operator ThresholdChoice(BinaryThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return new(threshold.Threshold, threshold.Objective, threshold.Curve);
    }
}
