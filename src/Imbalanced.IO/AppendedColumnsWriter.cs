using Parquet.Schema;
using Parquet.Serialization;

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

    private static void WriteParquet(RawTable table, IReadOnlyList<string> added, Func<int, string[]> values,
        Stream stream)
    {
        var types = table.ParquetTypes!;
        var fields = table.Columns.Select((c, j) => (Field)new DataField(c, types[j], true))
            .Concat(added.Select(a => new DataField(a, typeof(string), true)))
            .ToList();
        var rows = new List<IDictionary<string, object?>>(table.RowCount);
        for (var i = 0; i < table.RowCount; i++)
        {
            var row = new Dictionary<string, object?>();
            for (var j = 0; j < table.Columns.Count; j++)
                row[table.Columns[j]] = ParquetValues.FromText(table.Text(i, j), types[j]);
            var extra = values(i);
            for (var c = 0; c < added.Count; c++) row[added[c]] = extra[c];
            rows.Add(row);
        }
        ParquetSerializer.SerializeUntypedAsync(rows!, new ParquetSchema(fields), stream).GetAwaiter().GetResult();
    }
}
