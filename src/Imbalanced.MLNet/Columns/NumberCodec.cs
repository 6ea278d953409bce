using Imbalanced.Data;
using Microsoft.ML;

namespace Imbalanced.MLNet.Columns;

/// <summary>A numeric scalar column: one numeric feature.</summary>
internal sealed class NumberCodec<T>(DataViewSchema.Column column, Func<T, double> toDouble, Func<double, T> fromDouble)
    : ColumnCodec(column)
{
    public override bool IsCategorical => false;

    public override IReadOnlyList<string> FeatureNames => [Column.Name];

    public override Action<double[], int[]> Bind(DataViewRow row)
    {
        var getter = row.GetGetter<T>(Column);
        T value = default!;
        return (numeric, _) =>
        {
            getter(ref value);
            numeric[Offset] = toDouble(value);
        };
    }

    public override ColumnValues Rebuild(Dataset data)
    {
        var values = new T[data.RowCount];
        for (var i = 0; i < values.Length; i++) values[i] = fromDouble(data.NumericRow(i)[Offset]);
        return new ScalarColumnValues<T>(values);
    }
}
