using CsCheck;
using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The order every answer of the engine is given in: by distance, then lower index.</summary>
public class ExactTopKTests
{
    [Fact]
    public void Pairs_are_sorted_by_distance_then_index_whatever_their_number()
    {
        // Few distinct distances, so that many pairs tie; lengths on both sides of the switch to a comparison sort.
        Gen.Int[0, 300].SelectMany(n => Gen.Select(Gen.Int[0, 5].Array[n], Gen.Int[0, 1000].Array[n])).Sample(
            pairs =>
            {
                var (ds, ids) = pairs;
                var d = ds.Select(v => v * 0.5).ToArray();
                var idx = ids.ToArray();
                var expected = d.Zip(idx).OrderBy(p => p.First).ThenBy(p => p.Second).ToArray();
                ExactTopK.SortPairs(d, idx);
                Assert.Equal(expected.Select(p => p.First), d);
                Assert.Equal(expected.Select(p => p.Second), idx);
            }, iter: 300);
    }
}
