namespace Imbalanced.Neighbors;

/// <summary>For one block of points at a time, the rows that list each of them: every row holds
/// <c>kinds</c> lists of up to <c>per</c> points each (read by a <see cref="Lists"/> reader, −1 for an empty
/// place), and for each kind and each point of the block this gives the rows whose list of that kind holds the
/// point, in ascending order. Nothing of the rows' lists is kept between blocks; the buffers are reused.</summary>
internal sealed class ReverseLists
{
    private readonly int _kinds;
    private readonly int _per;
    private readonly int[] _start;
    private readonly int[] _next;
    private int[] _members;
    private int _lo;
    private int _size;

    /// <summary>Writes row <paramref name="row"/>'s lists into <paramref name="entries"/>: <c>kinds · per</c>
    /// places, kind after kind, −1 for an empty place.</summary>
    public delegate void Lists(int row, Span<int> entries);

    /// <param name="block">The most points a block holds.</param>
    /// <param name="kinds">Lists per row.</param>
    /// <param name="per">Places per list.</param>
    /// <param name="capacity">Entries first made room for (more are made room for when a block needs them).</param>
    public ReverseLists(int block, int kinds, int per, int capacity)
    {
        _kinds = kinds;
        _per = per;
        _start = new int[kinds * block + 1];
        _next = new int[kinds * block];
        _members = new int[capacity];
    }

    /// <summary>Builds the reverse lists of points <paramref name="lo"/> … <paramref name="hi"/> − 1 from the lists
    /// of rows 0 … <paramref name="rows"/> − 1, which <paramref name="lists"/> reads twice (the lists must not
    /// change meanwhile). The result does not depend on <paramref name="options"/>' thread count.</summary>
    public void Build(int rows, int lo, int hi, Lists lists, ParallelOptions options)
    {
        (_lo, _size) = (lo, hi - lo);
        var slots = _kinds * _size;
        Array.Clear(_start, 0, slots + 1);
        // Counted into the slot after each one's: the running sum then gives each slot's start.
        Walk(rows, lists, options, (kind, u) => Interlocked.Increment(ref _start[kind * _size + u - lo + 1]));
        for (var s = 0; s < slots; s++) _start[s + 1] += _start[s];
        if (_start[slots] > _members.Length) _members = new int[_start[slots] + _start[slots] / 8];
        Array.Copy(_start, _next, slots);
        var members = _members;
        Walk(rows, lists, options, (kind, u, row) =>
            members[Interlocked.Increment(ref _next[kind * _size + u - lo]) - 1] = row);
        // Threads fill a slot in any order: sorted, each is the same whatever the threads.
        Parallel.For(0, slots, options, s => members.AsSpan(_start[s], _start[s + 1] - _start[s]).Sort());
    }

    /// <summary>The rows whose list of kind <paramref name="kind"/> holds point <paramref name="v"/> (in the last
    /// block built), ascending.</summary>
    public ReadOnlySpan<int> Of(int kind, int v)
    {
        var s = kind * _size + v - _lo;
        return _members.AsSpan(_start[s], _start[s + 1] - _start[s]);
    }

    private void Walk(int rows, Lists lists, ParallelOptions options, Action<int, int> each) =>
        Walk(rows, lists, options, (kind, u, _) => each(kind, u));

    private void Walk(int rows, Lists lists, ParallelOptions options, Action<int, int, int> each)
    {
        const int Chunk = 4096;
        var (lo, hi, width) = (_lo, _lo + _size, _kinds * _per);
        Parallel.For(0, (rows + Chunk - 1) / Chunk, options, () => new int[width], (c, _, entries) =>
        {
            var end = Math.Min(rows, (c + 1) * Chunk);
            for (var row = c * Chunk; row < end; row++)
            {
                lists(row, entries);
                for (var j = 0; j < width; j++)
                {
                    var u = entries[j];
                    if (u >= lo && u < hi) each(j / _per, u, row);
                }
            }
            return entries;
        }, _ => { });
    }
}
