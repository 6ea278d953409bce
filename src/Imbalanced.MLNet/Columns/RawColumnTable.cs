using Imbalanced.Data;
using Microsoft.ML;

namespace Imbalanced.MLNet.Columns;

/// <summary>
/// Every visible column of an <see cref="IDataView"/> read into a core <see cref="Dataset"/> — numbers and numeric
/// vectors as numeric features, text, Boolean and key columns as categorical features named by their column — and
/// written back, after resampling, as a view with the same schema (names, types, slot names, key values).
/// </summary>
internal sealed class RawColumnTable
{
    private readonly DataViewSchema _schema;
    private readonly ColumnCodec[] _codecs;
    private readonly ColumnCodec _label;

    private RawColumnTable(DataViewSchema schema, ColumnCodec[] codecs, ColumnCodec label, Dataset data)
    {
        _schema = schema;
        _codecs = codecs;
        _label = label;
        Data = data;
    }

    /// <summary>The rows as a data set: numeric features first (in column order), then categorical ones; the label
    /// column's values are the classes.</summary>
    public Dataset Data { get; }

    /// <summary>Reads every visible column of <paramref name="view"/>.</summary>
    /// <exception cref="DataException">The label column is missing, of a type that cannot be a label, or missing
    /// in a row; or a column's type cannot be resampled.</exception>
    public static RawColumnTable Read(IDataView view, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(view);
        var visible = view.Schema.Where(c => !c.IsHidden).ToArray();
        var labelColumn = visible.FirstOrDefault(c => c.Name == labelColumnName);
        if (labelColumn.Name is null)
            throw new DataException($"the data view has no label column '{labelColumnName}'; its columns are: " +
                string.Join(", ", visible.Select(c => c.Name)));
        var label = ColumnCodec.Label(labelColumn)
            ?? throw new DataException($"the label column '{labelColumnName}' is {labelColumn.Type}; a label to " +
                "resample by must be Boolean, text, a key or a number");
        var codecs = visible.Select(c => c.Index == labelColumn.Index ? label : ColumnCodec.Feature(c)
            ?? throw new DataException($"column '{c.Name}' is {c.Type}, which cannot be resampled (numbers, " +
                "fixed-size numeric vectors, text, Boolean and key columns can); drop it or convert it before " +
                "the resampled estimator")).ToArray();
        var features = codecs.Where(c => c != label).ToArray();
        var numericNames = new List<string>();
        foreach (var codec in features.Where(c => !c.IsCategorical))
        {
            codec.Offset = numericNames.Count;
            numericNames.AddRange(codec.FeatureNames);
        }
        var categorical = features.Where(c => c.IsCategorical).ToArray();
        for (var j = 0; j < categorical.Length; j++) categorical[j].Offset = j;

        var numeric = new List<double>();
        var codes = new List<int>();
        var classes = new List<int>();
        var numericRow = new double[numericNames.Count];
        var categoricalRow = new int[categorical.Length];
        var labelRow = new int[1];
        using (var cursor = view.GetRowCursor(visible))
        {
            var readers = features.Select(c => c.Bind(cursor)).ToArray();
            var readLabel = label.Bind(cursor);
            while (cursor.MoveNext())
            {
                foreach (var read in readers) read(numericRow, categoricalRow);
                readLabel([], labelRow);
                if (labelRow[0] < 0)
                    throw new DataException($"row {cursor.Position}: the label '{labelColumnName}' is missing");
                numeric.AddRange(numericRow);
                codes.AddRange(categoricalRow);
                classes.Add(labelRow[0]);
            }
        }
        var classSet = ClassSet.FromDistinct(label.Categories);
        var classOf = label.Categories.Select(classSet.IndexOf).ToArray();
        var data = new Dataset([.. numeric], numericNames, [.. codes], categorical.Select(c => c.Column.Name).ToArray(),
            categorical.Select(c => c.Categories).ToArray(), classes.Select(c => classOf[c]).ToArray(), classSet);
        var schema = new DataViewSchema.Builder();
        foreach (var column in visible) schema.AddColumn(column.Name, column.Type, column.Annotations);
        return new RawColumnTable(schema.ToSchema(), codecs, label, data);
    }

    /// <summary>The rows of <paramref name="data"/> (this table's data set, resampled) as a view with the columns
    /// of the view read.</summary>
    public IDataView ToDataView(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = Enumerable.Range(0, data.RowCount).Select(data.LabelOf).ToArray();
        var columns = _codecs.Select(c => c == _label ? c.FromCategories(labels) : c.Rebuild(data)).ToArray();
        return new InMemoryDataView(_schema, columns, data.RowCount);
    }
}
