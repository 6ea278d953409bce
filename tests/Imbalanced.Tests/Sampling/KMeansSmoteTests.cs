using System.Text.Json;
using Imbalanced.Clustering;
using Imbalanced.Neighbors;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class KMeansSmoteTests
{
    public static TheoryData<int> SparsityCases() => Fixtures.GoldenCases("sparsity");

    [Theory]
    [MemberData(nameof(SparsityCases))]
    public void Cluster_sparsity_equals_imbalanced_learn(int index)
    {
        var g = Fixtures.Golden("sparsity")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var rows = data.RowsOfClass(data.Classes.IndexOf(g.GetProperty("class").GetString()!))
            .Take(g.GetProperty("rows").GetInt32()).ToArray();
        var exponent = g.GetProperty("density_exponent");
        double? density = exponent.ValueKind == JsonValueKind.Number ? exponent.GetDouble() : null;
        var expected = g.GetProperty("sparsity").GetDouble();
        Assert.Equal(expected,
            KMeansSmote.Sparsity(data.Select(rows).Numeric, rows.Length, data.NumericCount, density),
            Math.Abs(expected) * 1e-9);
    }

    [Fact]
    public void New_rows_stay_inside_one_cluster_between_neighbors()
    {
        var data = Fixtures.Load("pima_jitter.csv", "diabetes").Data;
        var options = new KMeansSmoteOptions { Clusters = 4, Seed = 3, ClusterBalanceThreshold = 0.1 };
        var result = new KMeansSmote(options).FitResample(data);
        var clusters = KMeans.Fit(data.Numeric, data.RowCount, data.NumericCount,
            new KMeansOptions { Clusters = 4, Seed = 3 }).Labels;
        var asked = data.ClassCounts()[0] - data.ClassCounts()[1];
        Assert.InRange(result.SyntheticCount, asked, asked + 4);
        var pos = data.Classes.IndexOf("pos");
        foreach (var o in result.AddedOrigins)
        {
            Assert.Equal(clusters[o.Base], clusters[o.Neighbor]);
            var peers = Enumerable.Range(0, data.RowCount)
                .Where(i => clusters[i] == clusters[o.Base] && data.Labels[i] == pos && i != o.Base)
                .OrderBy(i => DistanceMetric.Euclidean.Reduced(data.NumericRow(o.Base), data.NumericRow(i)))
                .ThenBy(i => i).Take(2);
            Assert.Contains(o.Neighbor, peers);
        }
        var e = Assert.Throws<DataException>(() =>
            new KMeansSmote(options with { ClusterBalanceThreshold = 0.99 }).FitResample(data));
        Assert.Contains("ClusterBalanceThreshold", e.Message);
    }
}
