using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The descent's reverse lists, built one block of points at a time.</summary>
public class ReverseListsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(7, 4)]
    public void Each_block_lists_the_rows_holding_each_of_its_points_in_ascending_order(int blocks, int threads)
    {
        // Many rows: the walk over them is split between threads, which fill the reverse lists in any order.
        const int n = 20_000, kinds = 2, per = 4;
        var random = new Random(1);
        var lists = new int[n * kinds * per];
        for (var i = 0; i < lists.Length; i++) lists[i] = random.Next(-1, n);
        // expected[kind][v]: the rows whose list of that kind holds v, in ascending order.
        var expected = Enumerable.Range(0, kinds).Select(_ => Enumerable.Range(0, n).Select(_ => new List<int>())
            .ToArray()).ToArray();
        for (var i = 0; i < lists.Length; i++)
            if (lists[i] >= 0) expected[i % (kinds * per) / per][lists[i]].Add(i / (kinds * per));
        var block = (n + blocks - 1) / blocks;
        // Room for few entries at first: a block needing more makes room.
        var reverse = new ReverseLists(block, kinds, per, capacity: 1);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        for (var lo = 0; lo < n; lo += block)
        {
            var hi = Math.Min(n, lo + block);
            reverse.Build(n, lo, hi, (row, entries) => lists.AsSpan(row * kinds * per, kinds * per).CopyTo(entries),
                options);
            for (var v = lo; v < hi; v++)
                for (var kind = 0; kind < kinds; kind++)
                    Assert.Equal(expected[kind][v], reverse.Of(kind, v).ToArray());
        }
    }
}
