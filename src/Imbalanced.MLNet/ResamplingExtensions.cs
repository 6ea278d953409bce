using Imbalanced.Sampling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Imbalanced.MLNet;

/// <summary>Extension methods that give every ML.NET trainer resampling.</summary>
public static class ResamplingExtensions
{
    /// <summary>Wraps <paramref name="trainer"/> so that it fits on data resampled by <paramref name="sampler"/>; the
    /// returned estimator resamples only what it is fitted on (see
    /// <see cref="ResamplingTrainer{TTransformer, TModel}"/>).</summary>
    /// <example><code>
    /// var trainer = ml.BinaryClassification.Trainers.FastTree().WithResampling(ml, new Smote());
    /// var cv = ml.BinaryClassification.CrossValidate(data, featurizer.Append(trainer), numberOfFolds: 5);
    /// </code></example>
    public static ResamplingTrainer<TTransformer, TModel> WithResampling<TTransformer, TModel>(
        this ITrainerEstimator<TTransformer, TModel> trainer, MLContext ml, ISampler sampler,
        string featureColumn = "Features", string labelColumn = "Label")
        where TTransformer : class, ISingleFeaturePredictionTransformer<TModel>
        where TModel : class =>
        new(ml, trainer, sampler, featureColumn, labelColumn);
}
