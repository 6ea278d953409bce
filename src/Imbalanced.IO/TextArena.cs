using System.Text;

namespace Imbalanced.Data;

/// <summary>
/// Keeps the exact text of every row read, compactly: each row is a run of length-prefixed UTF-8 fields in
/// large shared chunks, so that a value written back unchanged keeps its exact text at about the size of
/// the file, without one string object per cell.
/// </summary>
internal sealed class TextArena
{
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;
    private long[] _rowStart = new long[1024];
    private byte[] _scratch = new byte[4096];
    private int _scratchLength;

    public int RowCount { get; private set; }

    /// <summary>Appends one field to the row being built.</summary>
    public void AddField(ReadOnlySpan<char> text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length) + 5;
        if (_scratchLength + max > _scratch.Length)
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + max));
        var span = _scratch.AsSpan(_scratchLength);
        var n = Encoding.UTF8.GetBytes(text, span[5..]);
        var prefix = WriteLength(span, n);
        if (prefix != 5) span.Slice(5, n).CopyTo(span[prefix..]);
        _scratchLength += prefix + n;
    }

    /// <summary>Appends one field given as Latin-1 chars, each the value of one byte of the file: the field keeps
    /// exactly those bytes.</summary>
    public void AddBytes(ReadOnlySpan<char> latin1)
    {
        var max = latin1.Length + 5;
        if (_scratchLength + max > _scratch.Length)
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + max));
        var span = _scratch.AsSpan(_scratchLength);
        var prefix = WriteLength(span, latin1.Length);
        Encoding.Latin1.GetBytes(latin1, span[prefix..]);
        _scratchLength += prefix + latin1.Length;
    }

    /// <summary>Ends the row being built and stores it.</summary>
    public void EndRow()
    {
        if (_used + _scratchLength > (_chunks.Count == 0 ? 0 : _chunks[^1].Length))
        {
            _chunks.Add(new byte[Math.Max(ChunkSize, _scratchLength)]);
            _used = 0;
        }
        _scratch.AsSpan(0, _scratchLength).CopyTo(_chunks[^1].AsSpan(_used));
        if (RowCount == _rowStart.Length) Array.Resize(ref _rowStart, _rowStart.Length * 2);
        _rowStart[RowCount++] = ((long)(_chunks.Count - 1) << 32) | (uint)_used;
        _used += _scratchLength;
        _scratchLength = 0;
    }

    /// <summary>The fields of row <paramref name="row"/>, walked in order.</summary>
    public FieldEnumerator Fields(int row)
    {
        var pos = _rowStart[row];
        return new FieldEnumerator(_chunks[(int)(pos >> 32)], (int)(pos & 0xFFFFFFFF));
    }

    /// <summary>The UTF-8 text of field <paramref name="column"/> of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<byte> Field(int row, int column)
    {
        var e = Fields(row);
        for (var j = 0; j <= column; j++) e.MoveNext();
        return e.Current;
    }

    private static int WriteLength(Span<byte> span, int n)
    {
        var i = 0;
        var v = (uint)n;
        while (v >= 0x80) { span[i++] = (byte)(v | 0x80); v >>= 7; }
        span[i++] = (byte)v;
        return i;
    }

    /// <summary>Walks the length-prefixed fields of one row.</summary>
    public ref struct FieldEnumerator
    {
        private readonly ReadOnlySpan<byte> _chunk;
        private int _pos;

        public FieldEnumerator(byte[] chunk, int start) { _chunk = chunk; _pos = start; Current = default; }

        public ReadOnlySpan<byte> Current { get; private set; }

        public bool MoveNext()
        {
            var shift = 0;
            var n = 0;
            byte b;
            do { b = _chunk[_pos++]; n |= (b & 0x7F) << shift; shift += 7; } while (b >= 0x80);
            Current = _chunk.Slice(_pos, n);
            _pos += n;
            return true;
        }
    }
}
