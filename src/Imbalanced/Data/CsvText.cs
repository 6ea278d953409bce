using System.Buffers;

namespace Imbalanced.Data;

/// <summary>Writes RFC 4180 fields as UTF-8: quoted only when they hold the delimiter, a quote or a line break.</summary>
internal static class CsvText
{
    public static void WriteField(IBufferWriter<byte> output, ReadOnlySpan<byte> value, byte delimiter)
    {
        var needsQuotes = value.IndexOfAny(delimiter, (byte)'"', (byte)'\n') >= 0 || value.IndexOf((byte)'\r') >= 0;
        if (!needsQuotes)
        {
            output.Write(value);
            return;
        }
        output.Write("\""u8);
        var rest = value;
        int at;
        while ((at = rest.IndexOf((byte)'"')) >= 0)
        {
            output.Write(rest[..(at + 1)]);
            output.Write("\""u8);
            rest = rest[(at + 1)..];
        }
        output.Write(rest);
        output.Write("\""u8);
    }

    public static void WriteField(IBufferWriter<byte> output, string value, byte delimiter) =>
        WriteField(output, System.Text.Encoding.UTF8.GetBytes(value), delimiter);

    public static void WriteNumber(IBufferWriter<byte> output, double value)
    {
        var span = output.GetSpan(32);
        output.Advance(NumberText.Format(value, span));
    }

    public static void WriteInt(IBufferWriter<byte> output, int value)
    {
        var span = output.GetSpan(12);
        value.TryFormat(span, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(n);
    }
}
