using Sylvan.Data.Csv;

namespace Imbalanced.Data;

/// <summary>Reads delimited text (RFC 4180, delimiter detected)
/// and Parquet files into a <see cref="RawTable"/>.</summary>
public static class TableReader
{
    /// <summary>Reads <paramref name="path"/>; the format follows the
    /// extension (<c>.parquet</c>, else delimited text).</summary>
    /// <exception cref="DataException">The file is missing, empty, has no data rows or has ragged rows.</exception>
    public static RawTable Read(string path)
    {
        if (Directory.Exists(path)) throw new DataException($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new DataException($"{path}: file not found");
        return IsParquet(path) ? ParquetTableReader.Read(path) : ReadDelimited(path);
    }

    /// <summary>True when the path names a Parquet file.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    private static RawTable ReadDelimited(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0) throw new DataException($"{path}: the file is empty; expected a header row and data rows");
        char delimiter;
        using (var peek = new StreamReader(OpenRead(path)))
        {
            var header = peek.ReadLine();
            if (string.IsNullOrWhiteSpace(header)) throw new DataException($"{path}: line 1: the header row is empty");
            delimiter = DelimiterDetector.Detect(header, path);
        }
        // Latin-1 maps every byte to the one char of the same value and back, so the CSV grammar (all ASCII) is
        // parsed as usual while each cell keeps its exact bytes, valid UTF-8 or not: a copied value is written
        // back byte for byte.
        using var reader = new StreamReader(OpenRead(path), System.Text.Encoding.Latin1, false, 1 << 16);
        var options = new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = true,
            BufferSize = 1 << 16,
            MaxBufferSize = Array.MaxLength,
        };
        var line = 1;
        try
        {
            using var csv = CsvDataReader.Create(reader, options);
            var columns = new string[csv.FieldCount];
            for (var j = 0; j < columns.Length; j++) columns[j] = Utf8Name(csv.GetName(j), j == 0);
            CheckColumnNames(path, columns);
            line = 2 + NewlinesIn(columns);
            var text = new TextArena();
            var lines = new List<int>();
            while (csv.Read())
            {
                var start = line;
                line += 1;
                if (csv.RowFieldCount != columns.Length)
                {
                    if (csv.RowFieldCount == 1 && csv.GetFieldSpan(0).IsEmpty) continue; // blank line
                    throw new DataException(
                        $"{path}: line {start}: {csv.RowFieldCount} fields, but the header has {columns.Length}");
                }
                for (var j = 0; j < columns.Length; j++)
                {
                    var field = csv.GetFieldSpan(j);
                    line += field.Count('\n');
                    text.AddBytes(field);
                }
                text.EndRow();
                lines.Add(start);
            }
            if (lines.Count == 0) throw new DataException($"{path}: the file has a header row but no data rows");
            return new RawTable(path, columns, text, [.. lines], delimiter);
        }
        catch (CsvFormatException e)
        {
            throw new DataException($"{path}: line {line}: {FirstSentence(e.Message)}", e);
        }
    }

    /// <summary>Opens a file for reading; a path that cannot be read is a <see cref="DataException"/>.</summary>
    internal static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException($"{path}: cannot be read ({e.Message})", e);
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new DataException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    private static string Utf8Name(string latin1, bool first)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(latin1);
        var span = bytes.AsSpan();
        if (first && span.StartsWith("\uFEFF"u8)) span = span[3..];
        return System.Text.Encoding.UTF8.GetString(span);
    }

    private static int NewlinesIn(string[] columns)
    {
        var n = 0;
        foreach (var c in columns) n += c.AsSpan().Count('\n');
        return n;
    }

    private static string FirstSentence(string message)
    {
        var text = message.ReplaceLineEndings(" ");
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    internal static void CheckColumnNames(string path, string[] columns)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < columns.Length; j++)
        {
            if (columns[j].Length == 0) throw new DataException($"{path}: line 1: column {j + 1} has no name");
            if (!seen.Add(columns[j]))
                throw new DataException($"{path}: line 1: column name '{columns[j]}' appears twice");
        }
    }
}
