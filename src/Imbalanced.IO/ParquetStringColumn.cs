using Parquet;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>A Parquet column of strings (null or empty is a missing value).</summary>
internal sealed class ParquetStringColumn : ParquetColumn
{
    private readonly string?[] _values;

    public ParquetStringColumn(DataField field, int rows) : base(field) => _values = new string?[rows];

    /// <summary>A column of the given strings.</summary>
    public ParquetStringColumn(DataField field, string?[] values) : base(field) => _values = values;

    public override bool IsNumeric => false;

    public override ValueTask ReadAsync(ParquetRowGroupReader group, int offset, int count) =>
        group.ReadAsync(Field, _values.AsMemory(offset, count)!);

    public override bool IsMissing(int row) => string.IsNullOrEmpty(_values[row]);

    public override string Text(int row) => _values[row] ?? "";

    public override void Profile(int start, int end, double[] values, int stride, int column, ColumnProfile profile)
    {
        profile.IsNumeric = false;
        for (var i = start; i < end; i++) if (IsMissing(i)) profile.EmptyCount++;
    }

    public override int[] Codes(out List<string> names)
    {
        var codes = new int[_values.Length];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        names = [];
        for (var i = 0; i < codes.Length; i++)
        {
            var v = _values[i];
            if (string.IsNullOrEmpty(v)) { codes[i] = -1; continue; }
            ref var code = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                seen, v, out var exists);
            if (!exists)
            {
                code = names.Count;
                names.Add(v);
            }
            codes[i] = code;
        }
        return codes;
    }

    public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int[] sources, int start,
        int count, SyntheticValues synthetic)
    {
        var buffer = new string?[count];
        for (var r = 0; r < count; r++)
        {
            var s = sources[start + r];
            // A required column has no nulls: a missing synthetic value there is the empty string.
            buffer[r] = s >= 0 ? _values[s] : synthetic.Text(~s) ?? (field.IsNullable ? null : "");
        }
        return group.WriteAsync(field, buffer!);
    }
}
