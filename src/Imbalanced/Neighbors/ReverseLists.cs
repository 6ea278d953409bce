namespace Imbalanced.Neighbors;

/// <summary>For one block of points at a time, the rows that list each of them: every row holds
/// <c>kinds</c> lists of points (read by a <see cref="Lists"/> reader, which names only the entries in the block),
/// and for each kind and each point of the block this gives the rows whose list of that kind holds the point, in
/// ascending order. Room is made from a bound on each point's reverse list found once for all blocks
/// (<see cref="Bound"/>), so each block reads every row once; nothing of the rows' lists is kept between blocks and
/// the buffers are reused.</summary>
internal sealed class ReverseLists
{
    private readonly int _kinds;
    private readonly int _room;
    // Per point, at most how many entries of all kinds list it (Bound).
    private readonly int[] _bound;
    // Per point of the block: where its room starts, then each kind's first entry, and its end (kinds + 1 each).
    private readonly int[] _edges;
    private readonly int[] _next;
    private int[] _members;
    private int _lo;
    private int _size;

    /// <summary>Writes the entries of row <paramref name="row"/>'s lists that are points <paramref name="lo"/> …
    /// <paramref name="hi"/> − 1 into <paramref name="slots"/>, each as <c>kind · (hi − lo) + point − lo</c>, and
    /// returns how many it wrote.</summary>
    public delegate int Lists(int row, int lo, int hi, Span<int> slots);

    /// <param name="points">Number of points (and rows).</param>
    /// <param name="block">The most points a block holds.</param>
    /// <param name="kinds">Lists per row.</param>
    /// <param name="room">The most entries a reader writes for one row.</param>
    /// <param name="capacity">Entries first made room for (more are made room for when a block needs them).</param>
    public ReverseLists(int points, int block, int kinds, int room, int capacity)
    {
        _kinds = kinds;
        _room = room;
        _bound = new int[points];
        _edges = new int[block * (kinds + 1) + 1];
        _next = new int[block];
        _members = new int[capacity];
    }

    /// <summary>Counts, for every point, the entries of every kind that list it in <paramref name="every"/>: the
    /// bound the blocks' lists (read by <see cref="Build"/>'s reader until the next bound) must stay within. The
    /// counts do not depend on the thread count.</summary>
    public void Bound(int rows, Lists every, ParallelOptions options)
    {
        Array.Clear(_bound);
        var points = _bound.Length;
        Walk(rows, 0, points, every, options, (slot, _) => Interlocked.Increment(ref _bound[slot % points]));
    }

    /// <summary>Builds the reverse lists of points <paramref name="lo"/> … <paramref name="hi"/> − 1 from the lists
    /// of rows 0 … <paramref name="rows"/> − 1, read once by <paramref name="lists"/> (which must name no more
    /// entries of a point than <see cref="Bound"/> counted). The result does not depend on
    /// <paramref name="options"/>' thread count.</summary>
    public void Build(int rows, int lo, int hi, Lists lists, ParallelOptions options)
    {
        (_lo, _size) = (lo, hi - lo);
        var stride = _kinds + 1;
        var total = 0;
        for (var p = 0; p < _size; p++)
        {
            _edges[p * stride] = _next[p] = total;
            total += _bound[lo + p];
        }
        if (total > _members.Length) _members = new int[total + total / 8];
        var (members, size) = (_members, _size);
        // Each entry as kind · rows + row: sorted, a point's entries come kind after kind, each kind's ascending.
        Walk(rows, lo, hi, lists, options, (slot, row) =>
            members[Interlocked.Increment(ref _next[slot % size]) - 1] = slot / size * rows + row);
        Parallel.For(0, _size, options, p =>
        {
            var (first, end) = (_edges[p * stride], _next[p]);
            var entries = members.AsSpan(first, end - first);
            entries.Sort();
            var at = 0;
            for (var kind = 0; kind < _kinds; kind++)
            {
                _edges[p * stride + kind] = first + at;
                for (; at < entries.Length && entries[at] < (kind + 1) * rows; at++) entries[at] -= kind * rows;
            }
            _edges[p * stride + _kinds] = end;
        });
    }

    /// <summary>The rows whose list of kind <paramref name="kind"/> holds point <paramref name="v"/> (in the last
    /// block built), ascending.</summary>
    public ReadOnlySpan<int> Of(int kind, int v)
    {
        var at = (v - _lo) * (_kinds + 1) + kind;
        return _members.AsSpan(_edges[at], _edges[at + 1] - _edges[at]);
    }

    private void Walk(int rows, int lo, int hi, Lists lists, ParallelOptions options, Action<int, int> each)
    {
        const int Chunk = 4096;
        Parallel.For(0, (rows + Chunk - 1) / Chunk, options, () => new int[_room], (c, _, slots) =>
        {
            var end = Math.Min(rows, (c + 1) * Chunk);
            for (var row = c * Chunk; row < end; row++)
            {
                var count = lists(row, lo, hi, slots);
                for (var j = 0; j < count; j++) each(slots[j], row);
            }
            return slots;
        }, _ => { });
    }
}
