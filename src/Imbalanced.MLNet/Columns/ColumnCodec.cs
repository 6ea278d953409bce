using System.Globalization;
using Imbalanced.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Columns;

/// <summary>
/// How one column of an <see cref="IDataView"/> becomes features of a core <see cref="Dataset"/> (numbers, a
/// numeric vector's slots, or a categorical column) and how resampled rows become values of the column's own type
/// again.
/// </summary>
internal abstract class ColumnCodec(DataViewSchema.Column column)
{
    /// <summary>The column read.</summary>
    public DataViewSchema.Column Column { get; } = column;

    /// <summary>The first numeric feature of the column, or its categorical feature, in the data set.</summary>
    public int Offset { get; set; }

    /// <summary>Whether the column is one categorical feature (otherwise numeric features).</summary>
    public abstract bool IsCategorical { get; }

    /// <summary>The names of the features the column makes.</summary>
    public abstract IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The categories seen so far, in code order (categorical columns only).</summary>
    public virtual IReadOnlyList<string> Categories => [];

    /// <summary>A reader of the cursor's current row into a row of numeric and categorical features.</summary>
    public abstract Action<double[], int[]> Bind(DataViewRow row);

    /// <summary>The column's values for every row of <paramref name="data"/>, in the column's type.</summary>
    public abstract ColumnValues Rebuild(Dataset data);

    /// <summary>The values, in the column's type, of the categories named <paramref name="names"/> (categorical
    /// columns only).</summary>
    public virtual ColumnValues FromCategories(IReadOnlyList<string> names) =>
        throw new InvalidOperationException($"column '{Column.Name}' is not categorical");

    /// <summary>The codec of a feature column, or null when its type cannot be resampled.</summary>
    public static ColumnCodec? Feature(DataViewSchema.Column column) => column.Type switch
    {
        BooleanDataViewType => new CategoryCodec<bool>(column, b => b ? "True" : "False"),
        TextDataViewType => new CategoryCodec<ReadOnlyMemory<char>>(column, t => t.ToString()),
        KeyDataViewType key when key.RawType == typeof(uint) => new CategoryCodec<uint>(column, KeyText),
        VectorDataViewType { IsKnownSize: true } vector when vector.ItemType == NumberDataViewType.Single =>
            new VectorCodec<float>(column, vector.Size, v => v, d => (float)d),
        VectorDataViewType { IsKnownSize: true } vector when vector.ItemType == NumberDataViewType.Double =>
            new VectorCodec<double>(column, vector.Size, v => v, d => d),
        NumberDataViewType number => Number(column, number.RawType),
        _ => null,
    };

    /// <summary>The codec of a label column (classes by their text), or null when its type cannot be a label.
    /// </summary>
    public static ColumnCodec? Label(DataViewSchema.Column column) => column.Type switch
    {
        BooleanDataViewType or TextDataViewType => Feature(column),
        KeyDataViewType key when key.RawType == typeof(uint) => Feature(column),
        NumberDataViewType when column.Type.RawType == typeof(float) =>
            new CategoryCodec<float>(column, v => float.IsNaN(v) ? null : Text(v)),
        NumberDataViewType when column.Type.RawType == typeof(double) =>
            new CategoryCodec<double>(column, v => double.IsNaN(v) ? null : Text(v)),
        NumberDataViewType when column.Type.RawType == typeof(int) =>
            new CategoryCodec<int>(column, v => v.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string? KeyText(uint key) => key == 0 ? null : key.ToString(CultureInfo.InvariantCulture);

    // Integer columns get the nearest integer of an interpolated value.
    private static ColumnCodec? Number(DataViewSchema.Column column, Type raw) => raw switch
    {
        _ when raw == typeof(float) => new NumberCodec<float>(column, v => v, d => (float)d),
        _ when raw == typeof(double) => new NumberCodec<double>(column, v => v, d => d),
        _ when raw == typeof(int) => new NumberCodec<int>(column, v => v, d => (int)Math.Round(d)),
        _ when raw == typeof(long) => new NumberCodec<long>(column, v => v, d => (long)Math.Round(d)),
        _ when raw == typeof(short) => new NumberCodec<short>(column, v => v, d => (short)Math.Round(d)),
        _ when raw == typeof(byte) => new NumberCodec<byte>(column, v => v, d => (byte)Math.Round(d)),
        _ when raw == typeof(uint) => new NumberCodec<uint>(column, v => v, d => (uint)Math.Round(d)),
        _ => null,
    };
}
