using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>A learner: fits on a data set (optionally with a weight per row) and returns a model. The contract the
/// pipeline, cross-validation, threshold tuning and instance hardness need; ML.NET trainers implement it in
/// Imbalanced.MLNet.</summary>
public interface IClassifier
{
    /// <summary>Fits a model on <paramref name="train"/>.</summary>
    IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null);
}
