using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mapping = Imbalanced.MLNet.Ensembles.BalancedEnsembleVoteMapping;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>
/// A multiclass balanced ensemble as an ML.NET estimator, for a key label (for example after
/// <c>MapValueToKey</c>): it goes into a pipeline, <c>CrossValidate</c>, <c>ml.Model.Save</c>/<c>Load</c> and a
/// <c>PredictionEngine</c>, and scoring needs only the feature column. Like ML.NET's multiclass trainers it adds
/// <c>Score</c>, one probability per key (the members' averaged class probabilities, or for RUSBoost SAMME's
/// weighted share of votes; its slot names are the label's key values), and <c>PredictedLabel</c>, the most
/// probable class as a key of the label's type, so <c>MapKeyToValue</c> turns it back into the label's values.
/// Every member under-samples every class to the minority's size, as imbalanced-learn's ensembles do. The
/// probabilities are those of <see cref="BalancedEnsemble"/> with the same seed and members.
/// <para>The model is built of the members and ML.NET's own transformers, except one step: ML.NET's transformers
/// cannot add up vectors or pick a vector's largest slot, so one stateless <c>CustomMapping</c> (the registered
/// factory <c>Imbalanced.MLNet.BalancedEnsembleVote</c>) computes each class's probability and the most probable
/// class from the members' scores and weights, which the model carries in columns of its own. Score is then
/// concatenated from the per-class values, which gives it the fixed size ML.NET's evaluators require; a transformer
/// of our own would have needed far more of ML.NET's internals. A saved model names the mapping's assembly and
/// ML.NET loads it, so a fresh context loads the model without registering anything, provided this library is
/// deployed with the application that loads it (in a context that cannot find it, call
/// <c>ml.ComponentCatalog.RegisterAssembly(typeof(MulticlassBalancedEnsembleEstimator).Assembly)</c> first).</para>
/// Create it with the catalog extensions of <see cref="BalancedEnsembleCatalog"/>.
/// </summary>
/// <example>
/// <code>
/// var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
///     .Append(ml.Transforms.Concatenate("Features", "x1", "x2"))
///     .Append(ml.MulticlassClassification.Trainers.EasyEnsemble(members: 5, seed: 1))
///     .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
/// ml.Model.Save(pipeline.Fit(train), train.Schema, "model.zip");
/// var model = new MLContext().Model.Load("model.zip", out _); // where the model is served
/// </code>
/// </example>
public sealed class MulticlassBalancedEnsembleEstimator : IEstimator<ITransformer>
{
    private const string Source = Mapping.Prefix + "Source";
    private readonly EnsembleTraining _training;

    /// <summary>An estimator of the multiclass ensemble <paramref name="kind"/>, its members trained in a context of
    /// their own seeded by <paramref name="seed"/>.</summary>
    /// <param name="kind">Which ensemble.</param>
    /// <param name="members">Members (or boosting rounds); imbalanced-learn's default when null.</param>
    /// <param name="seed">Seed of the bootstraps, under-samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column (copied to
    /// <c>Features</c> when it has another name).</param>
    /// <param name="labelColumnName">The key label column (needed to fit only).</param>
    /// <example><c>new MulticlassBalancedEnsembleEstimator(EnsembleKind.RusBoost, members: 5, seed: 1).Fit(train)</c>
    /// </example>
    public MulticlassBalancedEnsembleEstimator(EnsembleKind kind, int? members = null, long seed = 0,
        string featureColumnName = "Features", string labelColumnName = "Label")
    {
        _training = new EnsembleTraining(kind, members, seed, featureColumnName, labelColumnName);
    }

