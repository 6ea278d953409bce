using System.Globalization;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The threshold chosen by <see cref="TunedThresholdClassifier"/>, and the objective at every candidate.
/// </summary>
/// <param name="Threshold">The chosen threshold.</param>
/// <param name="Objective">The objective at the chosen threshold.</param>
/// <param name="Curve">Every candidate (threshold, objective), ascending by threshold, for plotting.</param>
/// <example>
/// <code>
/// Console.WriteLine(choice); // ThresholdChoice { Threshold = 0.35, Objective = 0.71, Curve = 57 points }
/// </code>
/// </example>
public sealed record ThresholdChoice(
    double Threshold, double Objective, IReadOnlyList<(double Threshold, double Score)> Curve)
{
    /// <summary>The choice's numbers in the invariant culture and its curve by its number of points:
    /// <c>ThresholdChoice { Threshold = 0.35, Objective = 0.71, Curve = 57 points }</c>.</summary>
    /// <returns>The text.</returns>
    /// <example><c>Console.WriteLine(new ThresholdChoice(0.35, 0.71, []));</c></example>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ThresholdChoice {{ Threshold = {Threshold}, Objective = {Objective}, Curve = {Curve?.Count ?? 0} points }}");
}
