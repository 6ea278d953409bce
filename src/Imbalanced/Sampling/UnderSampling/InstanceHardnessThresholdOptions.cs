using Imbalanced.ModelSelection;

namespace Imbalanced.Sampling.UnderSampling;

/// <summary>Options of <see cref="InstanceHardnessThreshold"/>.</summary>
public sealed record InstanceHardnessThresholdOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>estimator</c>: the classifier whose cross-validated probabilities measure
    /// hardness. Null for the default: k-nearest neighbours in the core library; the command line passes ML.NET's
    /// random forest, as imbalanced-learn uses one.</summary>
    [SamplerParameter("estimator", "the classifier whose cross-validated probabilities measure hardness")]
    public IClassifier? Estimator { get; init; }

    /// <summary>imbalanced-learn's <c>cv</c>: stratified folds of the cross-validated predictions (5).</summary>
    [SamplerParameter("cv", "folds of the cross-validated probabilities")]
    public int Folds { get; init; } = 5;
}
