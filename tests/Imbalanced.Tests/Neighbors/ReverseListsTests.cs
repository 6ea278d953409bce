using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The descent's reverse lists, built one block of points at a time.</summary>
public class ReverseListsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Each_block_lists_the_rows_holding_each_of_its_points_in_ascending_order(int blocks)
    {
        const int n = 50, per = 4;
        var random = new Random(1);
        var lists = new int[n * per];
        for (var i = 0; i < lists.Length; i++) lists[i] = random.Next(-1, n);
        var block = (n + blocks - 1) / blocks;
        // Room for few entries at first: a block needing more makes room.
        var reverse = new ReverseLists(block, capacity: 1);
        for (var lo = 0; lo < n; lo += block)
        {
            var hi = Math.Min(n, lo + block);
            reverse.Build(lists, per, lo, hi);
            for (var v = lo; v < hi; v++)
            {
                var expected = Enumerable.Range(0, lists.Length).Where(i => lists[i] == v).Select(i => i / per);
                Assert.Equal(expected, reverse.Of(v).ToArray());
            }
        }
    }
}
