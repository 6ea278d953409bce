namespace Imbalanced.Data;

/// <summary>One class of an <see cref="ImbalanceSummary"/>.</summary>
/// <param name="Label">The class label.</param>
/// <param name="Count">Rows of the class.</param>
/// <param name="Fraction">Share of all rows.</param>
public sealed record ClassShare(string Label, int Count, double Fraction);
