using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>A fitted model: class probabilities for new rows.</summary>
public interface IClassifierModel
{
    /// <summary>
    /// Row-major probabilities, <c>rows × classes</c>, classes in the order of the training data's
    /// <see cref="ClassSet"/>.
    /// </summary>
    double[] PredictProbabilities(Dataset data);
}
