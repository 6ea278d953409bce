using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>
/// A learner whose model decides with a fixed threshold (scikit-learn's <c>FixedThresholdClassifier</c>).
/// </summary>
public sealed class FixedThresholdClassifier(IClassifier inner, double threshold, int positive = 1) : IClassifier
{
    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null) =>
        new ThresholdModel(inner.Fit(train, weights), positive, threshold);
}
