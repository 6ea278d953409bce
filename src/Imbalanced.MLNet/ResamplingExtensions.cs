using Imbalanced.Sampling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Imbalanced.MLNet;

/// <summary>Extension methods that give every ML.NET trainer, and every estimator chain, resampling.</summary>
/// <example>
/// <code>
/// var trainer = ml.BinaryClassification.Trainers.FastTree().WithResampling(ml, new Smote());   // the Features vector
/// var chain = featurizer.Append(ml.BinaryClassification.Trainers.FastTree())
///     .WithResampling(new SmoteNc());                                                     // the raw columns
/// </code>
/// </example>
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

    /// <summary>Wraps <paramref name="estimator"/> (an estimator chain: featurization and trainer) so that it fits
    /// on its raw input resampled by <paramref name="sampler"/> before any of its steps is fitted; the columns are
    /// resampled as they are (numbers, numeric vectors, text, Boolean, keys), so SMOTE-NC and SMOTEN get the
    /// categorical columns by name. Only <c>Fit</c> resamples (see <see cref="ResamplingEstimator{TTransformer}"/>).
    /// </summary>
    /// <param name="estimator">The chain to fit on resampled data.</param>
    /// <param name="sampler">The sampler, for example <c>new SmoteNc()</c>.</param>
    /// <param name="labelColumnName">The column whose values are the classes (Boolean, text, key or number).
    /// </param>
    /// <example><code>
    /// var pipeline = ml.Transforms.Categorical.OneHotEncoding("contract")
    ///     .Append(ml.Transforms.Concatenate("Features", "contract", "tenure"))
    ///     .Append(ml.BinaryClassification.Trainers.LightGbm())
    ///     .WithResampling(new SmoteNc(new SmoteNcOptions { CategoricalFeatures = ["contract"] }));
    /// var cv = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);
    /// </code></example>
    public static ResamplingEstimator<TTransformer> WithResampling<TTransformer>(
        this IEstimator<TTransformer> estimator, ISampler sampler, string labelColumnName = "Label")
        where TTransformer : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        return new(estimator, sampler, labelColumnName);
    }
}
