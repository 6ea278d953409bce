using Imbalanced.Clustering;
using Imbalanced.Neighbors;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Clustering;

public class KMeansTests
{
    [Fact]
    public void Finds_well_separated_blobs_whatever_the_thread_count()
    {
        var data = TestData.Blobs([100, 80, 60], ["a", "b", "c"], dims: 3, seed: 2);
        // The blobs are 2 apart per class along each axis: far enough for k-means to recover them up to a few rows.
        var one = KMeans.Fit(data.Numeric, data.RowCount, 3,
            new KMeansOptions { Clusters = 3, Seed = 1, Neighbors = new NeighborSearch(MaxDegreeOfParallelism: 1) });
        var two = KMeans.Fit(data.Numeric, data.RowCount, 3,
            new KMeansOptions { Clusters = 3, Seed = 1, Neighbors = new NeighborSearch(MaxDegreeOfParallelism: 2) });
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.Centers, two.Centers);
        var agreement = Enumerable.Range(0, 3).Sum(c => Enumerable.Range(0, data.RowCount)
            .Where(i => data.Labels[i] == c)
            .GroupBy(i => one.Labels[i]).Max(g => g.Count()));
        Assert.True(agreement >= 0.9 * data.RowCount, $"{agreement} of {data.RowCount} rows in their blob's cluster");
        // Every point sits with its nearest centre.
        for (var i = 0; i < data.RowCount; i++)
        {
            var nearest = Enumerable.Range(0, 3)
                .MinBy(c => DistanceMetric.Euclidean.Reduced(data.NumericRow(i), one.Centers.AsSpan(c * 3, 3)));
            Assert.Equal(nearest, one.Labels[i]);
        }
    }

    [Fact]
    public void More_clusters_than_points_is_a_data_error() =>
        Assert.Throws<DataException>(() => KMeans.Fit([1, 2, 3], 3, 1, new KMeansOptions { Clusters = 4 }));
}
