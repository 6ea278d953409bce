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
        CheckFile(path);
        return IsParquet(path) ? ParquetTableReader.Read(path) : ReadDelimited(path);
    }

    /// <summary>Refuses a folder or a missing file.</summary>
    internal static void CheckFile(string path)
    {
        if (Directory.Exists(path)) throw new DataException($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new DataException($"{path}: file not found");
    }

    /// <summary>True when the path names a Parquet file.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    private static RawTable ReadDelimited(string path)
    {
        var text = new TextArena();
        var lines = new List<int>();
        string[] columns = [];
        var delimiter = DelimitedScanner.Scan(path, header => columns = header, (csv, line) =>
        {
            for (var j = 0; j < columns.Length; j++) text.AddBytes(csv.GetFieldSpan(j));
            text.EndRow();
            lines.Add(line);
        });
        if (lines.Count == 0) throw new DataException($"{path}: the file has a header row but no data rows");
        return new RawTable(path, columns, text, [.. lines], delimiter);
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
