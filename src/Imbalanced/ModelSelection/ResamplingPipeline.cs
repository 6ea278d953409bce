using Imbalanced.Data;
using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>
/// "This sampler, then this classifier", leakage-free by construction: <see cref="Fit"/> resamples only the data it
/// is given and fits the classifier on the result; the model it returns predicts with the classifier alone and
/// never resamples. Cross-validation over a pipeline therefore resamples training folds only.
/// </summary>
/// <param name="sampler">The sampler, or null for none.</param>
/// <param name="classifier">The classifier.</param>
/// <param name="classWeights">
/// Optional: weigh training rows by <see cref="ClassWeights.Balanced"/> (after resampling).
/// </param>
public sealed class ResamplingPipeline(ISampler? sampler, IClassifier classifier, bool classWeights = false)
    : IClassifier
{
    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        var resampled = sampler?.FitResample(train);
        var data = resampled is null ? train : resampled.ToDataset();
        if (sampler is not null && weights is not null)
            throw new ArgumentException("row weights cannot follow rows through resampling; use classWeights instead");
        return classifier.Fit(data, classWeights ? ClassWeights.Balanced(data.Labels) : weights);
    }
}
