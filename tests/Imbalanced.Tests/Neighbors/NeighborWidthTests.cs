using System.Collections.Concurrent;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Neighbors;

/// <summary>
/// The SIMD kernel at every vector width (512, 256, 128 bits) and tile height (8 rows for 32 vector registers,
/// 4 for 16), all forced on this machine, plus the plain double brute force (width 0): each must give exactly
/// the brute-force answer in double, ties by distance then lower index, whatever the thread count.
/// </summary>
public class NeighborWidthTests
{
    /// <summary>(vector bits, tile rows); 0 bits is <see cref="VectorWidth.None"/>.</summary>
    public static TheoryData<int, int> Kernels() => new()
    {
        { 512, 8 }, { 512, 4 }, { 256, 8 }, { 256, 4 }, { 128, 8 }, { 128, 4 }, { 0, 0 },
    };

    private static readonly ConcurrentDictionary<string, KNeighbors> References = new();

    internal static NeighborSearch Search(int bits, int rows, int threads = 0) =>
        new(Algorithm: NeighborAlgorithm.BruteForce, MaxDegreeOfParallelism: threads)
        {
            VectorWidth = bits switch
            {
                512 => VectorWidth.W512,
                256 => VectorWidth.W256,
                128 => VectorWidth.W128,
                _ => VectorWidth.None,
            },
            TileRows = rows,
        };

    private static KNeighbors Reference(string name, double[] points, int n, int d, int k, bool includeSelf) =>
        References.GetOrAdd($"{name}/{n}/{d}/{k}/{includeSelf}",
            _ => NeighborEngineTests.Reference(points, n, d, k, includeSelf));

