using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>A binary model that decides with a threshold on the probability of the positive class: positive when
/// <c>p ≥ threshold</c>.</summary>
public sealed class ThresholdModel(IClassifierModel inner, int positive, double threshold) : IClassifierModel
{
    /// <summary>The threshold in use.</summary>
    public double Threshold => threshold;

    /// <summary>The model whose probabilities are thresholded.</summary>
    public IClassifierModel Inner => inner;

    /// <summary>The positive class code.</summary>
    public int Positive => positive;

    /// <inheritdoc />
    public double[] PredictProbabilities(Dataset data) => inner.PredictProbabilities(data);

    /// <summary>Class codes decided with the threshold.</summary>
    public int[] Predict(Dataset data)
    {
        var p = inner.PredictProbabilities(data);
        return Enumerable.Range(0, data.RowCount)
            .Select(i => p[i * 2 + positive] >= threshold ? positive : 1 - positive)
            .ToArray();
    }
}
