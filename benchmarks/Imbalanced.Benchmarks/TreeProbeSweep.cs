using System.Diagnostics;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>tree-probe</c>: the exact 5-NN of every row (self excluded) by the SIMD scan and by the k-d tree, on one
/// thread, over 8,000 points of 24 dimensions whose first 1, 2, 4 or 6 are standard Gaussian and the rest Gaussian
/// 10, 100 or 1,000 times narrower; with the share of the points the tree examined a query in
/// <see cref="TreeProbe"/>'s probe and the index the automatic choice took. Seconds are the best of three. A Markdown
/// table on standard output (benchmarks/results/tree_probe.md).
/// </summary>
internal static class TreeProbeSweep
{
    private const int Rows = 8000;
    private const int Dims = 24;

    public static int Run()
    {
        Console.WriteLine("| wide dimensions | narrow scale | probe: examined a query | automatic choice | " +
                          "SIMD scan s | k-d tree s | tree / scan |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var wide in new[] { 1, 2, 4, 6 })
            foreach (var scale in new[] { 0.1, 0.01, 0.001 })
            {
                var points = Points(wide, scale);
                var examined = new KdTreeIndex(points, Rows, Dims, DistanceMetric.Euclidean, threads: 1)
                    .MeanExamined(TreeProbe.Probes, TreeProbe.ProbeK) / Rows;
                var chosen = NeighborAlgorithm.Auto;
                new NeighborSearch(MaxDegreeOfParallelism: 1) { OnBuild = a => chosen = a }.Build(points, Rows, Dims);
                var scan = Best(NeighborAlgorithm.BruteForce, points);
                var tree = Best(NeighborAlgorithm.KdTree, points);
                Console.WriteLine($"| {wide} | {scale} | {examined:P1} | {chosen} | {scan:F3} | {tree:F3} | " +
                                  $"{tree / scan:F2} |");
            }
        return 0;
    }

    private static double Best(NeighborAlgorithm algorithm, double[] points)
    {
        var best = double.PositiveInfinity;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            new NeighborSearch(Algorithm: algorithm, MaxDegreeOfParallelism: 1).Build(points, Rows, Dims)
                .QuerySelf(5, includeSelf: false);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static double[] Points(int wide, double scale)
    {
        var random = new SeededRandom(1);
        var points = new double[Rows * Dims];
        for (var i = 0; i < points.Length; i++) points[i] = (i % Dims < wide ? 1 : scale) * random.NextGaussian();
        return points;
    }
}
