using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Synthetic numbers: value <c>number(row)</c>.</summary>
internal sealed class SyntheticNumbers(Func<int, double> number) : SyntheticValues
{
    /// <summary>Value <c>numbers[row * stride + index]</c>.</summary>
    public SyntheticNumbers(double[] numbers, int stride, int index) : this(row => numbers[(long)row * stride + index])
    {
    }

    public override bool AnyNull(int rows)
    {
        for (var a = 0; a < rows; a++) if (double.IsNaN(number(a))) return true;
        return false;
    }

    public override T? Value<T>(int row, DataField field)
    {
        var v = number(row);
        return double.IsNaN(v) ? null : ParquetValues.FromNumber<T>(v, field);
    }

    public override void Fill<T>(int[] sources, int start, T?[] values, DataField field)
    {
        for (var r = 0; r < values.Length; r++)
        {
            var s = sources[start + r];
            if (s >= 0) continue;
            var v = number(~s);
            values[r] = double.IsNaN(v) ? null : ParquetValues.FromNumber<T>(v, field);
        }
    }

    public override string? Text(int row)
    {
        var v = number(row);
        return double.IsNaN(v) ? null : NumberText.Format(v);
    }
}
