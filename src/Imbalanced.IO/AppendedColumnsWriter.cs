using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Writes a table as read, every row and column verbatim, with new columns appended (and optionally an index
/// column), in the table's own format. Atomic.</summary>
public static class AppendedColumnsWriter
{
    /// <summary>Writes <paramref name="table"/> plus columns <paramref name="names"/> whose text for row i is
    /// <paramref name="values"/>(i)[c].</summary>
    /// <param name="table">The table as read.</param>
    /// <param name="names">The appended columns' names.</param>
    /// <param name="values">Row i's values of the appended columns, as text (numbers in the invariant culture).
    /// </param>
    /// <param name="path">The file to write (atomically).</param>
    /// <param name="indexColumn">A column of each row's 0-based row number to append last, if named.</param>
    /// <param name="numeric">The appended columns whose values are numbers: Parquet stores them as doubles (the
    /// index column as 64-bit integers), the others as strings; CSV writes every value as its text.</param>
    public static void Write(RawTable table, IReadOnlyList<string> names, Func<int, string[]> values, string path,
        string? indexColumn = null, IReadOnlyCollection<string>? numeric = null) =>
        AtomicFile.Write(path, s => Write(table, names, values, s, indexColumn, numeric));

    /// <summary>Writes <paramref name="table"/> plus columns <paramref name="names"/> to <paramref name="stream"/>
    /// in the table's format; the parameters as in the overload that writes to a path.</summary>
    public static void Write(RawTable table, IReadOnlyList<string> names, Func<int, string[]> values, Stream stream,
        string? indexColumn = null, IReadOnlyCollection<string>? numeric = null)
    {
        var added = indexColumn is null ? names : [.. names, indexColumn];
        foreach (var name in added)
            if (table.IndexOf(name) >= 0)
                throw new DataException(
                    $"{table.Path} already has a column named '{name}'; rename it or choose another name");
        string[] Row(int i) => indexColumn is null
            ? values(i)
            : [.. values(i), i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (table.Format == TableFormat.Parquet)
        {
            WriteParquet(table, added, Row, stream, numeric ?? [], indexColumn);
            return;
        }
        var delimiter = (byte)table.Delimiter;
        {
            var output = new ByteBuffer(1 << 20);
            table.Layout.AppendStart(output, table.Columns.Concat(added));
            for (var i = 0; i < table.RowCount; i++)
            {
                var fields = table.Fields(i);
                for (var j = 0; j < table.Columns.Count; j++)
                {
                    if (j > 0) output.Append(delimiter);
                    fields.MoveNext();
                    output.AppendField(fields.Current, delimiter);
                }
                foreach (var v in Row(i))
                {
                    output.Append(delimiter);
                    output.AppendField(v, delimiter);
                }
                output.Append(table.Layout.LineEnd);
                output.FlushWhenLarge(stream);
            }
            stream.Write(output.Written);
        }
    }

    /// <summary>Parquet by columns: the table's columns in their own schema and values, then the added columns:
    /// <paramref name="numeric"/> ones as doubles, the index column as 64-bit integers, the others as optional
    /// strings.</summary>
    private static void WriteParquet(RawTable table, IReadOnlyList<string> added, Func<int, string[]> values,
        Stream stream, IReadOnlyCollection<string> numeric, string? indexColumn)
    {
        var n = table.RowCount;
        var extra = new string?[added.Count][];
        for (var c = 0; c < extra.Length; c++) extra[c] = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var row = values(i);
            for (var c = 0; c < extra.Length; c++) extra[c][i] = row[c];
        }
        var columns = new List<ParquetColumn>(table.ParquetColumns!);
        for (var c = 0; c < extra.Length; c++)
            columns.Add(AddedColumn(added[c], extra[c], numeric.Contains(added[c]), added[c] == indexColumn));
        var sources = new int[n];
        for (var i = 0; i < n; i++) sources[i] = i;
        ParquetTableWriter.Write(stream, columns, [.. columns.Select(_ => SyntheticValues.None)], sources, 0);
    }

    private static ParquetColumn AddedColumn(string name, string?[] text, bool numeric, bool index)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (index)
        {
            return new ParquetStructColumn<long>(new DataField<long>(name),
                [.. text.Select(t => long.Parse(t!, culture))]);
        }
        if (numeric)
        {
            return new ParquetStructColumn<double>(new DataField<double>(name),
                [.. text.Select(t => double.Parse(t!, culture))]);
        }
        return new ParquetStringColumn(new DataField<string>(name, true), text);
    }
}
