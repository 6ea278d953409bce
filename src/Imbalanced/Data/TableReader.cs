using Parquet.Serialization;
using Sylvan.Data.Csv;

namespace Imbalanced.Data;

/// <summary>Reads delimited text (RFC 4180, delimiter detected) and Parquet files into a <see cref="RawTable"/>.</summary>
public static class TableReader
{
    /// <summary>Reads <paramref name="path"/>; the format follows the extension (<c>.parquet</c>, else delimited text).</summary>
    /// <exception cref="DataException">The file is missing, empty, has no data rows or has ragged rows.</exception>
    public static RawTable Read(string path)
    {
        if (!File.Exists(path)) throw new DataException($"{path}: file not found");
        return IsParquet(path) ? ReadParquet(path) : ReadDelimited(path);
    }

    /// <summary>True when the path names a Parquet file.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    private static RawTable ReadDelimited(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new DataException($"{path}: the file is empty; expected a header row and data rows");
        char delimiter;
        using (var peek = new StreamReader(path))
        {
            var header = peek.ReadLine();
            if (string.IsNullOrWhiteSpace(header)) throw new DataException($"{path}: line 1: the header row is empty");
            delimiter = DelimiterDetector.Detect(header, path);
        }
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false), true, 1 << 16);
        var options = new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = true, BufferSize = 1 << 16 };
        using var csv = CsvDataReader.Create(reader, options);
        var columns = new string[csv.FieldCount];
        for (var j = 0; j < columns.Length; j++) columns[j] = csv.GetName(j);
        CheckColumnNames(path, columns);
        var text = new TextArena();
        var lines = new List<int>();
        var row = 0;
        while (csv.Read())
        {
            var line = row + 2;
            if (csv.RowFieldCount != columns.Length)
            {
                if (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty) continue; // blank line
                throw new DataException($"{path}: line {line}: {csv.RowFieldCount} fields, but the header has {columns.Length}");
            }
            for (var j = 0; j < columns.Length; j++)
            {
                text.AddField(csv.GetFieldSpan(j));
            }
            text.EndRow();
            lines.Add(line);
            row++;
        }
        if (row == 0) throw new DataException($"{path}: the file has a header row but no data rows");
        return new RawTable(path, columns, text, [.. lines], TableFormat.Delimited, delimiter, null);
    }

    private static RawTable ReadParquet(string path)
    {
        (Parquet.Schema.ParquetSchema Schema, IList<Dictionary<string, object>> Data) result;
        try
        {
            using var stream = File.OpenRead(path);
            var r = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
            result = (r.Schema, r.Data);
        }
        catch (Exception e) when (e is not DataException)
        {
            throw new DataException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0]})", e);
        }
        var fields = result.Schema.GetDataFields();
        var columns = fields.Select(f => f.Name).ToArray();
        CheckColumnNames(path, columns);
        var types = fields.Select(f => Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType).ToArray();
        var rows = result.Data;
        if (rows.Count == 0) throw new DataException($"{path}: the file has columns but no data rows");
        var text = new TextArena();
        var lines = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < columns.Length; j++)
            {
                text.AddField(ParquetValues.ToText(rows[i].TryGetValue(columns[j], out var v) ? v : null));
            }
            text.EndRow();
            lines[i] = i + 1;
        }
        return new RawTable(path, columns, text, lines, TableFormat.Parquet, ',', types);
    }

    private static void CheckColumnNames(string path, string[] columns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < columns.Length; j++)
        {
            if (columns[j].Length == 0) throw new DataException($"{path}: line 1: column {j + 1} has no name");
            if (!seen.Add(columns[j])) throw new DataException($"{path}: line 1: column name '{columns[j]}' appears twice");
        }
    }
}
