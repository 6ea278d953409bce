using Imbalanced.Neighbors;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Neighbors;

public class NeighborEngineTests
{
    internal static KNeighbors Reference(double[] points, int n, int d, int k, bool includeSelf,
        DistanceMetric? metric = null)
    {
        metric ??= DistanceMetric.Euclidean;
        var indices = new int[n * k];
        var distances = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var all = Enumerable.Range(0, n).Where(j => includeSelf || j != i)
                .Select(j => (D: metric.Reduced(points.AsSpan(i * d, d), points.AsSpan(j * d, d)), J: j))
                .OrderBy(t => t.D).ThenBy(t => t.J).Take(k).ToArray();
            for (var c = 0; c < k; c++)
            {
                indices[i * k + c] = all[c].J;
                distances[i * k + c] = metric.FromReduced(all[c].D);
            }
        }
        return new KNeighbors(k, indices, distances);
    }

    public static TheoryData<NeighborAlgorithm, int, bool> Shapes() => new()
    {
        { NeighborAlgorithm.KdTree, 3, true }, { NeighborAlgorithm.KdTree, 3, false },
        { NeighborAlgorithm.BruteForce, 3, false }, { NeighborAlgorithm.BruteForce, 20, true },
        { NeighborAlgorithm.BruteForce, 33, false }, { NeighborAlgorithm.Auto, 12, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Exact_with_ties_broken_by_lower_index(NeighborAlgorithm algorithm, int dims, bool includeSelf)
    {
        // Integer grid points tie often: the answer must still be the one with lower indices first.
        const int n = 700, k = 7;
        var points = TestData.Grid(n, dims, seed: dims);
        var expected = Reference(points, n, dims, k, includeSelf);
        var actual = new NeighborSearch(Algorithm: algorithm).Build(points, n, dims).QuerySelf(k, includeSelf);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Distances, actual.Distances);
    }

    [Theory]
    [InlineData(NeighborAlgorithm.KdTree, 4)]
    [InlineData(NeighborAlgorithm.BruteForce, 24)]
    public void Continuous_data_matches_brute_force_reference(NeighborAlgorithm algorithm, int dims)
    {
        const int n = 1500, k = 5;
        var points = TestData.Gaussian(n, dims, seed: 9);
        var expected = Reference(points, n, dims, k, includeSelf: false);
        var actual = new NeighborSearch(Algorithm: algorithm).Build(points, n, dims).QuerySelf(k, includeSelf: false);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Distances, actual.Distances);
    }

    [Theory]
    [InlineData(NeighborAlgorithm.KdTree, 3)]
    [InlineData(NeighborAlgorithm.BruteForce, 21)]
    public void Same_answer_whatever_the_thread_count(NeighborAlgorithm algorithm, int dims)
    {
        const int n = 3000, k = 6;
        var points = TestData.Gaussian(n, dims, seed: 4);
        var one = new NeighborSearch(Algorithm: algorithm, MaxDegreeOfParallelism: 1)
            .Build(points, n, dims).QuerySelf(k, false);
        var two = new NeighborSearch(Algorithm: algorithm, MaxDegreeOfParallelism: 2)
            .Build(points, n, dims).QuerySelf(k, false);
        var four = new NeighborSearch(Algorithm: algorithm, MaxDegreeOfParallelism: 4)
            .Build(points, n, dims).QuerySelf(k, false);
        Assert.Equal(one.Indices, two.Indices);
        Assert.Equal(one.Distances, two.Distances);
        Assert.Equal(one.Indices, four.Indices);
    }

    [Fact]
    public void Many_external_queries_go_in_chunks_with_the_same_answers()
    {
        // More than two of the SIMD index's chunks of queries (32,768), the last one partial.
        const int n = 300, q = 70_000, dims = 4, k = 3;
        var points = TestData.Gaussian(n, dims, seed: 7);
        var queries = TestData.Gaussian(q, dims, seed: 8);
        var simd = NeighborWidthTests.Search(128, 4).Build(points, n, dims).Query(queries, k);
        var plain = NeighborWidthTests.Search(0, 0).Build(points, n, dims).Query(queries, k);
        Assert.Equal(plain.Indices, simd.Indices);
        Assert.Equal(plain.Distances, simd.Distances);
    }

    [Theory]
    [InlineData(NeighborAlgorithm.KdTree)]
    [InlineData(NeighborAlgorithm.BruteForce)]
    public void External_queries(NeighborAlgorithm algorithm)
    {
        const int n = 900, q = 130, dims = 18, k = 4;
        var points = TestData.Gaussian(n, dims, seed: 5);
        var queries = TestData.Gaussian(q, dims, seed: 6);
        var actual = new NeighborSearch(Algorithm: algorithm).Build(points, n, dims).Query(queries, k);
        for (var i = 0; i < q; i++)
        {
            var expected = Enumerable.Range(0, n)
                .Select(j => (
                    D: DistanceMetric.Euclidean.Reduced(queries.AsSpan(i * dims, dims), points.AsSpan(j * dims, dims)),
                    J: j))
                .OrderBy(t => t.D).ThenBy(t => t.J).Take(k).Select(t => t.J).ToArray();
            Assert.Equal(expected, actual.IndicesOf(i).ToArray());
        }
    }

    [Fact]
    public void Manhattan_tree_equals_brute_force_and_custom_metric_works()
    {
        const int n = 400, dims = 5, k = 5;
        var points = TestData.Grid(n, dims, seed: 3);
        var expected = Reference(points, n, dims, k, false, DistanceMetric.Manhattan);
        var tree = new NeighborSearch(DistanceMetric.Manhattan, NeighborAlgorithm.KdTree)
            .Build(points, n, dims).QuerySelf(k, false);
        var brute = new NeighborSearch(DistanceMetric.Manhattan, NeighborAlgorithm.BruteForce)
            .Build(points, n, dims).QuerySelf(k, false);
        Assert.Equal(expected.Indices, tree.Indices);
        Assert.Equal(expected.Indices, brute.Indices);
        var chebyshev = DistanceMetric.Custom((a, b) =>
        {
            var m = 0.0;
            for (var i = 0; i < a.Length; i++) m = Math.Max(m, Math.Abs(a[i] - b[i]));
            return m;
        }, "chebyshev");
        var custom = new NeighborSearch(chebyshev).Build(points, n, dims).QuerySelf(k, false);
        Assert.Equal(Reference(points, n, dims, k, false, chebyshev).Indices, custom.Indices);
    }

    [Fact]
    public void Asking_for_more_neighbors_than_points_is_a_data_error()
    {
        var points = TestData.Gaussian(5, 2, 1);
        var index = NeighborSearch.Default.Build(points, 5, 2);
        var e = Assert.Throws<DataException>(() => index.QuerySelf(5, includeSelf: false));
        Assert.Contains("only 4", e.Message);
        Assert.Equal(5, index.QuerySelf(5, includeSelf: true).K);
    }
}
