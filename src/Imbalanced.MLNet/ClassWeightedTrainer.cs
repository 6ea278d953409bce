using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Imbalanced.MLNet;

/// <summary>
/// An ML.NET trainer that adds a class-weight column to the data its <see cref="Fit"/> receives (balanced weights
/// counted on that data, or explicit ones) and fits the inner trainer on it, returning the inner trainer's own
/// transformer. The weights exist at fit time only: the saved model holds no label-to-weight mapping, so it scores
/// rows without a label. Combined with <c>WithResampling</c> in either order, the data
/// is resampled first and weighted after.
/// </summary>
/// <typeparam name="TTransformer">The inner trainer's transformer.</typeparam>
/// <typeparam name="TModel">The inner trainer's model parameters.</typeparam>
/// <example>
/// <code>
/// var trainer = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight").WithClassWeights(ml);
/// var model = featurizer.Append(trainer).Fit(train); // serves rows without a Label
/// </code>
/// </example>
public sealed class ClassWeightedTrainer<TTransformer, TModel> : ITrainerEstimator<TTransformer, TModel>
    where TTransformer : class, ISingleFeaturePredictionTransformer<TModel>
    where TModel : class
{
    private readonly MLContext _ml;
    private readonly ITrainerEstimator<TTransformer, TModel> _inner;
    private readonly IReadOnlyDictionary<string, double>? _weights;
    private readonly string _label;
    private readonly string _weight;

    internal ClassWeightedTrainer(MLContext ml, ITrainerEstimator<TTransformer, TModel> inner,
        IReadOnlyDictionary<string, double>? weights, string labelColumn, string weightColumn)
    {
        _ml = ml;
        _inner = inner;
        _weights = weights;
        _label = labelColumn;
        _weight = weightColumn;
    }

    /// <summary>The inner trainer's <see cref="TrainerInfo"/>: whether it needs normalised features, a cache, and
    /// so on.</summary>
    /// <example>
    /// <code>
    /// var trainer = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight")
    ///     .WithClassWeights(ml);
    /// var needsCache = trainer.Info.WantCaching;
    /// </code>
    /// </example>
    public TrainerInfo Info => _inner.Info;

    /// <summary>Adds the weight column to <paramref name="input"/> (after resampling, when the inner trainer
    /// resamples) and fits the inner trainer on the result.</summary>
    /// <example>
    /// <code>
    /// var transformer = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight")
    ///     .WithClassWeights(ml).Fit(featurized);
    /// </code>
    /// </example>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _inner is IResamplingFit<TTransformer> resampling
            ? resampling.Fit(input, AddWeights)
            : _inner.Fit(AddWeights(input));
    }

    private IDataView AddWeights(IDataView data)
    {
        var estimator = _weights is null
            ? ClassWeightColumn.Balanced(_ml, data, _label, _weight)
            : ClassWeightColumn.Explicit(_ml, data.Schema, _weights, _label, _weight);
        return estimator.Fit(data).Transform(data);
    }

    /// <summary>The columns the fitted transformer adds to data shaped like <paramref name="inputSchema"/>: the
    /// inner trainer's (<c>Score</c>, <c>PredictedLabel</c>, ...); the weight column, made only inside
    /// <see cref="Fit"/>, needs only the label here.</summary>
    /// <param name="inputSchema">The shape of the data the trainer will be fitted on.</param>
    /// <returns>The shape of the scored data.</returns>
    /// <example>
    /// ML.NET calls it when a chain checks its columns; from the shape the featurizer promises:
    /// <code>
    /// var trainer = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight")
    ///     .WithClassWeights(ml);
    /// SchemaShape scored = trainer.GetOutputSchema(featurizer.GetOutputSchema(inputShape));
    /// bool hasScore = scored.TryFindColumn("Score", out _);
    /// </code>
    /// </example>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        // The weight column exists only inside Fit; a scalar float made from the label stands in for it here.
        var withWeight = _ml.Transforms.Conversion.ConvertType(_weight, _label, DataKind.Single)
            .GetOutputSchema(inputSchema);
        return _inner.GetOutputSchema(withWeight);
    }
}

