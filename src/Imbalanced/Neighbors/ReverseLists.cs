namespace Imbalanced.Neighbors;

/// <summary>For one block of points at a time, the points that list each of them: given lists of equal width
/// (row <c>v</c> holds the points <c>v</c> lists, −1 for none), the rows holding each point of the block, in
/// ascending order. The buffers are reused from block to block.</summary>
/// <param name="block">The most points a block holds.</param>
/// <param name="capacity">Entries first made room for (more are made room for when a block needs them).</param>
internal sealed class ReverseLists(int block, int capacity)
{
    private readonly int[] _start = new int[block + 1];
    private readonly int[] _next = new int[block];
    private int[] _members = new int[capacity];
    private int _lo;

    /// <summary>Builds the reverse lists of points <paramref name="lo"/> … <paramref name="hi"/> − 1 from
    /// <paramref name="lists"/>, <paramref name="per"/> entries per row.</summary>
    public void Build(int[] lists, int per, int lo, int hi)
    {
        _lo = lo;
        var size = hi - lo;
        Array.Clear(_start, 0, size + 1);
        foreach (var u in lists)
            if (u >= lo && u < hi) _start[u - lo + 1]++;
        for (var v = 0; v < size; v++) _start[v + 1] += _start[v];
        if (_start[size] > _members.Length) _members = new int[_start[size] + _start[size] / 8];
        Array.Copy(_start, _next, size);
        for (var i = 0; i < lists.Length; i++)
        {
            var u = lists[i];
            if (u >= lo && u < hi) _members[_next[u - lo]++] = i / per;
        }
    }

    /// <summary>The rows listing point <paramref name="v"/> (in the last block built), ascending.</summary>
    public ReadOnlySpan<int> Of(int v) =>
        _members.AsSpan(_start[v - _lo], _start[v - _lo + 1] - _start[v - _lo]);
}
