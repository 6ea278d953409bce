using System.Buffers;
using Parquet;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>A Parquet column of value type <typeparamref name="T"/>: the values, and which rows are null.</summary>
internal sealed class ParquetStructColumn<T> : ParquetColumn where T : struct
{
    private readonly T[] _values;
    private bool[]? _null;

    public ParquetStructColumn(DataField field, int rows) : base(field) => _values = new T[rows];

    /// <summary>A column of the given values, none null.</summary>
    public ParquetStructColumn(DataField field, T[] values) : base(field) => _values = values;

    public override bool IsNumeric => ParquetValues.IsNumericType(typeof(T));

    public override async ValueTask ReadAsync(ParquetRowGroupReader group, int offset, int count)
    {
        if (!Field.IsNullable)
        {
            await group.ReadAsync<T>(Field, _values.AsMemory(offset, count));
            return;
        }
        var buffer = ArrayPool<T?>.Shared.Rent(count);
        try
        {
            await group.ReadAsync<T>(Field, buffer.AsMemory(0, count));
            for (var i = 0; i < count; i++)
            {
                if (buffer[i] is { } v) _values[offset + i] = v;
                else (_null ??= new bool[_values.Length])[offset + i] = true;
            }
        }
        finally
        {
            ArrayPool<T?>.Shared.Return(buffer);
        }
    }

    public override bool IsMissing(int row) => _null is not null && _null[row];

    public override string Text(int row) => IsMissing(row) ? "" : ParquetValues.ToText(_values[row]);

    public override void Profile(int start, int end, double[] values, int stride, int column, ColumnProfile profile)
    {
        var numeric = IsNumeric;
        profile.IsNumeric = numeric;
        for (var i = start; i < end; i++)
        {
            if (IsMissing(i))
            {
                profile.EmptyCount++;
                if (numeric) values[(long)i * stride + column] = double.NaN;
                continue;
            }
            if (!numeric) continue;
            var v = ParquetValues.ToNumber(_values[i]);
            values[(long)i * stride + column] = v;
            if (!double.IsFinite(v) && profile.FirstNonFiniteRow < 0)
            {
                profile.FirstNonFiniteRow = i;
                profile.FirstNonFiniteText = Text(i);
            }
        }
    }

    public override int[] Codes(out List<string> names)
    {
        var codes = new int[_values.Length];
        var seen = new Dictionary<T, int>();
        var distinct = new List<T>();
        for (var i = 0; i < codes.Length; i++)
        {
            if (IsMissing(i)) { codes[i] = -1; continue; }
            ref var code = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                seen, _values[i], out var exists);
            if (!exists)
            {
                code = distinct.Count;
                distinct.Add(_values[i]);
            }
            codes[i] = code;
        }
        names = distinct.Select(v => ParquetValues.ToText(v)).ToList();
        return codes;
    }

    public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int[] sources, int start,
        int count, SyntheticValues synthetic)
    {
        var buffer = new T?[count];
        for (var r = 0; r < count; r++)
            if (sources[start + r] is var s and >= 0 && !IsMissing(s)) buffer[r] = _values[s];
        synthetic.Fill(sources, start, buffer, field);
        if (field.IsNullable) return group.WriteAsync<T>(field, (ReadOnlyMemory<T?>)buffer);
        var values = new T[count];
        for (var r = 0; r < count; r++)
            values[r] = buffer[r] ?? throw new InvalidOperationException($"a null in required column '{field.Name}'");
        return group.WriteAsync<T>(field, (ReadOnlyMemory<T>)values);
    }
}
