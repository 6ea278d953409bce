using Imbalanced.Data;
using Microsoft.ML;

namespace Imbalanced.MLNet.Columns;

/// <summary>A column whose values are categories (text, Boolean, key; or the label's classes), each known by its
/// text; a value without text (a missing key) is a missing category.</summary>
internal sealed class CategoryCodec<T>(DataViewSchema.Column column, Func<T, string?> text) : ColumnCodec(column)
{
    private readonly List<string> _categories = [];
    private readonly Dictionary<string, int> _codes = [];
    private readonly Dictionary<string, T> _values = [];

    public override bool IsCategorical => true;

    public override IReadOnlyList<string> FeatureNames => [Column.Name];

    public override IReadOnlyList<string> Categories => _categories;

    public override Action<double[], int[]> Bind(DataViewRow row)
    {
        var read = Reader(row);
        return (_, categorical) => categorical[Offset] = read();
    }

    private Func<int> Reader(DataViewRow row)
    {
        var getter = row.GetGetter<T>(Column);
        T value = default!;
        return () =>
        {
            getter(ref value);
            var name = text(value);
            if (name is null) return -1;
            if (_codes.TryGetValue(name, out var code)) return code;
            _codes.Add(name, _categories.Count);
            _values.Add(name, value);
            _categories.Add(name);
            return _categories.Count - 1;
        };
    }

    public override ColumnValues FromCategories(IReadOnlyList<string> names) =>
        new ScalarColumnValues<T>(names.Select(n => _values[n]).ToArray());

    public override ColumnValues Rebuild(Dataset data)
    {
        var values = new T[data.RowCount];
        var categories = data.Categories[Offset];
        for (var i = 0; i < values.Length; i++)
        {
            var code = data.CategoricalRow(i)[Offset];
            values[i] = code < 0 ? default! : _values[categories[code]];
        }
        return new ScalarColumnValues<T>(values);
    }
}