    private static void AssertSame(KNeighbors expected, KNeighbors actual)
    {
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Distances, actual.Distances);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void The_forced_kernel_is_the_one_built(int bits, int rows)
    {
        var points = TestData.Gaussian(300, 20, seed: 1);
        var index = Search(bits, rows).Build(points, 300, 20);
        if (bits == 0)
        {
            Assert.IsType<BruteForceIndex>(index);
            return;
        }
        var simd = Assert.IsType<SimdEuclideanIndex>(index);
        Assert.Equal($"W{bits}", simd.Width.ToString());
        Assert.Equal(rows, simd.TileRows);
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Exact_with_ties_broken_by_lower_index(int bits, int rows)
    {
        // Integer grid points tie often: the answer must still be the one with lower indices first.
        const int n = 700, k = 7;
        foreach (var dims in new[] { 3, 20, 33 })
        {
            var points = TestData.Grid(n, dims, seed: dims);
            foreach (var includeSelf in new[] { false, true })
            {
                var expected = Reference("grid", points, n, dims, k, includeSelf);
                AssertSame(expected, Search(bits, rows).Build(points, n, dims).QuerySelf(k, includeSelf));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Continuous_data_matches_brute_force_reference(int bits, int rows)
    {
        const int n = 1500, dims = 24, k = 5;
        var points = TestData.Gaussian(n, dims, seed: 9);
        var expected = Reference("gaussian", points, n, dims, k, includeSelf: false);
        AssertSame(expected, Search(bits, rows).Build(points, n, dims).QuerySelf(k, includeSelf: false));
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Exact_when_single_precision_cannot_tell_neighbors_apart(int bits, int rows)
    {
        // Two clusters far apart, points within a cluster on a fine grid, with exact ties: after centring the
        // squared norms are large and float's rounding is comparable to (offset 30, step 0.1) or far above
        // (offset 1000, step 0.001) the distances within a cluster, so only the double-precision re-check with a
        // sound error bound gets these right.
        const int n = 600, dims = 20, k = 6;
        foreach (var (offset, step) in new[] { (30.0, 0.1), (1000.0, 1e-3) })
        {
            var rng = new SeededRandom(7);
            var points = new double[n * dims];
            for (var i = 0; i < n; i++)
                for (var d = 0; d < dims; d++)
                    points[i * dims + d] = (i % 2 == 0 ? offset : -offset) + step * rng.NextInt(3);
            var expected = Reference($"far{offset}", points, n, dims, k, includeSelf: false);
            AssertSame(expected, Search(bits, rows).Build(points, n, dims).QuerySelf(k, includeSelf: false));
        }
    }

    /// <summary>A table as users have them: an income-like column in the hundreds of thousands beside 0/1 flags and
    /// small counts, with duplicate rows. Float distances cannot separate neighbours that differ only in the flags,
    /// so most queries are answered by a float pass over every point that bounds each double distance; the answers,
    /// ties included, are the double brute force's, for the points themselves (with and without self), for outside
    /// queries and for queries limited to a radius.</summary>
    [Theory]
    [MemberData(nameof(Kernels))]
    public void Exact_when_one_feature_dwarfs_the_others(int bits, int rows)
    {
        const int n = 700, q = 90, dims = 13, k = 5;
        double[] Table(int count, long seed)
        {
            var rng = new SeededRandom(seed);
            var t = new double[count * dims];
            for (var i = 0; i < count; i++)
            {
                t[i * dims] = 20_000 + 1_000 * rng.NextInt(150);
                t[i * dims + 1] = rng.NextInt(40);
                for (var c = 2; c < dims; c++) t[i * dims + c] = rng.NextInt(2);
            }
            return t;
        }
        var points = Table(n, 11);
        var queries = Table(q, 12);
        var brute = new BruteForceIndex(points, n, dims, DistanceMetric.Euclidean, 2);
        var index = Search(bits, rows).Build(points, n, dims);
        foreach (var self in new[] { false, true })
            AssertSame(brute.QuerySelf(k, self), index.QuerySelf(k, self));
        AssertSame(brute.Query(queries, k), index.Query(queries, k));
        // Scanned queries go four at a time: three fill part of a group.
        var three = queries[..(3 * dims)];
        AssertSame(brute.Query(three, k), index.Query(three, k));
        if (index is not SimdEuclideanIndex simd) return;
        Assert.True(simd.Scans > n / 10, $"{simd.Scans} queries scanned every point");
        AssertWithin(brute, simd, queries, k, [.. Enumerable.Range(0, q).Select(i => i % 3 == 0 ? 4.0 : 1e7)]);
    }

    /// <summary>Queries limited to a radius each: the brute force's answer with the neighbours beyond the limit
    /// left empty.</summary>
    private static void AssertWithin(BruteForceIndex brute, SimdEuclideanIndex simd, double[] queries, int k,
        double[] within)
    {
        var limited = simd.QueryWithin(queries, k, within);
        var all = brute.Query(queries, k);
        for (var i = 0; i < within.Length * k; i++)
        {
            var inside = all.Distances[i] * all.Distances[i] <= within[i / k];
            Assert.Equal(inside ? all.Indices[i] : -1, limited.Indices[i]);
            Assert.Equal(inside ? all.Distances[i] : double.PositiveInfinity, limited.Distances[i]);
        }
    }

    /// <summary>Many copies of few rows: every query ties with more points than any candidate list holds and is
    /// scanned, queries with the same row sharing one pass; the answers, ties by index, are the brute force's, for
    /// the points (with and without self), for outside queries that repeat rows, and for radius limits that differ
    /// between queries of the same row, whatever the thread count.</summary>
    [Theory]
    [MemberData(nameof(Kernels))]
    public void Exact_with_many_duplicate_rows(int bits, int rows)
    {
        const int n = 1200, q = 150, dims = 9, k = 5;
        var rng = new SeededRandom(21);
        var distinct = new double[40 * dims];
        for (var i = 0; i < distinct.Length; i++) distinct[i] = rng.NextInt(3) + (i % dims == 0 ? 50_000 : 0);
        double[] Copies(int count, long seed)
        {
            var pick = new SeededRandom(seed);
            var t = new double[count * dims];
            for (var i = 0; i < count; i++) distinct.AsSpan(pick.NextInt(40) * dims, dims).CopyTo(t.AsSpan(i * dims));
            return t;
        }
        var points = Copies(n, 22);
        var queries = Copies(q, 23);
        var brute = new BruteForceIndex(points, n, dims, DistanceMetric.Euclidean, 2);
        foreach (var threads in new[] { 1, 4 })
        {
            var index = Search(bits, rows, threads).Build(points, n, dims);
            foreach (var self in new[] { false, true })
                AssertSame(brute.QuerySelf(k, self), index.QuerySelf(k, self));
            AssertSame(brute.Query(queries, k), index.Query(queries, k));
            if (index is not SimdEuclideanIndex simd) continue;
            Assert.True(simd.Scans > n, $"{simd.Scans} queries scanned every point");
            AssertWithin(brute, simd, queries, k, [.. Enumerable.Range(0, q).Select(i => i % 2 == 0 ? 0.5 : 1e9)]);
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Same_answer_whatever_the_thread_count(int bits, int rows)
    {
        const int n = 1600, dims = 21, k = 6;
        var points = TestData.Gaussian(n, dims, seed: 4);
        var exact = References.GetOrAdd("threads",
            _ => new BruteForceIndex(points, n, dims, DistanceMetric.Euclidean, 2).QuerySelf(k, false));
        foreach (var threads in new[] { 1, 2, 4 })
            AssertSame(exact, Search(bits, rows, threads).Build(points, n, dims).QuerySelf(k, false));
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void External_queries(int bits, int rows)
    {
        const int n = 900, q = 130, dims = 18, k = 4;
        var points = TestData.Gaussian(n, dims, seed: 5);
        var queries = TestData.Gaussian(q, dims, seed: 6);
        var exact = References.GetOrAdd("queries",
            _ => new BruteForceIndex(points, n, dims, DistanceMetric.Euclidean, 2).Query(queries, k));
        foreach (var threads in new[] { 1, 4 })
            AssertSame(exact, Search(bits, rows, threads).Build(points, n, dims).Query(queries, k));
    }
}
