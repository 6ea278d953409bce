using System.Text;

namespace Imbalanced.Data;

/// <summary>
/// A table as read from a file: column names, the exact text of every cell and what is known of each
/// column. It is what the command line reads and writes back; <see cref="TableDataset"/> turns it into a
/// <see cref="Dataset"/>.
/// </summary>
public sealed class RawTable
{
    private readonly TextArena _text;
    private readonly ColumnProfile[] _profiles;
    private readonly int[] _lines;
    private double[]? _values;

    internal RawTable(string path, IReadOnlyList<string> columns, TextArena text, int[] lines,
        TableFormat format, char delimiter, IReadOnlyList<Type>? parquetTypes)
    {
        Path = path;
        Columns = columns;
        _text = text;
        (_values, _profiles) = CellParser.Parse(text, columns.Count);
        if (parquetTypes is not null)
            for (var j = 0; j < columns.Count; j++)
                _profiles[j].IsNumeric &= ParquetValues.IsNumericType(parquetTypes[j]);
        _lines = lines;
        Format = format;
        Delimiter = delimiter;
        ParquetTypes = parquetTypes;
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => _text.RowCount;

    /// <summary>Format of the file.</summary>
    public TableFormat Format { get; }

    /// <summary>Delimiter of a delimited file.</summary>
    public char Delimiter { get; }

    /// <summary>The CLR type of each Parquet column (null for delimited files).</summary>
    public IReadOnlyList<Type>? ParquetTypes { get; }

    /// <summary>Index of column <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i] == name) return i;
        return -1;
    }

    /// <summary>1-based line of the file where data row <paramref name="row"/> starts.</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>True when every non-empty cell of the column is a number.</summary>
    public bool IsNumeric(int column) => _profiles[column].IsNumeric;

    /// <summary>Number of empty cells in the column.</summary>
    public int EmptyCount(int column) => _profiles[column].EmptyCount;

    internal ColumnProfile Profile(int column) => _profiles[column];

    /// <summary>The UTF-8 text of a cell.</summary>
    public ReadOnlySpan<byte> Utf8(int row, int column) => _text.Field(row, column);

    /// <summary>The text of a cell.</summary>
    public string Text(int row, int column) => Encoding.UTF8.GetString(_text.Field(row, column));

    internal TextArena.FieldEnumerator Fields(int row) => _text.Fields(row);

    /// <summary>The numeric value of a cell of a numeric column (NaN when empty).</summary>
    public double Number(int row, int column) => _profiles[column].IsNumeric
        ? (_values ?? throw new InvalidOperationException("the parsed values were released"))
            [(long)row * Columns.Count + column]
        : throw new InvalidOperationException($"column '{Columns[column]}' is not numeric");

    /// <summary>The parsed values, row-major over all columns, until released.</summary>
    internal double[] ParsedValues => _values ?? throw new InvalidOperationException("the parsed values were released");

    /// <summary>Frees the parsed values once a data set has been built from them.</summary>
    internal void ReleaseParsedValues() => _values = null;
}
