using CsCheck;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Synthetic;

namespace Imbalanced.Tests.Sampling;

/// <summary>The neighbours RENN and AllKNN read at each pass: kept from the first pass and asked again only for rows
/// that lost too many, they must be those of an index built again over the rows left.</summary>
public class KeptNeighborsTests
{
    private static readonly NeighborSearch Exact = new(Algorithm: NeighborAlgorithm.Exact);

    /// <summary>Rows on a coarse grid, so that many are repeated and many distances tie.</summary>
    private static Dataset Gridded(int rows, int dims, int classes, long seed)
    {
        var random = new Random((int)seed);
        var points = new double[rows][];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            points[i] = [.. Enumerable.Range(0, dims).Select(_ => (double)random.Next(4))];
            labels[i] = random.Next(10) < 7 ? 0 : 1 + random.Next(classes - 1);
        }
        return Dataset.FromRows(points, labels);
    }

    [Fact]
    public void Each_pass_reads_the_neighbours_a_new_index_over_the_rows_left_gives()
    {
        var refreshed = 0;
        Gen.Select(Gen.Int[30, 90], Gen.Int[1, 3], Gen.Int[1, 5], Gen.Long).Sample((n, dims, k, seed) =>
        {
            var data = Gridded(n, dims, 2, seed);
            var neighbors = new KeptNeighbors(data, Exact, k);
            var random = new Random((int)seed);
            var rows = Enumerable.Range(0, n).ToArray();
            while (rows.Length > k + 1)
            {
                var found = neighbors.Find(rows, k, r => r % 3 != 0);
                var fresh = Exact.Build(data.Select(rows).Numeric, rows.Length, dims).QuerySelf(k, includeSelf: false);
                for (var p = 0; p < rows.Length; p++)
                    if (rows[p] % 3 != 0)
                        Assert.Equal(fresh.IndicesOf(p).ToArray(), found.AsSpan(p * k, k).ToArray());
                // A row goes with chance 1/4: over the passes most rows lose more than the slack kept.
                rows = [.. rows.Where(_ => random.Next(4) != 0)];
            }
            refreshed += neighbors.Refreshed;
        }, iter: 60);
        // The rows asked again were asked of the index too (not a property of every case: of the cases together).
        Assert.True(refreshed > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Renn_and_all_knn_keep_the_rows_of_passes_over_copies_of_the_rows_left(bool mode)
    {
        Gen.Select(Gen.Int[30, 120], Gen.Int[1, 4], Gen.Int[2, 3], Gen.Int[1, 4], Gen.Long).Sample(
            (n, dims, classes, k, seed) =>
            {
                var data = Gridded(n, dims, classes, seed);
                if (data.ClassCounts().Any(c => c <= k)) return;
                int[] renn = [.. Enumerable.Repeat(k, 10)], allKnn = [.. Enumerable.Range(1, k)];
                Assert.Equal(Copies(data, renn, mode, stopWhenUnchanged: true),
                    RepeatedEditedNearestNeighbours.Iterate(data, SamplingStrategy.Auto, renn, mode,
                        stopWhenUnchanged: true, allowMinority: false, Exact));
                Assert.Equal(Copies(data, allKnn, mode, stopWhenUnchanged: false),
                    RepeatedEditedNearestNeighbours.Iterate(data, SamplingStrategy.Auto, allKnn, mode,
                        stopWhenUnchanged: false, allowMinority: false, Exact));
            }, iter: 80);
    }

    /// <summary>The passes as imbalanced-learn runs them: a new index over a copy of the rows left at each pass, and
    /// its stopping rules (nothing removed, a class other than the minority below the minority's count, a class
    /// gone).</summary>
    private static int[] Copies(Dataset data, int[] counts, bool mode, bool stopWhenUnchanged)
    {
        var original = data.ClassCounts();
        var minority = Array.IndexOf(original, original.Min());
        var rows = Enumerable.Range(0, data.RowCount).ToArray();
        foreach (var k in counts)
        {
            var current = data.Select(rows);
            var targeted = SamplingStrategy.Auto
                .Resolve(current.ClassCounts(), current.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
            var keep = NeighborVotes.EditedKeep(current, targeted, k, mode, Exact);
            var unchanged = keep.Length == rows.Length;
            rows = [.. keep.Select(i => rows[i])];
            var left = new int[original.Length];
            foreach (var r in rows) left[data.Labels[r]]++;
            var below = Enumerable.Range(0, left.Length)
                .Any(c => c != minority && left[c] > 0 && left[c] < original[minority]);
            var lost = Enumerable.Range(0, left.Length).Any(c => original[c] > 0 && left[c] == 0);
            if ((stopWhenUnchanged && unchanged) || below || lost) break;
        }
        return rows;
    }

    [Fact]
    public void Approximate_passes_keep_the_same_rows_whatever_the_thread_count()
    {
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 3000,
            Features = 20,
            Weights = [0.8],
            Seed = 4,
        });
        int[] Run(int threads) => RepeatedEditedNearestNeighbours.Iterate(data, SamplingStrategy.Auto, [3, 3, 3, 3],
            mode: false, stopWhenUnchanged: true, allowMinority: true,
            new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate, MaxDegreeOfParallelism: threads)
            {
                Approximate = new ApproximateOptions { Lists = 30, GraphFrom = 1, Seed = 1 },
            });
        var one = Run(1);
        Assert.True(one.Length < 3000);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(3));
    }
}
