using System.Collections.Concurrent;

namespace Imbalanced.Data;

/// <summary>Reads delimited text (RFC 4180, delimiter detected)
/// and Parquet files into a <see cref="RawTable"/>.</summary>
public static class TableReader
{
    /// <summary>Reads <paramref name="path"/>; the format follows the
    /// extension (<c>.parquet</c>, else delimited text), or for a pipe, which has none, its first bytes.</summary>
    /// <exception cref="DataException">The file is missing, empty, has no data rows or has ragged rows.</exception>
    public static RawTable Read(string path)
    {
        CheckFile(path);
        return IsParquetInput(path) ? ParquetTableReader.Read(path) : ReadDelimited(path);
    }

    /// <summary>Refuses a folder or a missing file.</summary>
    internal static void CheckFile(string path)
    {
        if (Directory.Exists(path)) throw new DataException($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new DataException($"{path}: file not found");
        // File.Exists is true of a symbolic link whose target is missing.
        if (OperatingSystem.IsLinux() && FileStatus.Of(path) is null)
            throw new DataException($"{path}: file not found (a symbolic link to a file that does not exist)");
    }

    /// <summary>True when the path names a Parquet file.</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the input <paramref name="path"/> is to be read as Parquet: its name ends with
    /// <c>.parquet</c>, or it is not a regular file (a named pipe, <c>&lt;(cat data.parquet)</c>: its name says
    /// nothing) and what it gave begins with Parquet's magic bytes <c>PAR1</c> followed by binary data (a control
    /// byte other than tab, CR or LF among its first 64 bytes) or ends with <c>PAR1</c> too: a damaged Parquet file
    /// is then refused as Parquet, and text whose header happens to start with <c>PAR1</c> stays text.</summary>
    internal static bool IsParquetInput(string path)
    {
        if (IsParquet(path)) return true;
        if (FileStatus.Of(path) is not { IsRegular: false, IsFolder: false }) return false;
        Span<byte> head = stackalloc byte[64];
        Span<byte> tail = stackalloc byte[4];
        using var stream = OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read < 4 || !head[..4].SequenceEqual("PAR1"u8)) return false;
        foreach (var b in head[4..read])
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r') return true;
        if (stream.Length < 12) return false;
        stream.Seek(-4, SeekOrigin.End);
        return stream.ReadAtLeast(tail, 4, throwOnEndOfStream: false) == 4 && tail.SequenceEqual("PAR1"u8);
    }

    private static RawTable ReadDelimited(string path)
    {
        var text = new TextArena();
        var lines = new List<int>();
        string[] columns = [];
        var layout = DelimitedScanner.Scan(path, header => columns = header, (csv, line) =>
        {
            for (var j = 0; j < columns.Length; j++) text.AddBytes(csv.GetFieldSpan(j));
            text.EndRow();
            lines.Add(line);
        });
        if (lines.Count == 0) throw new DataException($"{path}: the file has a header row but no data rows");
        return new RawTable(path, columns, text, [.. lines], layout);
    }

    /// <summary>Copies of inputs that are not regular files, by path (see <see cref="Readable"/>).</summary>
    private static readonly ConcurrentDictionary<string, Lazy<string>> Spooled = new(StringComparer.Ordinal);

    /// <summary>
    /// The file to open for <paramref name="path"/>: itself, or, when it is not a regular file (a named pipe, or a
    /// shell's process substitution such as <c>&lt;(zcat data.csv.gz)</c>), a copy of what it gave when first read,
    /// in the system's temporary folder: a table is read more than once (the delimiter, then the rows; streaming
    /// methods pass over it again), and a pipe gives its bytes only once. The copy is removed when the process ends.
    /// </summary>
    /// <exception cref="DataException">The path cannot be read.</exception>
    internal static string Readable(string path)
    {
        if (FileStatus.Of(path) is not { } status || status.IsRegular || status.IsFolder) return path;
        return Spooled.GetOrAdd(path, p => new Lazy<string>(() => Spool(p))).Value;
    }

    /// <summary>Every copy made or being made, by its path: a run stopped while it copies removes it too.</summary>
    private static readonly ConcurrentDictionary<string, bool> Copies = new(StringComparer.Ordinal);

    /// <summary>Removes the copies of inputs that are not regular files (for a process being stopped).</summary>
    internal static void RemoveSpooled()
    {
        foreach (var copy in Copies.Keys)
        {
            try
            {
                File.Delete(copy);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the system's temporary folder's cleaning.
            }
        }
    }

    private static string Spool(string path)
    {
        var copy = Path.Combine(Path.GetTempPath(),
            $".imbalanced-input.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Copies[copy] = true;
        try
        {
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
            using (var sink = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                source.CopyTo(sink);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(copy);
            return copy;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(copy);
            throw new DataException($"{path}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Opens a file for reading (<see cref="Readable"/>); a path that cannot be read is a
    /// <see cref="DataException"/>.</summary>
    internal static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(Readable(path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException($"{path}: cannot be read ({e.Message})", e);
        }
        catch (FileNotFoundException e)
        {
            throw new DataException($"{path}: file not found", e);
        }
        catch (IOException e)
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