    /// <summary>Trains the members on the feature and label columns of <paramref name="input"/> and composes them
    /// into one ML.NET transformer that reads only the feature column.</summary>
    /// <exception cref="DataException">A column is missing or of the wrong type, the label is not a key, or no
    /// member did better than chance.</exception>
    /// <example><c>ITransformer model = ml.MulticlassClassification.Trainers.BalancedBagging(members: 5).Fit(train);
    /// </c></example>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var label = _training.Label(input);
        if (label.Type is not KeyDataViewType)
            throw new DataException($"multiclass balanced ensembles need a key label: the label column " +
                $"'{label.Name}' is {label.Type} (map its values to keys with MapValueToKey)");
        var keyValues = DataViewConversion.KeyValues(label);
        var chain = new TransformerChainBuilder(new MLContext(unchecked((int)_training.Seed)), input);
        var ml = chain.Context;
        var model = _training.Fit(chain);
        var classes = model.Classes.ToList();
        var k = classes.Count;
        // The members' scores are in class order; the Score slots follow the label's keys.
        var classOfKey = keyValues.Select(v => classes.IndexOf(v)).ToArray();
        var members = model.WeightedMembers;
        var total = members.Sum(m => m.Weight);
        var temporary = new List<string> { Source, Mapping.MembersColumn, Mapping.WeightsColumn, Mapping.VoteColumn,
            Mapping.ClassColumn, Mapping.ValueColumn, Mapping.BestColumn };
        var blocks = new List<string>();
        var weights = new List<string>();
        for (var m = 0; m < members.Count; m++)
        {
            chain.Add(members[m].Model);
            var block = Temporary($"Member{m}");
            if (k == 2)
            {
                // Two classes: the members are binary; their probability of class 1 becomes the scores [1 - p, p].
                var negative = Temporary("Negative");
                chain.Add(ml.Transforms.Expression(negative, "p => 1.0 - p", "Probability"));
                chain.Add(ml.Transforms.Concatenate(block, negative, "Probability"));
            }
            else chain.Add(ml.Transforms.CopyColumns(block, "Score"));
            blocks.Add(block);
            // Constants are made by Expression transforms from a scalar column of the first member (its class as
            // text: Expression reads no keys).
            if (m == 0)
                chain.Add(k == 2 ? ml.Transforms.CopyColumns(Source, "Probability")
                    : ml.Transforms.Conversion.MapKeyToValue(Source, "PredictedLabel"));
            var weight = Temporary($"Weight{m}");
            chain.Add(Constant(ml, weight,
                (members[m].Weight / total).ToString("0.0###############", CultureInfo.InvariantCulture)));
            weights.Add(weight);
        }
        chain.Add(ml.Transforms.Concatenate(Mapping.MembersColumn, [.. blocks]));
        chain.Add(ml.Transforms.Concatenate(Mapping.WeightsColumn, [.. weights]));
        chain.Add(Constant(ml, Mapping.VoteColumn, _training.Kind == EnsembleKind.RusBoost ? "1" : "0"));
        // Named after the classes when no column has their names, so that Score's slot names are the key values.
        var slots = keyValues.All(v => v.Length > 0 && !v.StartsWith(Mapping.Prefix, StringComparison.Ordinal)
                && chain.View.Schema.GetColumnOrNull(v) is null)
            ? keyValues : keyValues.Select((_, j) => Temporary($"Score{j}")).ToArray();
        var mapping = new Mapping();
        for (var j = 0; j < k; j++)
        {
            chain.Add(Constant(ml, Mapping.ClassColumn, classOfKey[j].ToString(CultureInfo.InvariantCulture)));
            chain.Add(ml.Transforms.CustomMapping(mapping.GetMapping(), Mapping.ContractName));
            chain.Add(ml.Transforms.CopyColumns(slots[j], Mapping.ValueColumn));
        }
        chain.Add(ml.Transforms.Concatenate("Score", slots));
        chain.Add(PredictedLabel(ml, label, classOfKey, keyValues, Temporary("PredictedValue")));
        if (k == 2) temporary.Add("Probability");
        chain.Add(ml.Transforms.DropColumns([.. temporary, .. slots]));
        return chain.Build();

