using Parquet;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>
/// One column of a Parquet file held as typed values (no text, no boxing per cell): read row group by row group,
/// turned into numbers or category codes, and written back by gathering rows, in the column's own type.
/// </summary>
internal abstract class ParquetColumn
{
    protected ParquetColumn(DataField field) => Field = field;

    /// <summary>The column as declared in the file.</summary>
    public DataField Field { get; }

    /// <summary>True when the column holds numbers (integers, floating point, decimals).</summary>
    public abstract bool IsNumeric { get; }

    /// <summary>A column of <paramref name="rows"/> values of the field's type.</summary>
    /// <exception cref="DataException">The column is nested, repeated or binary.</exception>
    public static ParquetColumn Create(DataField field, int rows, string path)
    {
        if (field.IsArray || field.MaxRepetitionLevel > 0)
            throw new DataException($"{path}: column '{field.Name}' is a list; only flat columns can be read");
        var type = field.ClrType;
        if (IsText(type)) return new ParquetStringColumn(field, rows);
        if (!type.IsValueType || type == typeof(ReadOnlyMemory<byte>))
            throw new DataException($"{path}: column '{field.Name}' holds {type.Name} values, which cannot be read; " +
                "write it as strings or numbers");
        var column = typeof(ParquetStructColumn<>).MakeGenericType(type);
        return (ParquetColumn)Activator.CreateInstance(column, field, rows)!;
    }

    /// <summary>True for the types Parquet.Net gives UTF-8 string columns.</summary>
    public static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    /// <summary>The type of the column's values as the table shows it: strings for text, else the CLR type.</summary>
    public Type ValueType => IsText(Field.ClrType) ? typeof(string)
        : Nullable.GetUnderlyingType(Field.ClrType) ?? Field.ClrType;

    /// <summary>Reads this column's <paramref name="count"/> values of a row group into rows
    /// <paramref name="offset"/> onwards.</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader group, int offset, int count);

    /// <summary>True when row <paramref name="row"/> is null (or, for text, empty): a missing value.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value of row <paramref name="row"/> as text, as the command line shows it ("" when missing).
    /// </summary>
    public abstract string Text(int row);

    /// <summary>Writes rows <paramref name="start"/> to <paramref name="end"/> of a numeric column into
    /// <paramref name="values"/> (row-major, <paramref name="stride"/> values a row, this column at
    /// <paramref name="column"/>; NaN when missing), and counts what <paramref name="profile"/> records.</summary>
    public abstract void Profile(int start, int end, double[] values, int stride, int column, ColumnProfile profile);

    /// <summary>A code for every row, in first-seen order of the distinct texts (-1 when missing), and those texts.
    /// </summary>
    public abstract int[] Codes(out List<string> names);

    /// <summary>Writes one row group's part of an output column: row r of the group is this column's row
    /// <c>sources[start + r]</c> when that is ≥ 0, else synthetic row <c>~sources[start + r]</c> of
    /// <paramref name="synthetic"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, int[] sources, int start, int count,
        SyntheticValues synthetic);
}
