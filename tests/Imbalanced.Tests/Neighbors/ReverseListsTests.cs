using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The descent's reverse lists, built one block of points at a time.</summary>
public class ReverseListsTests
{
    /// <summary>The bound counts every entry; the blocks' reader names only some of them (as the descent's samples
    /// lose entries pushed out during a round), so points get less than the room made for them.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 4)]
    public void Each_block_lists_the_rows_holding_each_of_its_points_in_ascending_order(int blocks, int threads)
    {
        // Many rows: the walk over them is split between threads, which fill the reverse lists in any order.
        const int n = 20_000, kinds = 2, per = 4, width = kinds * per;
        var random = new Random(1);
        var lists = new int[n * width];
        for (var i = 0; i < lists.Length; i++) lists[i] = random.Next(-1, n);
        bool Named(int i) => i % 5 != 0;
        // expected[kind][v]: the rows whose list of that kind holds v among the entries named, ascending.
        var expected = Enumerable.Range(0, kinds).Select(_ => Enumerable.Range(0, n).Select(_ => new List<int>())
            .ToArray()).ToArray();
        for (var i = 0; i < lists.Length; i++)
            if (lists[i] >= 0 && Named(i)) expected[i % width / per][lists[i]].Add(i / width);
        ReverseLists.Lists Reader(bool all) => (row, from, to, slots) =>
        {
            var count = 0;
            for (var j = 0; j < width; j++)
            {
                var (i, u) = (row * width + j, lists[row * width + j]);
                if (u >= from && u < to && (all || Named(i))) slots[count++] = j / per * (to - from) + u - from;
            }
            return count;
        };
        var block = (n + blocks - 1) / blocks;
        // Room for few entries at first: a block needing more makes room.
        var reverse = new ReverseLists(n, block, kinds, width, capacity: 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        reverse.Bound(n, Reader(all: true), options);
        for (var lo = 0; lo < n; lo += block)
        {
            var hi = Math.Min(n, lo + block);
            reverse.Build(n, lo, hi, Reader(all: false), options);
            for (var v = lo; v < hi; v++)
                for (var kind = 0; kind < kinds; kind++)
                    Assert.Equal(expected[kind][v], reverse.Of(kind, v).ToArray());
        }
    }
}
