using System.Globalization;
using Imbalanced.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Columns;

/// <summary>A fixed-size numeric vector column: one numeric feature per slot, named by its slot name when the
/// column has slot names (<c>Column[j]</c> otherwise).</summary>
internal sealed class VectorCodec<T>(DataViewSchema.Column column, int size, Func<T, double> toDouble,
    Func<double, T> fromDouble) : ColumnCodec(column)
{
    public override bool IsCategorical => false;

    public override IReadOnlyList<string> FeatureNames { get; } = SlotNames(column, size);

    public override Action<double[], int[]> Bind(DataViewRow row)
    {
        var getter = row.GetGetter<VBuffer<T>>(Column);
        var buffer = default(VBuffer<T>);
        return (numeric, _) =>
        {
            getter(ref buffer);
            var j = Offset;
            foreach (var v in buffer.DenseValues()) numeric[j++] = toDouble(v);
        };
    }

    public override ColumnValues Rebuild(Dataset data)
    {
        var rows = new T[data.RowCount][];
        for (var i = 0; i < rows.Length; i++)
        {
            var source = data.NumericRow(i).Slice(Offset, size);
            var row = rows[i] = new T[size];
            for (var j = 0; j < size; j++) row[j] = fromDouble(source[j]);
        }
        return new VectorColumnValues<T>(rows);
    }

    private static string[] SlotNames(DataViewSchema.Column column, int size)
    {
        if (column.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> slots = default;
            column.GetSlotNames(ref slots);
            var names = slots.DenseValues().Select(n => n.ToString()).ToArray();
            if (names.Length == size && names.All(n => n.Length > 0) && names.Distinct().Count() == size)
                return names.Select(n => $"{column.Name}.{n}").ToArray();
        }
        return Enumerable.Range(0, size).Select(j => $"{column.Name}[{j.ToString(CultureInfo.InvariantCulture)}]")
            .ToArray();
    }
}
