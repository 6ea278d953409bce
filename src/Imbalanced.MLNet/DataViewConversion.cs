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
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        return ToDataView(data, null, shape, weights, weightColumn);
    }

    /// <summary>Single precision's smallest normal number.</summary>
    private const float SmallestNormal = 1.17549435e-38f;

    /// <summary>A finite value beyond single precision's range, which ML.NET's learners would read as infinite.
    /// </summary>
    private static DataException TooLarge(string column, double value) => new(
        $"column '{column}' holds {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, beyond " +
        "the ±3.4e38 ML.NET's learners take (single precision); rescale the column or leave it out");

    /// <summary>The numeric features of <paramref name="data"/> as the views read them, checked before any fit: a
    /// value beyond single precision's range is refused (as the views refuse it); returned are the columns holding
    /// values other than 0 that the views read as 0 (below single precision's smallest normal number).</summary>
    /// <exception cref="DataException">A value beyond ±3.4e38, naming its column.</exception>
    internal static IReadOnlyList<string> ColumnsReadAsZero(Dataset data)
    {
        var (n, d) = (data.RowCount, data.NumericCount);
        var columns = new List<string>();
        for (var j = 0; j < d; j++)
        {
            var zeroed = false;
            for (var i = 0; i < n; i++)
            {
                var original = data.Numeric[i * d + j];
                var value = (float)original;
                if (float.IsInfinity(value) && double.IsFinite(original))
                    throw TooLarge(data.NumericNames[j], original);
                zeroed |= original != 0 && Math.Abs(value) < SmallestNormal;
            }
            if (zeroed) columns.Add(data.NumericNames[j]);
        }
        return columns;
    }

    /// <summary>The view of rows <paramref name="rows"/> of <paramref name="data"/> (all rows when null), in that
    /// order, read from where they stand: the same view <see cref="ToDataView(MLContext, Dataset, DataViewShape,
    /// IReadOnlyList{double}?, string)"/> gives of <c>data.Select(rows)</c>, without that copy.
    /// <paramref name="weights"/> are per row of the view.</summary>
    internal static IDataView ToDataView(Dataset data, int[]? rows, DataViewShape shape,
        IReadOnlyList<double>? weights, string weightColumn = "Weight")
    {
        var order = Order(shape);
        var codeOf = data.Classes.Labels.Select(l => Array.IndexOf(order, l)).ToArray();
        var (n, d) = (rows?.Length ?? data.RowCount, data.NumericCount);
        var features = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            var row = data.NumericRow(rows?[i] ?? i);
            for (var j = 0; j < d; j++)
            {
                var value = (float)row[j];
                if (float.IsInfinity(value) && double.IsFinite(row[j])) throw TooLarge(data.NumericNames[j], row[j]);
                // Below single precision's smallest normal number a value is read as 0: min-max scaling of a column
                // of such values overflows (its scale, one over its largest magnitude, is beyond 3.4e38) and ML.NET's
                // logistic regression then finds every row missing.
                features[i * d + j] = Math.Abs(value) < SmallestNormal ? 0f : value;
            }
        }
        var labels = Enumerable.Range(0, n).Select(i => data.Labels[rows?[i] ?? i]);
        bool[]? booleans = null;
        uint[]? keys = null;
        // A key label is stored 1-based (0 means missing), as ML.NET keys are.
        if (shape.Label == LabelKind.Boolean) booleans = labels.Select(l => codeOf[l] == 1).ToArray();
        else keys = labels.Select(l => (uint)(codeOf[l] + 1)).ToArray();
        var rowWeights = weights is null ? null : Enumerable.Range(0, n).Select(i => (float)weights[i]).ToArray();
        return new DatasetDataView(Schema(shape, weights is null ? null : weightColumn, order), n, features, d,
            booleans, keys, rowWeights);
    }

    /// <summary>The columns of a view shaped like <paramref name="shape"/>: the features (with their slot names),
    /// the label (a key carries <paramref name="order"/> as its key values) and, unless
    /// <paramref name="weightColumn"/> is null, a weight.</summary>
    private static DataViewSchema Schema(DataViewShape shape, string? weightColumn, string[] order)
    {
        var builder = new DataViewSchema.Builder();
        var slots = new DataViewSchema.Annotations.Builder();
        if (shape.SlotNames is { } names)
            AddTexts(slots, "SlotNames", names);
        builder.AddColumn(shape.FeatureColumn, new VectorDataViewType(NumberDataViewType.Single, shape.FeatureSize),
            slots.ToAnnotations());
        if (shape.Label == LabelKind.Boolean) builder.AddColumn(shape.LabelColumn, BooleanDataViewType.Instance);
        else
        {
            var keyValues = new DataViewSchema.Annotations.Builder();
            AddTexts(keyValues, "KeyValues", order);
            builder.AddColumn(shape.LabelColumn, new KeyDataViewType(typeof(uint), order.Length),
                keyValues.ToAnnotations());
        }
        if (weightColumn is not null) builder.AddColumn(weightColumn, NumberDataViewType.Single);
        return builder.ToSchema();
    }

    /// <summary>Adds the annotation <paramref name="kind"/>, a vector of <paramref name="texts"/>.</summary>
    private static void AddTexts(DataViewSchema.Annotations.Builder annotations, string kind,
        IReadOnlyList<string> texts)
    {
        var values = texts.Select(t => t.AsMemory()).ToArray();
        annotations.Add(kind, new VectorDataViewType(TextDataViewType.Instance, values.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(values.Length,
                values.ToArray()));
    }

    /// <summary>The schema of a view shaped like <paramref name="shape"/> (no weight), which a model is saved
    /// with.</summary>
    internal static DataViewSchema Schema(DataViewShape shape) => Schema(shape, null, Order(shape));

    /// <summary>The label's values in ML.NET's order: <c>False</c>, <c>True</c> for a Boolean label, the key values
    /// (key 1 first) otherwise.</summary>
    private static string[] Order(DataViewShape shape) =>
        shape.Label == LabelKind.Boolean ? ["False", "True"] : [.. shape.KeyValues!];
}
