using Imbalanced.MLNet.Columns;
using Imbalanced.Sampling;
using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>
/// An estimator chain (featurization and trainer) fitted on resampled raw data: <see cref="Fit"/> reads every
/// column of its input — numbers and numeric vectors as numeric features; text, Boolean and key columns as
/// categorical features named by their column — resamples the rows with an <see cref="ISampler"/> by the label
/// column, writes the resampled rows back with the input's schema, and fits the chain on them. The fitted model is
/// the chain's own transformer: nothing resamples when it transforms, saves, loads or serves, and rows to score need
/// no label. Because resampling happens before featurization, SMOTE-NC and SMOTEN see the real categorical
/// columns (<c>SmoteNcOptions.CategoricalFeatures</c> names columns), and featurizers such as one-hot encoding are
/// fitted on the resampled rows. Create it with
/// <see cref="ResamplingExtensions.WithResampling{TTransformer}(IEstimator{TTransformer}, ISampler, string)"/>.
/// </summary>
/// <remarks>
/// Synthetic values of integer columns are rounded to the nearest integer; a categorical value is one of the
/// column's values (its text, Boolean or key). Missing numbers (NaN) and missing keys reach the sampler as missing
/// values, which the samplers that measure distances refuse: impute them first, for example with
/// <c>ml.Transforms.ReplaceMissingValues</c> appended before the resampled chain.
/// </remarks>
/// <typeparam name="TTransformer">The transformer the chain fits.</typeparam>
/// <example>
/// <code>
/// var pipeline = ml.Transforms.Categorical.OneHotEncoding("contract")
///     .Append(ml.Transforms.Concatenate("Features", "contract", "tenure"))
///     .Append(ml.BinaryClassification.Trainers.FastTree())
///     .WithResampling(new SmoteNc(), labelColumnName: "Label");
/// var model = pipeline.Fit(train);            // resamples train, then fits the chain
/// ml.Model.Save(model, train.Schema, "model.zip");
/// </code>
/// </example>
public sealed class ResamplingEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    private readonly IEstimator<TTransformer> _inner;
    private readonly ISampler _sampler;
    private readonly string _labelColumnName;

    internal ResamplingEstimator(IEstimator<TTransformer> inner, ISampler sampler, string labelColumnName)
    {
        _inner = inner;
        _sampler = sampler;
        _labelColumnName = labelColumnName;
    }

    /// <summary>Resamples every visible column of <paramref name="input"/> by the label column and fits the chain
    /// on the resampled rows.</summary>
    /// <exception cref="DataException">The label column is missing or empty in a row, a column's type cannot be
    /// resampled, or the sampler refuses the data (for example missing values, or categorical columns for a
    /// numeric-only sampler).</exception>
    /// <example><c>TransformerChain&lt;ITransformer&gt; model = pipeline.WithResampling(new Smoten()).Fit(train);</c>
    /// </example>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = RawColumnTable.Read(input, _labelColumnName);
        var resampled = _sampler.FitResample(table.Data).ToDataset();
        return _inner.Fit(table.ToDataView(resampled));
    }

    /// <summary>The chain's output schema: resampling changes rows, not columns.</summary>
    /// <example>ML.NET calls it when a chain checks its columns:
    /// <c>var columns = resampled.GetOutputSchema(featurizer.GetOutputSchema(inputShape));</c></example>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => _inner.GetOutputSchema(inputSchema);
}
