namespace Imbalanced.Sampling.Regression;

/// <summary>One control point of a relevance function: at target value <paramref name="Value"/> the relevance is
/// <paramref name="Relevance"/> and its slope <paramref name="Slope"/>.</summary>
/// <param name="Value">A target value.</param>
/// <param name="Relevance">The relevance there, in [0, 1].</param>
/// <param name="Slope">The derivative there (0 for the box-plot method's points).</param>
public readonly record struct RelevanceControlPoint(double Value, double Relevance, double Slope);
