using CsCheck;
using Imbalanced.Neighbors;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class SmoteTests
{
    /// <summary>Every synthetic row lies on the segment from its base to one of the base's k nearest neighbours of
    /// the same class, with a gap in [0, 1).</summary>
    [Fact]
    public void Synthetic_rows_lie_between_a_row_and_one_of_its_k_nearest_same_class_neighbors()
    {
        Gen.Select(Gen.Int[20, 80], Gen.Int[6, 15], Gen.Int[1, 5], Gen.Int[1, 6], Gen.Long)
            .Sample((major, minor, k, dims, seed) =>
            {
                var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
                var result = new Smote(new SmoteOptions { KNeighbors = k, Seed = seed }).FitResample(data);
                var minorityRows = data.RowsOfClass(1);
                var points = data.Select(minorityRows);
                var neighbors = NeighborSearch.Default.Build(points.Numeric, points.RowCount, dims)
                    .QuerySelf(k, includeSelf: false);
                Assert.Equal(major - minor, result.SyntheticCount);
                var output = result.ToDataset();
                for (var r = result.KeptRows.Length; r < result.RowCount; r++)
                {
                    var o = result.Origin(r);
                    Assert.InRange(o.Gap, 0.0, 0.9999999999999999);
                    var b = Array.IndexOf(minorityRows, o.Base);
                    var nb = Array.IndexOf(minorityRows, o.Neighbor);
                    Assert.True(b >= 0 && nb >= 0, "base and neighbour are minority rows");
                    Assert.Contains(nb, neighbors.IndicesOf(b).ToArray());
                    var baseRow = data.NumericRow(o.Base);
                    var neighborRow = data.NumericRow(o.Neighbor);
                    for (var j = 0; j < dims; j++)
                        Assert.Equal(baseRow[j] + o.Gap * (neighborRow[j] - baseRow[j]),
                            output.NumericRow(r)[j], 1e-12);
                }
            }, iter: 40);
    }

    [Fact]
    public void Pairs_and_gaps_are_drawn_uniformly()
    {
        var data = TestData.Blobs([5000, 10], ["maj", "min"], 2, 3);
        var result = new Smote(new SmoteOptions { KNeighbors = 3, Seed = 1 }).FitResample(data);
        var gaps = result.AddedOrigins.Select(o => o.Gap).ToArray();
        Assert.InRange(gaps.Average(), 0.48, 0.52);
        var perBase = result.AddedOrigins.GroupBy(o => o.Base).Select(g => g.Count()).ToArray();
        Assert.Equal(10, perBase.Length);
        Assert.All(perBase, c => Assert.InRange(c, 4990 / 10 * 0.85, 4990 / 10 * 1.15));
    }

    [Fact]
    public void Different_seeds_give_different_rows()
    {
        var data = TestData.Binary();
        var a = new Smote(new SmoteOptions { Seed = 1 }).FitResample(data);
        var b = new Smote(new SmoteOptions { Seed = 2 }).FitResample(data);
        Assert.NotEqual(a.Added.Numeric, b.Added.Numeric);
    }
}
