using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Tests.Neighbors;

public class TreeProbeTests
{
    private const int Dims = 24;

    /// <summary>Rows of <see cref="Dims"/> features: the first <paramref name="wide"/> Gaussian with standard
    /// deviation <paramref name="wideScale"/>, rounded to multiples of <paramref name="step"/> (as salaries are), the
    /// rest 0/1 flags times <paramref name="flagScale"/>; then the first <paramref name="copies"/> rows again (rows
    /// at distance 0 from each other).</summary>
    private static double[] Rows(int n, int wide, double wideScale, double flagScale, int seed, double step = 1,
        int copies = 0)
    {
        var random = new SeededRandom(seed);
        var points = new double[(n + copies) * Dims];
        for (var i = 0; i < n; i++)
            for (var d = 0; d < Dims; d++)
                points[i * Dims + d] = d < wide
                    ? step * Math.Round(wideScale / step * random.NextGaussian())
                    : flagScale * random.NextInt(2);
        Array.Copy(points, 0, points, n * Dims, copies * Dims);
        return points;
    }

    private static (INeighborIndex Index, List<NeighborAlgorithm> Built) Build(double[] points, int n,
        NeighborAlgorithm algorithm = NeighborAlgorithm.Auto)
    {
        var built = new List<NeighborAlgorithm>();
        var index = new NeighborSearch(Algorithm: algorithm) { OnBuild = built.Add }.Build(points, n, Dims);
        return (index, built);
    }

    [Theory]
    [InlineData(NeighborAlgorithm.Auto, 1, 0)]
    [InlineData(NeighborAlgorithm.Exact, 1, 0)]
    [InlineData(NeighborAlgorithm.Auto, 1000, 300)]
    public void A_salary_beside_flags_gets_the_tree_with_the_scans_answers(NeighborAlgorithm algorithm, double step,
        int copies)
    {
        // Two wide columns (a salary, a company size) beside 22 flags: low-dimensional in all but name. Salaries in
        // steps of 1,000 and repeated rows make many distances tie: the lower index must win in the tree as in the
        // scan.
        const int k = 5;
        var n = 3000 + copies;
        var points = Rows(3000, wide: 2, wideScale: 40_000, flagScale: 1, seed: 4, step, copies);
        var (tree, built) = Build(points, n, algorithm);
        var (scan, scanBuilt) = Build(points, n, NeighborAlgorithm.BruteForce);
        Assert.Equal([NeighborAlgorithm.KdTree], built);
        Assert.Equal([NeighborAlgorithm.BruteForce], scanBuilt);
        var self = tree.QuerySelf(k, includeSelf: false);
        var expected = scan.QuerySelf(k, includeSelf: false);
        Assert.Equal(expected.Indices, self.Indices);
        Assert.Equal(expected.Distances, self.Distances);
        var queries = Rows(200, wide: 2, wideScale: 40_000, flagScale: 1, seed: 5);
        Assert.Equal(scan.Query(queries, k).Indices, tree.Query(queries, k).Indices);
        Assert.Equal(scan.Query(queries, k).Distances, tree.Query(queries, k).Distances);
    }

    [Fact]
    public void Features_of_one_scale_keep_the_scan_without_building_a_tree()
    {
        const int n = 3000;
        var points = Rows(n, wide: Dims, wideScale: 1000, flagScale: 1, seed: 6);
        Assert.False(TreeProbe.Concentrated(new PointRows(points, null, n, Dims)));
        Assert.Equal([NeighborAlgorithm.BruteForce], Build(points, n).Built);
    }

    [Fact]
    public void Six_wide_features_pass_the_variance_test_but_the_probe_keeps_the_scan()
    {
        // Six wide dimensions are too many for the tree to prune well: the probe sees it examine many points.
        const int n = 3000;
        var points = Rows(n, wide: 6, wideScale: 100, flagScale: 1, seed: 7);
        var rows = new PointRows(points, null, n, Dims);
        Assert.True(TreeProbe.Concentrated(rows));
        Assert.Null(TreeProbe.TreeIfFaster(rows, threads: 1));
        Assert.Equal([NeighborAlgorithm.BruteForce], Build(points, n).Built);
    }

    [Fact]
    public void The_probe_counts_what_the_tree_examines()
    {
        // All points equal but one coordinate: each query finds its 5 nearest among few leaves, never all points.
        const int n = 4000, d = 12;
        var points = new double[n * d];
        for (var i = 0; i < n; i++) points[i * d] = i;
        var tree = new KdTreeIndex(points, n, d, DistanceMetric.Euclidean, threads: 1);
        var examined = tree.MeanExamined(TreeProbe.Probes, TreeProbe.ProbeK);
        Assert.InRange(examined, TreeProbe.ProbeK + 1, 100);
        var everything = new KdTreeIndex(new double[n * d], n, d, DistanceMetric.Euclidean, threads: 1);
        Assert.Equal(n, everything.MeanExamined(TreeProbe.Probes, TreeProbe.ProbeK));
    }
}
