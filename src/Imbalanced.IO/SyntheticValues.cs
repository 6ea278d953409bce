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
