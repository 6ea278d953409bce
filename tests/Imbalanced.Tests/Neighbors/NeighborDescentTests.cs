using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The approximate index's self-join by neighbour descent (<see cref="ApproximateOptions.GraphFrom"/>),
/// forced here on small data.</summary>
public class NeighborDescentTests
{
    private static NeighborSearch Graph(ApproximateOptions? options = null, int threads = 0) =>
        new(Algorithm: NeighborAlgorithm.Approximate, MaxDegreeOfParallelism: threads)
        {
            Approximate = options ?? new ApproximateOptions { GraphFrom = 1 },
        };

    [Fact]
    public void Descent_lifts_recall_far_above_its_first_graph()
    {
        const int n = 10_000, d = 20, k = 3;
        var points = ApproximateIndexTests.Generated(n, seed: 1);
        var exact = new NeighborSearch(Algorithm: NeighborAlgorithm.BruteForce).Build(points, n, d)
            .QuerySelf(k, includeSelf: false);
        var options = new ApproximateOptions { Lists = 100, GraphFrom = 1 };
        var graph = Graph(options).Build(points, n, d).QuerySelf(k, includeSelf: false);
        // The first graph alone: the same four probes per point, no descent.
        var first = Graph(options with { GraphFrom = int.MaxValue, Probes = ApproximateOptions.GraphProbes })
            .Build(points, n, d).QuerySelf(k, includeSelf: false);
        var (graphRecall, firstRecall) = (ApproximateIndexTests.Recall(exact, graph),
            ApproximateIndexTests.Recall(exact, first));
        Assert.True(graphRecall >= 0.95, $"recall@3 with descent = {graphRecall}");
        Assert.True(graphRecall > firstRecall + 0.1, $"descent {graphRecall}, first graph {firstRecall}");
    }

    [Fact]
    public void Same_answer_whatever_the_thread_count_and_the_seed_is_used()
    {
        const int n = 3_000, d = 20, k = 5;
        var points = ApproximateIndexTests.Generated(n, seed: 2);
        var options = new ApproximateOptions { Lists = 50, GraphFrom = 1, GraphWidth = 8, Seed = 3 };
        var expected = Graph(options, threads: 1).Build(points, n, d).QuerySelf(k, includeSelf: false);
        foreach (var threads in new[] { 2, 4, 0 })
        {
            var actual = Graph(options, threads).Build(points, n, d).QuerySelf(k, includeSelf: false);
            Assert.Equal(expected.Indices, actual.Indices);
            Assert.Equal(expected.Distances, actual.Distances);
        }
        var other = Graph(options with { Seed = 4 }).Build(points, n, d).QuerySelf(k, includeSelf: false);
        Assert.NotEqual(expected.Indices, other.Indices);
    }

    [Fact]
    public void Answers_are_distinct_sorted_true_distances_with_self_first_when_asked()
    {
        const int n = 2_000, d = 20, k = 6;
        var points = ApproximateIndexTests.Generated(n, seed: 5);
        var index = Graph(new ApproximateOptions { Lists = 30, GraphFrom = 1, GraphWidth = 4 }).Build(points, n, d);
        var without = index.QuerySelf(k, includeSelf: false);
        var with = index.QuerySelf(k, includeSelf: true);
        for (var i = 0; i < n; i++)
        {
            ApproximateIndexTests.AssertTrueNeighbours(without, points, d, i);
            Assert.Equal(i, with.IndicesOf(i)[0]);
            Assert.Equal(0.0, with.DistancesOf(i)[0]);
            Assert.Equal(with.IndicesOf(i)[1..].ToArray(), without.IndicesOf(i)[..(k - 1)].ToArray());
        }
    }

    [Fact]
    public void Duplicates_are_each_others_nearest_lower_index_first()
    {
        const int distinct = 400, copies = 3, d = 20, k = 2;
        var basePoints = ApproximateIndexTests.Generated(distinct, seed: 6);
        var n = distinct * copies;
        var points = new double[n * d];
        for (var i = 0; i < n; i++) basePoints.AsSpan(i % distinct * d, d).CopyTo(points.AsSpan(i * d, d));
        var index = Graph(new ApproximateOptions { Lists = 20, GraphFrom = 1 }).Build(points, n, d);
        var without = index.QuerySelf(k, includeSelf: false);
        var with = index.QuerySelf(k + 1, includeSelf: true);
        for (var i = 0; i < n; i++)
        {
            var twins = Enumerable.Range(0, copies).Select(c => i % distinct + c * distinct).ToArray();
            Assert.Equal(twins.Where(j => j != i).ToArray(), without.IndicesOf(i).ToArray());
            // With itself: the exact engine's order, lower index first among the equal distances.
            Assert.Equal(twins, with.IndicesOf(i).ToArray());
        }
        // Fewer places than twins: a point is left out of its own answer where lower-index twins fill it, as the
        // exact engine does.
        var exact = new NeighborSearch(Algorithm: NeighborAlgorithm.BruteForce).Build(points, n, d)
            .QuerySelf(k, includeSelf: true);
        var approximate = index.QuerySelf(k, includeSelf: true);
        Assert.Equal(exact.Indices, approximate.Indices);
        Assert.Equal(exact.Distances, approximate.Distances);
        Assert.DoesNotContain(2 * distinct, approximate.IndicesOf(2 * distinct).ToArray());
    }

    [Fact]
    public void The_graph_is_used_from_its_threshold_and_bad_options_are_refused()
    {
        Assert.Equal(1_000_000, new ApproximateOptions().GraphFromFor());
        Assert.Equal(24, new ApproximateOptions().GraphWidthFor(1));
        Assert.Equal(24, new ApproximateOptions().GraphWidthFor(3));
        Assert.Equal(36, new ApproximateOptions().GraphWidthFor(5));
        Assert.Equal(7, new ApproximateOptions { GraphWidth = 7 }.GraphWidthFor(5));
        var points = ApproximateIndexTests.Generated(100);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Graph(new ApproximateOptions { GraphFrom = -1 }).Build(points, 100, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Graph(new ApproximateOptions { GraphWidth = -2 }).Build(points, 100, 20));
    }
}
