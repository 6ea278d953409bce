using Imbalanced.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// Converts between ML.NET's <see cref="IDataView"/> (a fixed-size <c>Single</c> vector feature column and a Boolean
/// or key label) and the core library's <see cref="Dataset"/>, keeping slot names and key values.
/// </summary>
/// <example>
/// <code>
/// var (data, shape) = DataViewConversion.ToDataset(featurized);
/// var resampled = new Smote().FitResample(data).ToDataset();
/// IDataView balanced = DataViewConversion.ToDataView(ml, resampled, shape);
/// </code>
/// </example>
public static class DataViewConversion
{
    /// <summary>Reads the feature and label columns of
    /// <paramref name="data"/> (its row count need not be known).</summary>
    /// <exception cref="DataException">A column is missing, the features are
    /// not a fixed-size Single vector, or a label is missing.</exception>
    /// <example>
    /// <code>
    /// var featurized = ml.Transforms.Concatenate("Features", "V1", "V2").Fit(view).Transform(view);
    /// var (data, shape) = DataViewConversion.ToDataset(featurized, labelColumn: "Label");
    /// Console.WriteLine($"{data.RowCount} rows, classes {string.Join(", ", data.Classes.Labels)}");
    /// </code>
    /// </example>
    public static (Dataset Data, DataViewShape Shape) ToDataset(IDataView data, string featureColumn = "Features",
        string labelColumn = "Label")
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = data.Schema;
        var features = schema.GetColumnOrNull(featureColumn)
            ?? throw new DataException($"the data view has no column '{featureColumn}'; its columns are: " +
                $"{string.Join(", ", schema.Select(c => c.Name))}");
        var label = schema.GetColumnOrNull(labelColumn)
            ?? throw new DataException($"the data view has no column '{labelColumn}'; its columns are: " +
                $"{string.Join(", ", schema.Select(c => c.Name))}");
        if (features.Type is not VectorDataViewType vector || vector.ItemType != NumberDataViewType.Single
            || !vector.IsKnownSize)
            throw new DataException($"column '{featureColumn}' must be a fixed-size vector of Single; it is " +
                $"{features.Type} (concatenate the features into one vector first)");
        var size = vector.Size;
        string[]? slotNames = null;
        if (features.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> slots = default;
            features.GetSlotNames(ref slots);
            slotNames = slots.DenseValues().Select(n => n.ToString()).ToArray();
        }
        LabelKind kind;
        string[]? keyValues = null;
        if (label.Type == BooleanDataViewType.Instance) kind = LabelKind.Boolean;
        else if (label.Type is KeyDataViewType)
        {
            kind = LabelKind.Key;
            keyValues = KeyValues(label);
        }
        else throw new DataException($"column '{labelColumn}' must be Boolean (binary) or a key (multiclass; map " +
            $"strings with MapValueToKey); it is {label.Type}");

        var numeric = new List<double>();
        var labels = new List<int>();
        using (var cursor = data.GetRowCursor([features, label]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
            var buffer = default(VBuffer<float>);
            ValueGetter<bool>? getBool = kind == LabelKind.Boolean ? cursor.GetGetter<bool>(label) : null;
            ValueGetter<uint>? getKey = kind == LabelKind.Key ? cursor.GetGetter<uint>(label) : null;
            var row = 0;
            while (cursor.MoveNext())
            {
                getFeatures(ref buffer);
                foreach (var v in buffer.DenseValues()) numeric.Add(v);
                if (getBool is not null)
                {
                    var b = false;
                    getBool(ref b);
                    labels.Add(b ? 1 : 0);
                }
                else
                {
                    uint k = 0;
                    getKey!(ref k);
                    if (k == 0) throw new DataException($"row {row}: the label '{labelColumn}' is missing (key 0)");
                    labels.Add((int)k - 1);
                }
                row++;
            }
        }
        var names = kind == LabelKind.Boolean ? new[] { "False", "True" } : keyValues!;
        var classes = ClassSet.FromDistinct(names);
        // Class codes follow the ML.NET order (false/true, key 1..n); map them onto the class set's order.
        var map = names.Select(classes.IndexOf).ToArray();
        var dataset = new Dataset([.. numeric], slotNames ?? Enumerable.Range(0, size).Select(j => $"f{j}").ToArray(),
            [], [], [], labels.Select(l => map[l]).ToArray(), classes);
        return (dataset, new DataViewShape(featureColumn, labelColumn, size, slotNames, kind, keyValues));
    }

