using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Writes a table as read, every row and column verbatim, with new columns appended (and optionally an index
/// column), in the table's own format. Atomic.</summary>
public static class AppendedColumnsWriter
{
    /// <summary>Writes <paramref name="table"/> plus columns <paramref name="names"/> whose text for row i is
    /// <paramref name="values"/>(i)[c].</summary>
    public static void Write(RawTable table, IReadOnlyList<string> names, Func<int, string[]> values, string path,
        string? indexColumn = null) =>
        AtomicFile.Write(path, s => Write(table, names, values, s, indexColumn));

    /// <summary>Writes <paramref name="table"/> plus columns <paramref name="names"/> to <paramref name="stream"/>
    /// in the table's format.</summary>
    public static void Write(RawTable table, IReadOnlyList<string> names, Func<int, string[]> values, Stream stream,
        string? indexColumn = null)
    {
        var added = indexColumn is null ? names : [.. names, indexColumn];
        foreach (var name in added)
            if (table.IndexOf(name) >= 0)
                throw new DataException(
                    $"{table.Path} already has a column named '{name}'; rename it or choose another name");
        string[] Row(int i) => indexColumn is null
            ? values(i)
            : [.. values(i), i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (table.Format == TableFormat.Parquet) { WriteParquet(table, added, Row, stream); return; }
        var delimiter = (byte)table.Delimiter;
        {
            var output = new ByteBuffer(1 << 20);
            output.AppendHeader(table.Columns.Concat(added), delimiter);
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
                output.Append((byte)'\n');
                output.FlushWhenLarge(stream);
            }
            stream.Write(output.Written);
        }
    }

    /// <summary>Parquet by columns: the table's columns in their own schema and values, then the added columns as
    /// optional strings.</summary>
    private static void WriteParquet(RawTable table, IReadOnlyList<string> added, Func<int, string[]> values,
        Stream stream)
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
            columns.Add(new ParquetStringColumn(new DataField<string>(added[c], true), extra[c]));
        var sources = new int[n];
        for (var i = 0; i < n; i++) sources[i] = i;
        ParquetTableWriter.Write(stream, columns, [.. columns.Select(_ => SyntheticValues.None)], sources, 0);
    }
}
