using System.Globalization;
using System.Runtime.CompilerServices;

namespace Imbalanced.Data;

/// <summary>A growable byte buffer for writing text output fast:
/// direct appends, no per-call interface dispatch.</summary>
internal sealed class ByteBuffer(int capacity = 1 << 16)
{
    private byte[] _bytes = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        return _bytes.AsSpan(Length, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte b)
    {
        if (Length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
        _bytes[Length++] = b;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Appends a field, quoted as RFC 4180 asks only when
    /// it holds the delimiter, a quote or a line break.</summary>
    public void AppendField(ReadOnlySpan<byte> value, byte delimiter)
    {
        if (value.IndexOfAny(delimiter, (byte)'"', (byte)'\n') < 0 && value.IndexOf((byte)'\r') < 0)
        {
            Append(value);
            return;
        }
        Append((byte)'"');
        foreach (var b in value)
        {
            if (b == '"') Append((byte)'"');
            Append(b);
        }
        Append((byte)'"');
    }

    public void AppendField(string value, byte delimiter) =>
        AppendField(System.Text.Encoding.UTF8.GetBytes(value), delimiter);

    /// <summary>Appends a header line: the names as fields, then a line break.</summary>
    public void AppendHeader(IEnumerable<string> names, byte delimiter) => AppendHeader(names, delimiter, "\n"u8);

    /// <summary>The same, ended by <paramref name="lineEnd"/>.</summary>
    public void AppendHeader(IEnumerable<string> names, byte delimiter, ReadOnlySpan<byte> lineEnd)
    {
        var first = true;
        foreach (var name in names)
        {
            if (!first) Append(delimiter);
            AppendField(name, delimiter);
            first = false;
        }
        Append(lineEnd);
    }

    /// <summary>Writes what is buffered to <paramref name="stream"/>
    /// once it passes a megabyte, and clears it.</summary>
    public void FlushWhenLarge(Stream stream)
    {
        if (Length <= 1 << 20) return;
        stream.Write(Written);
        Clear();
    }

    /// <summary>Appends a number in shortest round-trip form.</summary>
    public void AppendNumber(double value) => Length += NumberText.Format(value, Reserve(32));

    public void AppendInt(int value)
    {
        value.TryFormat(Reserve(11), out var n, default, CultureInfo.InvariantCulture);
        Length += n;
    }
}