    /// <summary>The text of each value of the key column <paramref name="label"/>, key 1 first: its key values, or
    /// the keys themselves (1, 2, …) when it has none.</summary>
    internal static string[] KeyValues(DataViewSchema.Column label)
    {
        if (label.HasKeyValues())
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            label.GetKeyValues(ref values);
            return values.DenseValues().Select(v => v.ToString()).ToArray();
        }
        return Enumerable.Range(1, (int)((KeyDataViewType)label.Type).Count)
            .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Builds an <see cref="IDataView"/> of <paramref name="data"/> shaped like <paramref name="shape"/>, with
    /// an optional <c>Single</c> weight column.</summary>
    /// <example>
    /// <code>
    /// var (data, shape) = DataViewConversion.ToDataset(featurized);
    /// var resampled = new RandomUnderSampler().FitResample(data).ToDataset();
    /// var view = DataViewConversion.ToDataView(ml, resampled, shape);
    /// var weighted = DataViewConversion.ToDataView(ml, data, shape, ClassWeights.Balanced(data.LabelCodes));
    /// </code>
    /// </example>
    public static IDataView ToDataView(MLContext ml, Dataset data, DataViewShape shape,
        IReadOnlyList<double>? weights = null, string weightColumn = "Weight")
    {
        ArgumentNullException.ThrowIfNull(ml);
        var order = shape.Label == LabelKind.Boolean ? new[] { "False", "True" } : shape.KeyValues!.ToArray();
        var codeOf = data.Classes.Labels.Select(l => Array.IndexOf(order, l)).ToArray();
        var features = data.RowCount == 0 ? [] : Enumerable.Range(0, data.RowCount)
            .Select(i => data.NumericRow(i).ToArray().Select(v => (float)v).ToArray()).ToArray();
        var codes = Enumerable.Range(0, data.RowCount).Select(i => codeOf[data.Labels[i]]).ToArray();
        var rowWeights = Enumerable.Range(0, data.RowCount).Select(i => (float)(weights?[i] ?? 1.0)).ToArray();
        return shape.Label == LabelKind.Boolean
            ? Load(ml, Enumerable.Range(0, data.RowCount)
                .Select(i => new BoolRow { Features = features[i], Label = codes[i] == 1, Weight = rowWeights[i] })
                .ToList(), shape, weights is not null, weightColumn, null)
            : Load(ml, Enumerable.Range(0, data.RowCount)
                .Select(i => new KeyRow { Features = features[i], Label = (uint)codes[i], Weight = rowWeights[i] })
                .ToList(), shape, weights is not null, weightColumn, order);
    }

    /// <summary>The schema of a view shaped like <paramref name="shape"/>, which a model is saved with.</summary>
    internal static DataViewSchema Schema(MLContext ml, DataViewShape shape)
    {
        var row = new Dataset(new double[shape.FeatureSize],
            Enumerable.Range(0, shape.FeatureSize).Select(j => $"f{j}").ToArray(), [], [], [], [0],
            ClassSet.FromDistinct(shape.Label == LabelKind.Boolean ? ["False", "True"] : shape.KeyValues!));
        return ToDataView(ml, row, shape).Schema;
    }

    private static IDataView Load<TRow>(MLContext ml, List<TRow> rows, DataViewShape shape, bool withWeights,
        string weightColumn, string[]? keyValues)
        where TRow : class
    {
        var definition = SchemaDefinition.Create(typeof(TRow));
        var features = definition["Features"];
        var label = definition["Label"];
        var weight = definition["Weight"];
        features.ColumnName = shape.FeatureColumn;
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape.FeatureSize);
        if (shape.SlotNames is { } slots)
            features.AddAnnotation("SlotNames",
                new VBuffer<ReadOnlyMemory<char>>(slots.Count, slots.Select(s => s.AsMemory()).ToArray()),
                new VectorDataViewType(TextDataViewType.Instance, slots.Count));
        label.ColumnName = shape.LabelColumn;
        if (keyValues is not null)
        {
            label.ColumnType = new KeyDataViewType(typeof(uint), keyValues.Length);
            label.AddAnnotation("KeyValues",
                new VBuffer<ReadOnlyMemory<char>>(keyValues.Length, keyValues.Select(s => s.AsMemory()).ToArray()),
                new VectorDataViewType(TextDataViewType.Instance, keyValues.Length));
        }
        if (withWeights) weight.ColumnName = weightColumn;
        else definition.Remove(weight);
        return ml.Data.LoadFromEnumerable(rows, definition);
    }

    private sealed class BoolRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }

    /// <summary>A key label as <c>LoadFromEnumerable</c> reads it:
    /// 0-based (it stores value + 1, 0 meaning missing).</summary>
    private sealed class KeyRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float Weight { get; set; }
    }
}
