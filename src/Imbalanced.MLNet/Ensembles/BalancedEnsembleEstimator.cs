using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>
/// A binary balanced ensemble as an ML.NET estimator: it goes into a pipeline, <c>CrossValidate</c>,
/// <c>ml.Model.Save</c>/<c>Load</c> and a <c>PredictionEngine</c>. Its model is built only of ML.NET's own
/// transformers (the members, column copies and <c>Expression</c> transforms), so a saved model loads in any
/// <see cref="MLContext"/> without registering anything, and scoring needs only the feature column. It adds
/// <c>Probability</c> (the members' averaged probability, or for RUSBoost SAMME's weighted share of votes for the
/// positive class, kept within [1e-7, 1 − 1e-7]: when every member agrees the share is 0 or 1, and ML.NET's
/// evaluator would report an infinite log loss for one such row on the wrong side), <c>Score</c> (its log-odds,
/// <c>ln(p / (1 − p))</c>, so that ML.NET's evaluators, which decide at <c>Score &gt; 0</c>, agree with the
/// prediction) and <c>PredictedLabel</c> (<c>Probability &gt; 0.5</c>).
/// Create it with the catalog extensions of <see cref="BalancedEnsembleCatalog"/>.
/// </summary>
/// <example>
/// <code>
/// var pipeline = ml.Transforms.Concatenate("Features", "x1", "x2")
///     .Append(ml.BinaryClassification.Trainers.EasyEnsemble(members: 5, seed: 1));
/// var model = pipeline.Fit(train);
/// ml.Model.Save(model, train.Schema, "model.zip");
/// </code>
/// </example>
public sealed class BalancedEnsembleEstimator : IEstimator<ITransformer>
{
    private const string Sum = "__BalancedEnsembleSum";
    private readonly EnsembleTraining _training;

    /// <summary>An estimator of the binary ensemble <paramref name="kind"/>, its members trained in a context of
    /// their own seeded by <paramref name="seed"/>.</summary>
    /// <param name="kind">Which ensemble.</param>
    /// <param name="members">Members (or boosting rounds); imbalanced-learn's default when null.</param>
    /// <param name="seed">Seed of the bootstraps, under-samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column (copied to
    /// <c>Features</c> when it has another name).</param>
    /// <param name="labelColumnName">The Boolean label column (needed to fit only).</param>
    /// <example><c>new BalancedEnsembleEstimator(EnsembleKind.RusBoost, members: 5, seed: 1).Fit(train)</c>
    /// </example>
    public BalancedEnsembleEstimator(EnsembleKind kind, int? members = null, long seed = 0,
        string featureColumnName = "Features", string labelColumnName = "Label")
    {
        _training = new EnsembleTraining(kind, members, seed, featureColumnName, labelColumnName);
    }

    /// <summary>Trains the members on the feature and label columns of <paramref name="input"/> and composes them
    /// into one ML.NET transformer that reads only the feature column.</summary>
    /// <exception cref="DataException">A column is missing or of the wrong type, the label is not Boolean, or no
    /// member did better than chance.</exception>
    /// <example><c>ITransformer model = ml.BinaryClassification.Trainers.BalancedBagging(members: 5).Fit(train);</c>
    /// </example>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var label = _training.Label(input);
        if (label.Type != BooleanDataViewType.Instance)
            throw new DataException($"balanced ensemble estimators are binary: the label column '{label.Name}' " +
                $"must be Boolean; it is {label.Type}");
        var chain = new TransformerChainBuilder(new MLContext(unchecked((int)_training.Seed)), input);
        var ml = chain.Context;
        var model = _training.Fit(chain);
        var members = model.WeightedMembers;
        var total = members.Sum(m => m.Weight);
        for (var m = 0; m < members.Count; m++)
        {
            chain.Add(members[m].Model);
            var weight = (members[m].Weight / total).ToString("R", CultureInfo.InvariantCulture);
            // RUSBoost's members vote for their most probable class (the negative one on a tie), weighted by their say.
            var term = _training.Kind == EnsembleKind.RusBoost ? $"(p > 0.5 ? {weight} : 0.0)" : $"{weight} * p";
            chain.Add(m == 0
                ? ml.Transforms.Expression(Sum, $"p => {term}", "Probability")
                : ml.Transforms.Expression(Sum, $"(s, p) => s + {term}", Sum, "Probability"));
        }
        // A sum a rounding above 1 is 1; a share of exactly 0 or 1 (every member agreeing) is kept 1e-7 inside, so
        // that the log loss of ML.NET's evaluator stays finite and Score stays the log-odds of Probability.
        chain.Add(ml.Transforms.Expression("Probability", "s => min(max(s, 1e-7), 0.9999999)", Sum));
        // Score is the log-odds, as ML.NET's binary trainers give a margin: its evaluators and CrossValidate decide
        // at Score > 0, which is Probability > 0.5, the PredictedLabel. A score equal to the probability made
        // every row positive there.
        chain.Add(ml.Transforms.Expression("Score", "p => ln(max(p, 1e-7) / max(1 - p, 1e-7))", "Probability"));
        chain.Add(ml.Transforms.Expression("PredictedLabel", "p => p > 0.5", "Probability"));
        chain.Add(ml.Transforms.DropColumns(Sum));
        return chain.Build();
    }

    /// <summary>The schema after the fitted ensemble: the input's columns and the binary prediction columns
    /// <c>Score</c>, <c>Probability</c> and <c>PredictedLabel</c>.</summary>
    /// <example>ML.NET calls it when a chain checks its columns:
    /// <c>var columns = ensemble.GetOutputSchema(featurizer.GetOutputSchema(inputShape));</c></example>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        new MLContext().BinaryClassification.Trainers.SdcaLogisticRegression(_training.LabelColumn,
            _training.FeatureColumn)
            .GetOutputSchema(inputSchema);
}
