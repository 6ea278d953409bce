namespace Imbalanced.Metrics;

/// <summary>The per-class line of a <see cref="ClassificationReport"/>.</summary>
/// <param name="Label">Class label.</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Recall">TP / (TP + FN).</param>
/// <param name="Specificity">TN / (TN + FP).</param>
/// <param name="F1">2 P R / (P + R).</param>
/// <param name="GeometricMean">√(recall · specificity).</param>
/// <param name="Iba">Index of balanced accuracy, α = 0.1, squared G-mean.</param>
/// <param name="Support">True rows of the class.</param>
public sealed record ClassLine(string Label, double Precision, double Recall, double Specificity, double F1,
    double GeometricMean, double Iba, double Support);
