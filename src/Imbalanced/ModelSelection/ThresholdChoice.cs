namespace Imbalanced.ModelSelection;

/// <summary>
/// The threshold chosen by <see cref="TunedThresholdClassifier"/>, and the objective at every candidate.
/// </summary>
/// <param name="Threshold">The chosen threshold.</param>
/// <param name="Objective">The objective at the chosen threshold.</param>
/// <param name="Curve">Every candidate (threshold, objective), ascending by threshold, for plotting.</param>
public sealed record ThresholdChoice(
    double Threshold, double Objective, IReadOnlyList<(double Threshold, double Score)> Curve);
