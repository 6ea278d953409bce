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
    /// <returns>The delimiter, the header row's line break and whether a byte order mark begins the file.</returns>
    /// <exception cref="DataException">The file is empty, its header is empty or has an unnamed or repeated column,
    /// a row has another number of fields than the header, or the quoting is broken.</exception>
    public static TextLayout Scan(string path, Action<string[]> header, RowAction row)
    {
        var length = new FileInfo(TableReader.Readable(path)).Length;
        if (length == 0) throw new DataException($"{path}: the file is empty; expected a header row and data rows");
        char delimiter;
        using (var peek = new StreamReader(TableReader.OpenRead(path)))
        {
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
            bool crLf;
            using (var raw = TableReader.OpenRead(path)) crLf = HeaderEndsWithCrLf(raw, Breaks(columns));
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

    /// <summary>Whether the header row ends with CR LF: the line break after the <paramref name="within"/> breaks
    /// inside its quoted names (CR LF, LF or a lone CR, each one break). Reads only as far as the header row.
    /// </summary>
    private static bool HeaderEndsWithCrLf(FileStream stream, int within)
    {
        var buffer = new byte[1 << 16];
        var (breaks, afterCr) = (0, false);
        int read;
        while ((read = stream.Read(buffer)) > 0)
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (afterCr && b != (byte)'\n' && breaks++ == within) return false;
                if (b == (byte)'\n' && breaks++ == within) return afterCr;
                afterCr = b == (byte)'\r';
            }
        return false;
    }

    /// <summary>The line breaks (CR LF, LF or a lone CR, each one) inside the column names.</summary>
    private static int Breaks(string[] columns)
    {
        var n = 0;
        foreach (var c in columns)
            for (var i = 0; i < c.Length; i++)
                if (c[i] == '\n' || (c[i] == '\r' && (i + 1 == c.Length || c[i + 1] != '\n'))) n++;
        return n;
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
