using System.Text;

namespace Imbalanced.Data;

/// <summary>
/// A table as read from a file: column names, every cell (the exact text of a delimited file; the typed values of
/// a Parquet file, read by columns) and what is known of each column. It is what the command line reads and writes
/// back; <see cref="TableDataset"/> turns it into a <see cref="Dataset"/>.
/// </summary>
public sealed class RawTable
{
    private readonly ColumnProfile[] _profiles;
    private readonly int[]? _lines;
    private readonly ParquetColumn[]? _parquet;
    private TextArena? _text;
    private object? _textLock;
    private double[]? _values;

    internal RawTable(string path, IReadOnlyList<string> columns, TextArena text, int[] lines, TextLayout layout)
    {
        Path = path;
        Columns = columns;
        _text = text;
        RowCount = text.RowCount;
        (_values, _profiles) = CellParser.Parse(text, columns.Count);
        _lines = lines;
        Format = TableFormat.Delimited;
        Layout = layout;
    }

    /// <summary>A table of typed Parquet columns of <paramref name="rows"/> rows each: numbers are taken as they are,
    /// text is only made (once) when asked for.</summary>
    internal RawTable(string path, ParquetColumn[] columns, int rows)
    {
        Path = path;
        Columns = [.. columns.Select(c => c.Field.Name)];
        RowCount = rows;
        _parquet = columns;
        Format = TableFormat.Parquet;
        Layout = new TextLayout(',');
        ParquetTypes = [.. columns.Select(c => c.ValueType)];
        (_values, _profiles) = ProfileColumns(columns, rows);
    }

    private static (double[] Values, ColumnProfile[] Profiles) ProfileColumns(ParquetColumn[] columns, int rows)
    {
        const int RowsPerRange = 8192;
        var m = columns.Length;
        var values = new double[(long)rows * m];
        var ranges = (rows + RowsPerRange - 1) / RowsPerRange;
        var partial = new ColumnProfile[ranges][];
        Parallel.For(0, ranges, r =>
        {
            var end = Math.Min(rows, (r + 1) * RowsPerRange);
            partial[r] = new ColumnProfile[m];
            for (var j = 0; j < m; j++)
            {
                partial[r][j] = new ColumnProfile();
                columns[j].Profile(r * RowsPerRange, end, values, m, j, partial[r][j]);
            }
        });
        var merged = new ColumnProfile[m];
        for (var j = 0; j < m; j++)
        {
            merged[j] = new ColumnProfile { IsNumeric = columns[j].IsNumeric };
            for (var r = 0; r < ranges; r++) merged[j].Merge(partial[r][j]);
        }
        return (values, merged);
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>Column names in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount { get; }

    /// <summary>Format of the file.</summary>
    public TableFormat Format { get; }

    /// <summary>Delimiter of a delimited file.</summary>
    public char Delimiter => Layout.Delimiter;

    /// <summary>Delimiter, line break and byte order mark of a delimited file.</summary>
    internal TextLayout Layout { get; }

    /// <summary>The CLR type of each Parquet column (null for delimited files).</summary>
    public IReadOnlyList<Type>? ParquetTypes { get; }

    /// <summary>Index of column <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++) if (Columns[i] == name) return i;
        return -1;
    }

    /// <summary>1-based line of the file where data row <paramref name="row"/> starts.</summary>
    public int LineOf(int row) => _lines is null ? row + 1 : _lines[row];

    /// <summary>True when every non-empty cell of the column is a number.</summary>
    public bool IsNumeric(int column) => _profiles[column].IsNumeric;

    /// <summary>Number of empty cells in the column.</summary>
    public int EmptyCount(int column) => _profiles[column].EmptyCount;

    internal ColumnProfile Profile(int column) => _profiles[column];

    /// <summary>The UTF-8 text of a cell.</summary>
    public ReadOnlySpan<byte> Utf8(int row, int column) => Cells.Field(row, column);

    /// <summary>The text of a cell.</summary>
    public string Text(int row, int column) => _parquet is not null
        ? _parquet[column].Text(row)
        : Encoding.UTF8.GetString(Cells.Field(row, column));

    internal TextArena.FieldEnumerator Fields(int row) => Cells.Fields(row);

    /// <summary>The typed columns of a Parquet table (null for delimited files).</summary>
    internal IReadOnlyList<ParquetColumn>? ParquetColumns => _parquet;

    /// <summary>The text of every cell: as read for delimited files; made from the typed values, on first use,
    /// for Parquet.</summary>
    private TextArena Cells => _text ?? LazyInitializer.EnsureInitialized(ref _text, ref _textLock, () =>
    {
        var text = new TextArena();
        for (var i = 0; i < RowCount; i++)
        {
            foreach (var column in _parquet!) text.AddField(column.Text(i));
            text.EndRow();
        }
        return text;
    });

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
