using Imbalanced.Clustering;
using Imbalanced.Neighbors;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Synthetic;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Neighbors;

public class ApproximateIndexTests
{
    private static NeighborSearch Approximate(ApproximateOptions? options = null, int threads = 0) =>
        new(Algorithm: NeighborAlgorithm.Approximate, MaxDegreeOfParallelism: threads)
        {
            Approximate = options ?? new ApproximateOptions(),
        };

    /// <summary><c>generate</c>d points, 5% minority (also for <see cref="NeighborDescentTests"/>).</summary>
    internal static double[] Generated(int rows, int features = 20, long seed = 0) =>
        ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = rows,
            Features = features,
            Weights = [0.95],
            Seed = seed,
        }).NumericValues.ToArray();

    /// <summary>The share of the exact neighbours the approximate answer found.</summary>
    internal static double Recall(KNeighbors exact, KNeighbors approximate)
    {
        long hits = 0;
        for (var q = 0; q < exact.QueryCount; q++)
        {
            var truth = exact.IndicesOf(q).ToArray();
            foreach (var j in approximate.IndicesOf(q)) if (Array.IndexOf(truth, j) >= 0) hits++;
        }
        return (double)hits / exact.Indices.Length;
    }

    [Fact]
    public void Recall_at_5_is_at_least_0_99_on_generated_data_with_the_defaults()
    {
        // 10,000 rows keep the test to seconds in a Debug build; at 20,000 (Release) recall@5 is 0.993.
        const int n = 10_000, d = 20, k = 5;
        var points = Generated(n);
        var exact = new NeighborSearch(Algorithm: NeighborAlgorithm.BruteForce).Build(points, n, d)
            .QuerySelf(k, includeSelf: false);
        var approximate = Approximate().Build(points, n, d).QuerySelf(k, includeSelf: false);
        var recall = Recall(exact, approximate);
        Assert.True(recall >= 0.99, $"recall@5 = {recall}");
        Assert.Equal(NeighborAlgorithm.Approximate, Approximate().Choose(n, d));
    }

    [Fact]
    public void Same_answer_whatever_the_thread_count()
    {
        const int n = 2_000, d = 20, k = 6;
        var points = Generated(n, seed: 4);
        var options = new ApproximateOptions { Lists = 40, Probes = 5 };
        var one = Approximate(options, threads: 1).Build(points, n, d);
        var two = Approximate(options, threads: 2).Build(points, n, d);
        var all = Approximate(options).Build(points, n, d);
        var expected = one.QuerySelf(k, includeSelf: false);
        foreach (var index in new[] { two, all })
        {
            var actual = index.QuerySelf(k, includeSelf: false);
            Assert.Equal(expected.Indices, actual.Indices);
            Assert.Equal(expected.Distances, actual.Distances);
        }
        var queries = Generated(300, seed: 5);
        Assert.Equal(one.Query(queries, k).Indices, two.Query(queries, k).Indices);
        Assert.Equal(one.Query(queries, k).Indices, all.Query(queries, k).Indices);
    }

    [Fact]
    public void Same_seed_same_answer_and_the_seed_is_used()
    {
        const int n = 2_000, d = 20, k = 5;
        var points = Generated(n, seed: 6);
        var options = new ApproximateOptions { Lists = 40, Probes = 3, Seed = 11 };
        var first = Approximate(options).Build(points, n, d).QuerySelf(k, includeSelf: false);
        var again = Approximate(options).Build(points, n, d).QuerySelf(k, includeSelf: false);
        var other = Approximate(options with { Seed = 12 }).Build(points, n, d).QuerySelf(k, includeSelf: false);
        Assert.Equal(first.Indices, again.Indices);
        Assert.Equal(first.Distances, again.Distances);
        Assert.NotEqual(first.Indices, other.Indices);
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(20, false)]
    [InlineData(3, false)]
    public void Probing_every_list_is_exact_with_ties_and_self(int dims, bool includeSelf)
    {
        // Integer grid points tie often: the answer must be the exact engine's, lower indices first.
        const int n = 900, k = 7;
        var points = TestData.Grid(n, dims, seed: dims);
        var options = new ApproximateOptions { Lists = 12, Probes = 12 };
        var expected = NeighborEngineTests.Reference(points, n, dims, k, includeSelf);
        var index = Approximate(options).Build(points, n, dims);
        var actual = index.QuerySelf(k, includeSelf);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Distances, actual.Distances);
        var queries = TestData.Grid(50, dims, seed: 99);
        var exactQueries = new NeighborSearch(Algorithm: NeighborAlgorithm.BruteForce).Build(points, n, dims)
            .Query(queries, k);
        var approximateQueries = index.Query(queries, k);
        Assert.Equal(exactQueries.Indices, approximateQueries.Indices);
        Assert.Equal(exactQueries.Distances, approximateQueries.Distances);
    }

    [Fact]
    public void Include_self_puts_each_distinct_point_first_and_exclude_self_never_returns_it()
    {
        const int n = 3_000, d = 20, k = 4;
        var points = Generated(n, seed: 7);
        var index = Approximate(new ApproximateOptions { Lists = 40, Probes = 4 }).Build(points, n, d);
        var with = index.QuerySelf(k, includeSelf: true);
        var without = index.QuerySelf(k, includeSelf: false);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(i, with.IndicesOf(i)[0]);
            Assert.Equal(0.0, with.DistancesOf(i)[0]);
            Assert.DoesNotContain(i, without.IndicesOf(i).ToArray());
            Assert.Equal(with.IndicesOf(i)[1..].ToArray(), without.IndicesOf(i)[..(k - 1)].ToArray());
        }
    }

    [Fact]
    public void K_larger_than_a_list_still_gives_k_true_neighbours()
    {
        const int n = 300, d = 12, k = 20;
        var points = Generated(n, features: d, seed: 8);
        var answer = Approximate(new ApproximateOptions { Lists = 60, Probes = 1 }).Build(points, n, d)
            .QuerySelf(k, includeSelf: false);
        for (var i = 0; i < n; i++) AssertTrueNeighbours(answer, points, d, i);
    }

    /// <summary>Row <paramref name="i"/> of a self-join without self: k distinct other points, with their true
    /// Euclidean distances, nearest first.</summary>
    internal static void AssertTrueNeighbours(KNeighbors answer, double[] points, int d, int i)
    {
        var indices = answer.IndicesOf(i).ToArray();
        Assert.Equal(answer.K, indices.Distinct().Count());
        Assert.DoesNotContain(i, indices);
        for (var c = 0; c < answer.K; c++)
        {
            var distance = Math.Sqrt(DistanceMetric.Euclidean.Reduced(points.AsSpan(i * d, d),
                points.AsSpan(indices[c] * d, d)));
            Assert.Equal(distance, answer.DistancesOf(i)[c]);
            if (c > 0) Assert.True(answer.DistancesOf(i)[c - 1] <= answer.DistancesOf(i)[c]);
        }
    }

    [Fact]
    public void Duplicates_are_each_others_nearest_lower_index_first()
    {
        const int distinct = 250, copies = 4, d = 20, k = 3;
        var basePoints = Generated(distinct, seed: 9);
        var n = distinct * copies;
        var points = new double[n * d];
        for (var i = 0; i < n; i++) basePoints.AsSpan(i % distinct * d, d).CopyTo(points.AsSpan(i * d, d));
        var answer = Approximate(new ApproximateOptions { Lists = 30, Probes = 2 }).Build(points, n, d)
            .QuerySelf(k, includeSelf: false);
        for (var i = 0; i < n; i++)
        {
            var twins = Enumerable.Range(0, copies).Select(c => i % distinct + c * distinct).Where(j => j != i);
            Assert.Equal(twins.ToArray(), answer.IndicesOf(i).ToArray());
            Assert.All(answer.DistancesOf(i).ToArray(), v => Assert.Equal(0.0, v));
        }
    }

    [Fact]
    public void Tiny_data_with_more_lists_than_points()
    {
        double[] points = [0, 0, 1, 0, 5, 5];
        var index = Approximate(new ApproximateOptions { Lists = 10, Probes = 10 }).Build(points, 3, 2);
        var answer = index.QuerySelf(2, includeSelf: false);
        Assert.Equal(new[] { 1, 2, 0, 2, 1, 0 }, answer.Indices);
        Assert.Equal(new[] { 0 }, Approximate().Build([3.0], 1, 1).QuerySelf(1, includeSelf: true).Indices);
        Assert.Throws<DataException>(() => index.QuerySelf(3, includeSelf: false));
    }

    [Fact]
    public void Auto_stays_exact_below_the_threshold_and_other_metrics_stay_exact()
    {
        const int threshold = NeighborSearch.ApproximateMinRows;
        Assert.NotEqual(NeighborAlgorithm.Approximate, NeighborSearch.Default.Choose(threshold - 1, 20));
        Assert.Equal(NeighborAlgorithm.Approximate, NeighborSearch.Default.Choose(threshold, 20));
        Assert.Equal(NeighborAlgorithm.KdTree, NeighborSearch.Default.Choose(1_000_000, 4));
        var manhattan = Approximate() with { Metric = DistanceMetric.Manhattan };
        Assert.Equal(NeighborAlgorithm.KdTree, manhattan.Choose(1_000_000, 4));
        // Above TreeMaxDimensions a k-d tree prunes little and reads its points out of order: brute force (CCR's
        // L1 search on 200,000 × 20 generated rows took 63 s by the tree, 12.6 s by brute force).
        Assert.Equal(NeighborAlgorithm.BruteForce, manhattan.Choose(1_000_000, NeighborSearch.TreeMaxDimensions + 1));
        Assert.Equal(NeighborAlgorithm.BruteForce, (manhattan with { Metric = DistanceMetric.Custom((a, b) => 0) })
            .Choose(1_000_000, 40));
        var built = new List<NeighborAlgorithm>();
        var data = TestData.Binary(300, 60, dims: 20);
        new EditedNearestNeighbours(new EditedNearestNeighboursOptions
        {
            Neighbors = NeighborSearch.Default with { OnBuild = built.Add },
        }).FitResample(data);
        Assert.Equal([NeighborAlgorithm.BruteForce], built);
    }

    [Fact]
    public void Samplers_get_the_approximate_index_through_their_options()
    {
        var data = TestData.Binary(400, 80, dims: 20, seed: 3);
        var built = new List<NeighborAlgorithm>();
        // Every list probed: the approximate index must give exactly the exact answer.
        var search = Approximate(new ApproximateOptions { Lists = 8, Probes = 8 }) with { OnBuild = built.Add };
        var exact = new EditedNearestNeighbours().FitResample(data);
        var approximate = new EditedNearestNeighbours(new EditedNearestNeighboursOptions { Neighbors = search })
            .FitResample(data);
        Assert.Equal(exact.KeptInputRows, approximate.KeptInputRows);
        Assert.Equal([NeighborAlgorithm.Approximate], built);
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        var points = Generated(100);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Approximate(new ApproximateOptions { Probes = -1 }).Build(points, 100, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Approximate(new ApproximateOptions { Iterations = 0 }).Build(points, 100, 20));
        Assert.Throws<ArgumentException>(() => KMeans.Fit(points, 100, 20,
            new KMeansOptions { Clusters = 2, InitialCenters = new double[3] }));
    }
}
