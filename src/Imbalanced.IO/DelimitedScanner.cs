using Sylvan.Data.Csv;

namespace Imbalanced.Data;

/// <summary>
/// Reads delimited text (RFC 4180, delimiter detected from the header) row by row, holding one row at a time: the
/// one place that knows the format's rules (header names, blank lines, ragged rows, line numbers, quoting errors).
/// </summary>
internal static class DelimitedScanner
{
    /// <summary>Called for each data row with the reader positioned on it (fields as Latin-1 characters, one per
    /// byte of the file) and the line the row starts on.</summary>
    public delegate void RowAction(CsvDataReader row, int line);

    /// <summary>Reads <paramref name="path"/>: <paramref name="header"/> gets the column names (checked), then
    /// <paramref name="row"/> each data row in order.</summary>
    /// <returns>The delimiter, the first line break's kind and whether a byte order mark begins the file.</returns>
    /// <exception cref="DataException">The file is empty, its header is empty or has an unnamed or repeated column,
    /// a row has another number of fields than the header, or the quoting is broken.</exception>
    public static TextLayout Scan(string path, Action<string[]> header, RowAction row)
    {
        var length = new FileInfo(TableReader.Readable(path)).Length;
        if (length == 0) throw new DataException($"{path}: the file is empty; expected a header row and data rows");
        char delimiter;
        bool crLf;
        using (var raw = TableReader.OpenRead(path))
        {
            crLf = FirstBreakIsCrLf(raw);
            raw.Position = 0;
            using var peek = new StreamReader(raw);
            var first = peek.ReadLine();
            if (string.IsNullOrWhiteSpace(first)) throw new DataException($"{path}: line 1: the header row is empty");
            delimiter = DelimiterDetector.Detect(first, path);
        }
        // Latin-1 maps every byte to the one char of the same value and back, so the CSV grammar (all ASCII) is
        // parsed as usual while each cell keeps its exact bytes, valid UTF-8 or not: a copied value is written
        // back byte for byte.
        var stream = TableReader.OpenRead(path);
        var byteOrderMark = SkipByteOrderMark(stream);
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1, false, 1 << 16);
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
            for (var j = 0; j < columns.Length; j++) columns[j] = Utf8Name(csv.GetName(j));
            TableReader.CheckColumnNames(path, columns);
            header(columns);
            line = 2 + NewlinesIn(columns);
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
                for (var j = 0; j < columns.Length; j++) line += csv.GetFieldSpan(j).Count('\n');
                row(csv, start);
            }
            return new TextLayout(delimiter, crLf, byteOrderMark);
        }
        catch (CsvFormatException e)
        {
            throw new DataException($"{path}: line {line}: {FirstSentence(e.Message)}", e);
        }
    }

    private static string Utf8Name(string latin1) =>
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.Latin1.GetBytes(latin1));

    /// <summary>Moves <paramref name="stream"/> past a UTF-8 byte order mark at its start, if there is one, so that
    /// the CSV grammar starts at the first field: a quoted first column name after the mark is then unquoted like
    /// any other. Returns whether there was one.</summary>
    private static bool SkipByteOrderMark(FileStream stream)
    {
        Span<byte> start = stackalloc byte[3];
        var read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        if (read == 3 && start.SequenceEqual("\uFEFF"u8)) return true;
        stream.Position = 0;
        return false;
    }

    /// <summary>Whether the file's first line break (its header row's, or one quoted inside a column name, which
    /// a file writes in its own style) is CR LF; a lone CR or an LF is not. Reads only as far as that break.
    /// </summary>
    private static bool FirstBreakIsCrLf(FileStream stream)
    {
        Span<byte> b = stackalloc byte[1];
        while (stream.Read(b) == 1)
        {
            if (b[0] == (byte)'\n') return false;
            if (b[0] == (byte)'\r') return stream.Read(b) == 1 && b[0] == (byte)'\n';
        }
        return false;
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
}
