using Imbalanced.Sampling;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Imbalanced.MLNet;

/// <summary>
/// An ML.NET trainer that resamples the data its <see cref="Fit"/> receives with an <see cref="ISampler"/> and then
/// fits the inner trainer, returning the inner trainer's own transformer. Because only <see cref="Fit"/> resamples,
/// it is leakage-free wherever ML.NET fits estimators: in <c>featurizer.Append(...)</c> pipelines, and in
/// <c>BinaryClassification.CrossValidate</c> / <c>MulticlassClassification.CrossValidate</c>, which fit on the
/// training folds only. Saving, loading and prediction engines see the inner trainer's model unchanged.
/// </summary>
/// <example>
/// <code>
/// var trainer = ml.BinaryClassification.Trainers.FastTree().WithResampling(ml, new RandomUnderSampler());
/// var model = featurizer.Append(trainer).Fit(train);   // the trainer sees a balanced training set
/// </code>
/// </example>
/// <typeparam name="TTransformer">The inner trainer's transformer.</typeparam>
/// <typeparam name="TModel">The inner trainer's model parameters.</typeparam>
public sealed class ResamplingTrainer<TTransformer, TModel> : ITrainerEstimator<TTransformer, TModel>,
    IResamplingFit<TTransformer>
    where TTransformer : class, ISingleFeaturePredictionTransformer<TModel>
    where TModel : class
{
    private readonly MLContext _ml;
    private readonly ITrainerEstimator<TTransformer, TModel> _inner;
    private readonly ISampler _sampler;
    private readonly string _features;
    private readonly string _label;

    internal ResamplingTrainer(MLContext ml, ITrainerEstimator<TTransformer, TModel> inner, ISampler sampler,
        string featureColumn, string labelColumn)
    {
        _ml = ml;
        _inner = inner;
        _sampler = sampler;
        _features = featureColumn;
        _label = labelColumn;
    }

    /// <summary>The inner trainer's information (whether it needs normalization, caching, calibration).</summary>
    /// <example><c>bool needsNormalization = trainer.Info.NeedNormalization;</c></example>
    public TrainerInfo Info => _inner.Info;

    /// <summary>The trainer fitted on the resampled data.</summary>
    internal ITrainerEstimator<TTransformer, TModel> Inner => _inner;

    /// <summary>Resamples <paramref name="input"/> (features and label
    /// only) and fits the inner trainer on the result.</summary>
    /// <example><c>var model = trainer.Fit(featurizer.Fit(train).Transform(train));</c></example>
    public TTransformer Fit(IDataView input) => FitResampled(input, data => data);

    TTransformer IResamplingFit<TTransformer>.Fit(IDataView input, Func<IDataView, IDataView> afterResampling) =>
        FitResampled(input, afterResampling);

    private TTransformer FitResampled(IDataView input, Func<IDataView, IDataView> afterResampling)
    {
        var (data, shape) = DataViewConversion.ToDataset(input, _features, _label);
        var resampled = _sampler.FitResample(data).ToDataset();
        var prepared = afterResampling(DataViewConversion.ToDataView(_ml, resampled, shape));
        try
        {
            return _inner.Fit(prepared);
        }
        catch (ArgumentOutOfRangeException e) when (e.Message.Contains("weight column", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the resampled rows carry only the features and the label, so the " +
                "trainer's example-weight column is not there; to weight classes, wrap the trainer with " +
                "WithClassWeights (before or after WithResampling), which adds the weights after resampling", e);
        }
    }

    /// <summary>The inner trainer's output schema: resampling changes rows, not columns.</summary>
    /// <example>ML.NET calls it when a chain checks its columns:
    /// <c>var columns = trainer.GetOutputSchema(featurizer.GetOutputSchema(inputShape));</c></example>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _inner.GetOutputSchema(inputSchema);
}
