using System.Text.Json;
using Imbalanced.Neighbors;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The engine's neighbours equal scikit-learn's <c>NearestNeighbors.kneighbors(X)</c> on committed data.</summary>
public class NeighborGoldenTests
{
    public static TheoryData<int> Cases() => Fixtures.GoldenCases("neighbors");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Neighbours_equal_scikit_learn(int index)
    {
        var golden = Fixtures.Golden("neighbors")[index];
        var data = Fixtures.Load(golden.GetProperty("data").GetString()!, golden.GetProperty("target").GetString()!).Data;
        var k = golden.GetProperty("k").GetInt32();
        var cls = golden.GetProperty("class");
        var points = cls.ValueKind == JsonValueKind.String ? data.Select(data.RowsOfClass(data.Classes.IndexOf(cls.GetString()!))) : data;
        foreach (var algorithm in new[] { NeighborAlgorithm.Auto, NeighborAlgorithm.KdTree, NeighborAlgorithm.BruteForce })
        {
            var result = new NeighborSearch(Algorithm: algorithm).Build(points.Numeric, points.RowCount, points.NumericCount).QuerySelf(k, includeSelf: true);
            var expectedIndices = golden.GetProperty("indices");
            var expectedDistances = golden.GetProperty("distances");
            Assert.Equal(points.RowCount, expectedIndices.GetArrayLength());
            for (var i = 0; i < points.RowCount; i++)
                for (var c = 0; c < k; c++)
                {
                    Assert.Equal(expectedIndices[i][c].GetInt32(), result.IndicesOf(i)[c]);
                    Assert.Equal(expectedDistances[i][c].GetDouble(), result.DistancesOf(i)[c], 1e-6 * (1 + expectedDistances[i][c].GetDouble()));
                }
        }
    }
}
