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

    /// <summary>A block's reader of the samples (bit counts over the entries' states) names exactly the entries of
    /// the samples in the block (in list order rather than kind after kind), whatever the entries' states: lists of
    /// 24 places (one group of 32) and of 40 (two).</summary>
    [Theory]
    [InlineData(24)]
    [InlineData(40)]
    public void The_blocks_reader_names_the_samples_entries_in_the_block(int width)
    {
        const int n = 600, d = 5, sample = 7;
        var points = ApproximateIndexTests.Generated(n, d, seed: width);
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        var descent = new NeighborDescent(new PointRows(points, null, n, d), order, width, threads: 2);
        var random = new Random(width);
        // First lists of various lengths, some shorter than the list (their places after them empty).
        var first = new int[n * width];
        for (var v = 0; v < n; v++)
        {
            var length = random.Next(width / 2, width + 1);
            var picked = Enumerable.Range(0, n).Where(u => u != order[v]).OrderBy(_ => random.Next()).Take(length)
                .ToArray();
            for (var j = 0; j < width; j++) first[v * width + j] = j < length ? picked[j] : -1;
        }
        descent.Seed(0, n, first, width);
        descent.Refine(rounds: 1, sample, delta: 0);
        for (var v = 0; v < n; v++)
            for (var j = 0; j < width; j++)
                descent.Flags.Set(v, j, random.Next(4));
        var entries = new int[2 * sample];
        var slots = new int[2 * sample];
        foreach (var (lo, hi) in new[] { (0, n), (0, 37), (100, 250), (599, 600) })
            for (var u = 0; u < n; u++)
            {
                descent.Samples(u, sample, entries);
                var expected = entries.Select((x, j) => (x, j))
                    .Where(e => e.x >= lo && e.x < hi)
                    .Select(e => e.j / sample * (hi - lo) + e.x - lo).Order();
                var count = descent.Listing(u, sample, lo, hi, slots);
                // In any order: each names a row for a point's reverse list, which is sorted.
                Assert.Equal(expected, slots[..count].Order());
            }
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

    /// <summary>Descents of narrow, then wider rows on the same thread (the room a thread keeps for a list owner's
    /// widened row must grow), each with the answers of a descent run on its own.</summary>
    [Fact]
    public void A_thread_runs_a_descent_of_wider_rows_after_narrower_ones()
    {
        var answers = new List<KNeighbors>();
        foreach (var d in new[] { 3, 9, 24 })
        {
            const int n = 600;
            var rng = new Imbalanced.Randomness.SeededRandom(d);
            var points = Enumerable.Range(0, n * d).Select(_ => rng.NextDouble()).ToArray();
            var options = new ApproximateOptions { Lists = 10, GraphFrom = 1 };
            var answer = Graph(options, threads: 1).Build(points, n, d).QuerySelf(4, includeSelf: false);
            var alone = new Thread(() => answers.Add(Graph(options, threads: 1).Build(points, n, d)
                .QuerySelf(4, includeSelf: false)));
            alone.Start();
            alone.Join();
            Assert.Equal(answers[^1].Indices, answer.Indices);
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