/// <summary>A trainer that can fit on its resampled data after a further step (e.g. adding class weights).</summary>
internal interface IResamplingFit<out TTransformer>
{
    TTransformer Fit(IDataView input, Func<IDataView, IDataView> afterResampling);
}

/// <summary>Extension methods that give every ML.NET trainer that takes <c>exampleWeightColumnName</c> class
/// weights computed when it is fitted.</summary>
/// <example>
/// <code>
/// var trainer = ml.BinaryClassification.Trainers.LightGbm(exampleWeightColumnName: "Weight").WithClassWeights(ml);
/// var model = featurizer.Append(trainer).Fit(train);
/// </code>
/// </example>
public static class ClassWeightExtensions
{
    /// <summary>Wraps <paramref name="trainer"/> (built with <c>exampleWeightColumnName: weightColumn</c>) so that it
    /// fits on its data with a <paramref name="weightColumn"/> added: balanced weights (scikit-learn's
    /// <c>n / (K · n_c)</c>, counted on the data it is fitted on) when <paramref name="weights"/> is <c>null</c>,
    /// else the given weight per class label (text of a Boolean label is <c>True</c>/<c>False</c>; of a key label,
    /// its key value). Only fitting uses the label; the fitted model scores rows without one (see
    /// <see cref="ClassWeightedTrainer{TTransformer, TModel}"/>).</summary>
    /// <exception cref="ArgumentException">The trainer is one of ML.NET's and reads no example weights, or reads
    /// them from another column than <paramref name="weightColumn"/>: the weights would be ignored.</exception>
    /// <example>
    /// <code>
    /// var trainer = ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight")
    ///     .WithClassWeights(ml)                       // or .WithClassWeights(ml, new Dictionary&lt;string, double&gt;
    ///     .WithResampling(ml, new RandomUnderSampler()); //        { ["True"] = 10, ["False"] = 1 })
    /// var model = featurizer.Append(trainer).Fit(train);
    /// </code>
    /// </example>
    public static ClassWeightedTrainer<TTransformer, TModel> WithClassWeights<TTransformer, TModel>(
        this ITrainerEstimator<TTransformer, TModel> trainer, MLContext ml,
        IReadOnlyDictionary<string, double>? weights = null, string labelColumn = "Label",
        string weightColumn = "Weight")
        where TTransformer : class, ISingleFeaturePredictionTransformer<TModel>
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(ml);
        if (WeightColumnOf(trainer) is { } read && read != weightColumn)
            throw new ArgumentException(read.Length == 0
                ? "the trainer reads no example weights, so the class weights would be ignored: create it with " +
                    $"exampleWeightColumnName: \"{weightColumn}\""
                : $"the trainer reads example weights from '{read}', not '{weightColumn}': create it with " +
                    $"exampleWeightColumnName: \"{weightColumn}\" or pass weightColumn: \"{read}\"", nameof(trainer));
        return new(ml, trainer, weights, labelColumn, weightColumn);
    }

    /// <summary>The example-weight column <paramref name="trainer"/> reads ("" for none), looking through
    /// <c>WithResampling</c>; <see langword="null"/> when it cannot be told (a trainer not built on ML.NET's
    /// <see cref="TrainerEstimatorBase{TTransformer, TModel}"/>).</summary>
    private static string? WeightColumnOf<TTransformer, TModel>(ITrainerEstimator<TTransformer, TModel> trainer)
        where TTransformer : class, ISingleFeaturePredictionTransformer<TModel>
        where TModel : class => trainer switch
        {
            TrainerEstimatorBase<TTransformer, TModel> ml => ml.WeightColumn.Name ?? "",
            ResamplingTrainer<TTransformer, TModel> resampling => WeightColumnOf(resampling.Inner),
            _ => null,
        };
}
