namespace Imbalanced.Neighbors;

/// <summary>
/// A state of two bits (0 … 3) for each entry of fixed-width lists, four to a byte: the neighbour descent's mark of
/// which entries are new, in a quarter of the memory a byte per entry took (at 3,800,000 points of 24 neighbours:
/// 23 MB instead of 91). Each list has bytes of its own, so threads that each change only their own lists never
/// write the same byte.
/// </summary>
internal sealed class EntryFlags
{
    private readonly byte[] _bits;
    private readonly int _width;
    private readonly int _stride;

    /// <param name="lists">Number of lists.</param>
    /// <param name="width">Entries per list.</param>
    /// <param name="initial">Every entry's state to begin with.</param>
    public EntryFlags(int lists, int width, int initial)
    {
        _width = width;
        _stride = (width + 3) / 4;
        _bits = new byte[(long)lists * _stride];
        Array.Fill(_bits, (byte)((initial & 3) * 0b0101_0101));
    }

    /// <summary>The state of entry <paramref name="entry"/> of list <paramref name="list"/>.</summary>
    public int Get(int list, int entry) => (_bits[At(list, entry)] >> Shift(entry)) & 3;

    /// <summary>Sets the state of entry <paramref name="entry"/> of list <paramref name="list"/>.</summary>
    public void Set(int list, int entry, int state)
    {
        ref var b = ref _bits[At(list, entry)];
        var shift = Shift(entry);
        b = (byte)((b & ~(3 << shift)) | ((state & 3) << shift));
    }

    /// <summary>Moves the states of entries <paramref name="at"/> … width − 2 of list <paramref name="list"/> one
    /// place on, as inserting an entry at <paramref name="at"/> moves the entries (the last one's is dropped).
    /// </summary>
    public void MoveOn(int list, int at)
    {
        for (var j = _width - 1; j > at; j--) Set(list, j, Get(list, j - 1));
    }

    /// <summary>The states of entries <paramref name="first"/> … <paramref name="first"/> + 31 of list
    /// <paramref name="list"/> (<paramref name="first"/> a multiple of 32), two bits each, entry
    /// <paramref name="first"/> lowest; 0 past the list's end.</summary>
    public ulong Packed(int list, int first)
    {
        var bytes = _bits.AsSpan((int)(At(list, first)), Math.Min(8, _stride - (first >> 2)));
        var packed = 0UL;
        for (var b = bytes.Length - 1; b >= 0; b--) packed = packed << 8 | bytes[b];
        // The last byte's places past the list's end hold no entry.
        var past = first + 32 - _width;
        return past > 0 ? packed & (ulong.MaxValue >> (2 * past)) : packed;
    }

    private long At(int list, int entry) => (long)list * _stride + (entry >> 2);

    private static int Shift(int entry) => (entry & 3) * 2;
}
