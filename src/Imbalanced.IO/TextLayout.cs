namespace Imbalanced.Data;

/// <summary>How a delimited file is laid out, so that a table written from it is laid out the same way: its
/// delimiter, its line break (CR LF when its first line break is CR LF, LF otherwise: a lone CR too) and whether
/// it begins with a UTF-8 byte order mark.</summary>
/// <param name="Delimiter">The delimiter.</param>
/// <param name="CrLf">Whether the file's first line break is CR LF.</param>
/// <param name="ByteOrderMark">Whether the file begins with a UTF-8 byte order mark.</param>
internal readonly record struct TextLayout(char Delimiter, bool CrLf = false, bool ByteOrderMark = false)
{
    /// <summary>The line break to write.</summary>
    public ReadOnlySpan<byte> LineEnd => CrLf ? "\r\n"u8 : "\n"u8;

    /// <summary>Appends to <paramref name="output"/> the start of a file: the byte order mark when the file had one,
    /// then the header row of <paramref name="names"/>.</summary>
    public void AppendStart(ByteBuffer output, IEnumerable<string> names)
    {
        if (ByteOrderMark) output.Append("\uFEFF"u8);
        output.AppendHeader(names, (byte)Delimiter, LineEnd);
    }
}
