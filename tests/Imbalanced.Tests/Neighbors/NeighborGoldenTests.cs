using System.Text.Json;
using Imbalanced.Neighbors;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The engine's neighbours equal scikit-learn's <c>NearestNeighbors.kneighbors(X)</c> on committed
/// data.</summary>
public class NeighborGoldenTests
{
    public static TheoryData<int> Cases() => Fixtures.GoldenCases("neighbors");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Neighbors_equal_scikit_learn(int index)
    {
        var golden = Fixtures.Golden("neighbors")[index];
        var k = golden.GetProperty("k").GetInt32();
        var points = PointsOf(golden);
        var algorithms = new[] { NeighborAlgorithm.Auto, NeighborAlgorithm.KdTree, NeighborAlgorithm.BruteForce };
        foreach (var algorithm in algorithms)
            AssertGolden(golden, points, k, new NeighborSearch(Algorithm: algorithm));
    }

    /// <summary>The same, for the brute force at every SIMD width and tile height forced on this machine.</summary>
    [Theory]
    [MemberData(nameof(NeighborWidthTests.Kernels), MemberType = typeof(NeighborWidthTests))]
    public void Neighbors_equal_scikit_learn_at_every_width(int bits, int rows)
    {
        var all = Fixtures.Golden("neighbors");
        for (var index = 0; index < all.GetArrayLength(); index++)
        {
            var golden = all[index];
            var search = NeighborWidthTests.Search(bits, rows);
            AssertGolden(golden, PointsOf(golden), golden.GetProperty("k").GetInt32(), search);
        }
    }

    private static Imbalanced.Data.Dataset PointsOf(JsonElement golden)
    {
        var file = golden.GetProperty("data").GetString()!;
        var data = Fixtures.Load(file, golden.GetProperty("target").GetString()!).Data;
        var cls = golden.GetProperty("class");
        return cls.ValueKind == JsonValueKind.String
            ? data.Select(data.RowsOfClass(data.Classes.IndexOf(cls.GetString()!)))
            : data;
    }

    private static void AssertGolden(JsonElement golden, Imbalanced.Data.Dataset points, int k, NeighborSearch search)
    {
        var result = search.Build(points.Numeric, points.RowCount, points.NumericCount).QuerySelf(k, includeSelf: true);
        var expectedIndices = golden.GetProperty("indices");
        var expectedDistances = golden.GetProperty("distances");
        Assert.Equal(points.RowCount, expectedIndices.GetArrayLength());
        for (var i = 0; i < points.RowCount; i++)
            for (var c = 0; c < k; c++)
            {
                Assert.Equal(expectedIndices[i][c].GetInt32(), result.IndicesOf(i)[c]);
                var expected = expectedDistances[i][c].GetDouble();
                Assert.Equal(expected, result.DistancesOf(i)[c], 1e-6 * (1 + expected));
            }
    }
}