        string Temporary(string name)
        {
            var column = Mapping.Prefix + name;
            if (!temporary.Contains(column)) temporary.Add(column);
            return column;
        }
    }

    /// <summary>The key column <c>PredictedLabel</c> from the best class's number: its key values are the label's own,
    /// of their own type (text, Boolean or a number), as a multiclass trainer of ML.NET gives them, so that
    /// <c>MapKeyToValue</c> gives back values of the label's type.</summary>
    /// <remarks>Text key values are mapped straight to keys. Others are mapped to the value (in the temporary column
    /// <paramref name="value"/>) and then to keys with the label's key values, in key order, as the key data: a value
    /// map's own keys would have text values. Text keys copy the best class's number to <paramref name="value"/>, so
    /// that every kind of label leaves the same temporary column to drop.</remarks>
    private static IEstimator<ITransformer> PredictedLabel(MLContext ml, DataViewSchema.Column label,
        int[] classOfKey, string[] keyValues, string value)
    {
        var type = (label.Annotations.Schema.GetColumnOrNull("KeyValues")?.Type as VectorDataViewType)?.ItemType;
        return type?.RawType switch
        {
            { } t when t == typeof(bool) => Typed<bool>(ml, label, classOfKey, value),
            { } t when t == typeof(float) => Typed<float>(ml, label, classOfKey, value),
            { } t when t == typeof(double) => Typed<double>(ml, label, classOfKey, value),
            { } t when t == typeof(int) => Typed<int>(ml, label, classOfKey, value),
            { } t when t == typeof(uint) => Typed<uint>(ml, label, classOfKey, value),
            { } t when t == typeof(long) => Typed<long>(ml, label, classOfKey, value),
            { } t when t == typeof(ulong) => Typed<ulong>(ml, label, classOfKey, value),
            { } t when t == typeof(short) => Typed<short>(ml, label, classOfKey, value),
            { } t when t == typeof(ushort) => Typed<ushort>(ml, label, classOfKey, value),
            { } t when t == typeof(byte) => Typed<byte>(ml, label, classOfKey, value),
            { } t when t == typeof(sbyte) => Typed<sbyte>(ml, label, classOfKey, value),
            _ => ml.Transforms.Conversion.MapValue("PredictedLabel",
                    classOfKey.Select((c, j) => new KeyValuePair<int, string>(c, keyValues[j])), Mapping.BestColumn,
                    treatValuesAsKeyType: true)
                .Append(ml.Transforms.CopyColumns(value, Mapping.BestColumn)),
        };
    }

    private static IEstimator<ITransformer> Typed<T>(MLContext ml, DataViewSchema.Column label, int[] classOfKey,
        string value)
    {
        VBuffer<T> values = default;
        label.GetKeyValues(ref values);
        var dense = values.DenseValues().ToArray();
        var keys = ml.Data.LoadFromEnumerable(dense.Select(v => new KeyValue<T> { Value = v }));
        return ml.Transforms.Conversion.MapValue(value,
                classOfKey.Select((c, j) => new KeyValuePair<int, T>(c, dense[j])), Mapping.BestColumn)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", value, keyData: keys));
    }

    /// <summary>One key value, a row of the key data of <see cref="Typed"/>.</summary>
    private sealed class KeyValue<T>
    {
        public T? Value { get; set; }
    }

    /// <summary>The schema after the fitted ensemble: the input's columns and the multiclass prediction columns
    /// <c>Score</c> and <c>PredictedLabel</c>.</summary>
    /// <example>ML.NET calls it when a chain checks its columns:
    /// <c>var columns = ensemble.GetOutputSchema(featurizer.GetOutputSchema(inputShape));</c></example>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        new MLContext().MulticlassClassification.Trainers.SdcaMaximumEntropy(_training.LabelColumn,
            _training.FeatureColumn).GetOutputSchema(inputSchema);

    /// <summary>A column of <paramref name="literal"/> in every row (Single with a decimal point, else Int32).
    /// </summary>
    private static IEstimator<ITransformer> Constant(MLContext ml, string column, string literal) =>
        ml.Transforms.Expression(column, $"x => {literal}", Source);
}
