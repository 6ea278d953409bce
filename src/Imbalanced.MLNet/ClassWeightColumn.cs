using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// Adds a per-row weight column for trainers that take <c>exampleWeightColumnName</c>: <c>balanced</c> weights
/// (scikit-learn's <c>n / (K · n_c)</c>, counted on the data given) or explicit ones per class. The result is an
/// ordinary ML.NET estimator (a value mapping), so it saves and loads with the model — and a model that contains it
/// needs the label to score. To weight classes at fit time only, so the model serves rows without a label, wrap the
/// trainer instead: <see cref="ClassWeightExtensions.WithClassWeights"/>.
/// </summary>
/// <example>
/// <code>
/// var pipeline = ClassWeightColumn.Balanced(ml, train)
///     .Append(ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight"));
/// var model = pipeline.Fit(train); // scoring needs the Label column too
/// </code>
/// </example>
public static class ClassWeightColumn
{
    /// <summary>An estimator that adds <paramref name="weightColumn"/> with balanced weights counted on
    /// <paramref name="trainingData"/>.</summary>
    /// <example>
    /// <code>
    /// var weighted = ClassWeightColumn.Balanced(ml, train).Fit(train).Transform(train);
    /// var trainer = ml.BinaryClassification.Trainers.LightGbm(exampleWeightColumnName: "Weight");
    /// </code>
    /// </example>
    public static IEstimator<ITransformer> Balanced(MLContext ml, IDataView trainingData, string labelColumn = "Label",
        string weightColumn = "Weight")
    {
        var texts = StratifiedDataOperations.LabelTexts(trainingData, labelColumn);
        var counts = texts.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        return Explicit(ml, trainingData.Schema,
            counts.ToDictionary(kv => kv.Key, kv => texts.Count / (double)(counts.Count * kv.Value)),
            labelColumn, weightColumn);
    }

    /// <summary>An estimator that adds <paramref name="weightColumn"/> with the given weight per class label (text of a
    /// Boolean label is <c>True</c>/<c>False</c>; of a key label, its key value).</summary>
    /// <example>
    /// <code>
    /// var weights = new Dictionary&lt;string, double&gt; { ["True"] = 10, ["False"] = 1 };
    /// var pipeline = ClassWeightColumn.Explicit(ml, train.Schema, weights)
    ///     .Append(ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: "Weight"));
    /// </code>
    /// </example>
    public static IEstimator<ITransformer> Explicit(MLContext ml, DataViewSchema schema,
        IReadOnlyDictionary<string, double> weights,
        string labelColumn = "Label", string weightColumn = "Weight")
    {
        var column = schema.GetColumnOrNull(labelColumn)
            ?? throw new DataException($"the data view has no column '{labelColumn}'");
        switch (column.Type)
        {
            case BooleanDataViewType:
                return ml.Transforms.Conversion.MapValue(weightColumn,
                    weights.Select(kv => new KeyValuePair<bool, float>(BooleanClass(kv.Key, labelColumn),
                        (float)kv.Value)), labelColumn);
            case KeyDataViewType:
                {
                    // Map on the key's index, whatever type its values have (text, Boolean, numbers).
                    var temporary = labelColumn + "__index";
                    // A class is named by its key value's text or, as balanced weights count keys whose values
                    // are not text, by its key number.
                    var texts = KeyTexts(column);
                    var byIndex = Enumerable.Range(1, (int)((KeyDataViewType)column.Type).Count)
                        .Select(k => (Key: (uint)k, Weight: k <= texts.Length && weights.TryGetValue(texts[k - 1],
                            out var byValue) ? byValue : weights.GetValueOrDefault(
                                k.ToString(System.Globalization.CultureInfo.InvariantCulture), double.NaN)))
                        .Where(k => !double.IsNaN(k.Weight))
                        .Select(k => new KeyValuePair<uint, float>(k.Key, (float)k.Weight));
                    return ml.Transforms.Conversion.ConvertType(temporary, labelColumn, DataKind.UInt32)
                        .Append(ml.Transforms.Conversion.MapValue(weightColumn, byIndex, temporary))
                        .Append(ml.Transforms.DropColumns(temporary));
                }
            case TextDataViewType:
                return ml.Transforms.Conversion.MapValue(weightColumn,
                    weights.Select(kv => new KeyValuePair<string, float>(kv.Key, (float)kv.Value)), labelColumn);
            default:
                throw new DataException($"column '{labelColumn}' has type {column.Type}; class weights need a " +
                    "Boolean, key or text label");
        }
    }

    /// <summary>A class of a Boolean label named by its text, <c>True</c> or <c>False</c>.</summary>
    private static bool BooleanClass(string name, string labelColumn) => bool.TryParse(name, out var value)
        ? value
        : throw new DataException($"the class weight for '{name}' names no class of the Boolean label column " +
            $"'{labelColumn}': its classes are True and False");

    // The text of each key value, in key order: True/False for Boolean values, invariant numbers, or the text;
    // empty when the key has no values of those types.
    private static string[] KeyTexts(DataViewSchema.Column column)
    {
        var type = column.Annotations.Schema.GetColumnOrNull("KeyValues")?.Type
            as VectorDataViewType;
        return type?.ItemType switch
        {
            null => [],
            TextDataViewType => Values<ReadOnlyMemory<char>>(column, v => v.ToString()),
            BooleanDataViewType => Values<bool>(column, v => v ? "True" : "False"),
            _ when type.ItemType.RawType == typeof(float) => Values<float>(column, Invariant),
            _ when type.ItemType.RawType == typeof(double) => Values<double>(column, Invariant),
            _ when type.ItemType.RawType == typeof(int) => Values<int>(column, Invariant),
            _ when type.ItemType.RawType == typeof(uint) => Values<uint>(column, Invariant),
            _ => [],
        };

        static string Invariant<T>(T value) where T : IFormattable =>
            value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string[] Values<T>(DataViewSchema.Column column, Func<T, string> text)
    {
        VBuffer<T> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(text).ToArray();
    }
}
