using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>The values of one output column on rows that copy no input row: none (null), numbers (converted to
/// the column's type) or texts chosen by code (parsed to the column's type once per text).</summary>
internal abstract class SyntheticValues
{
    /// <summary>Every synthetic row is null.</summary>
    public static readonly SyntheticValues None = new NoValues();

    /// <summary>True when some synthetic row of <paramref name="rows"/> is null.</summary>
    public abstract bool AnyNull(int rows);

    /// <summary>The value of synthetic row <paramref name="row"/> in the type of <paramref name="field"/>.</summary>
    public abstract T? Value<T>(int row, DataField field) where T : struct;

    /// <summary>Sets <c>values[r]</c> to synthetic row <c>~sources[start + r]</c> wherever that index is negative
    /// (one call a row group, so that the conversion is compiled for <typeparamref name="T"/>).</summary>
    public virtual void Fill<T>(int[] sources, int start, T?[] values, DataField field) where T : struct
    {
        for (var r = 0; r < values.Length; r++)
            if (sources[start + r] is var s and < 0) values[r] = Value<T>(~s, field);
    }

    /// <summary>The text of synthetic row <paramref name="row"/>, null when none.</summary>
    public abstract string? Text(int row);

    private sealed class NoValues : SyntheticValues
    {
        public override bool AnyNull(int rows) => rows > 0;

        public override T? Value<T>(int row, DataField field) => null;

        public override string? Text(int row) => null;
    }
}

/// <summary>Synthetic numbers: value <c>numbers[row * stride + index]</c>.</summary>
internal sealed class SyntheticNumbers(double[] numbers, int stride, int index) : SyntheticValues
{
    public override bool AnyNull(int rows)
    {
        for (var a = 0; a < rows; a++) if (double.IsNaN(numbers[(long)a * stride + index])) return true;
        return false;
    }

    public override T? Value<T>(int row, DataField field)
    {
        var v = numbers[(long)row * stride + index];
        return double.IsNaN(v) ? null : ParquetValues.FromNumber<T>(v, field);
    }

    public override void Fill<T>(int[] sources, int start, T?[] values, DataField field)
    {
        for (var r = 0; r < values.Length; r++)
        {
            var s = sources[start + r];
            if (s >= 0) continue;
            var v = numbers[(long)~s * stride + index];
            values[r] = double.IsNaN(v) ? null : ParquetValues.FromNumber<T>(v, field);
        }
    }

    public override string? Text(int row)
    {
        var v = numbers[(long)row * stride + index];
        return double.IsNaN(v) ? null : NumberText.Format(v);
    }
}

/// <summary>Synthetic texts: <c>texts[code(row)]</c>, null where the code is negative.</summary>
internal sealed class SyntheticTexts(Func<int, int> code, IReadOnlyList<string> texts) : SyntheticValues
{
    private object?[]? _parsed;

    public override bool AnyNull(int rows)
    {
        for (var a = 0; a < rows; a++) if (code(a) < 0) return true;
        return false;
    }

    public override T? Value<T>(int row, DataField field)
    {
        var c = code(row);
        if (c < 0) return null;
        _parsed ??= ParseAll(typeof(T), field);
        return (T?)_parsed[c];
    }

    public override string? Text(int row) => code(row) is var c and >= 0 ? texts[c] : null;

    private object?[] ParseAll(Type type, DataField field)
    {
        var parsed = new object?[texts.Count];
        for (var c = 0; c < parsed.Length; c++)
        {
            try
            {
                parsed[c] = ParquetValues.FromText(texts[c], type);
                if (parsed[c] is not null && parsed[c]!.GetType() != type) throw new FormatException();
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new DataException($"column '{field.Name}': '{texts[c]}' cannot be written back as a " +
                    $"{type.Name} value; drop the column or write it as strings", e);
            }
        }
        return parsed;
    }
}
