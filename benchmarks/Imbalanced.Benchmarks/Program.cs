using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Benchmarks;

/// <summary>
/// BenchmarkDotNet suites (no arguments, or BenchmarkDotNet's own), plus two side-by-side modes: one used by
/// <c>benchmarks/compare.sh</c>: <c>knn FILE TARGET K</c> times the exact k-NN of every row of a CSV against
/// all rows, as scikit-learn's <c>NearestNeighbors.kneighbors(X)</c> does (self included); and
/// <c>partitions ROWS</c> (<c>benchmarks/partitions.sh</c>), the cost of partitioned runs;
/// <c>plot-scaling CSV PNG</c> (<see cref="ScalingPlot"/>); and
/// <c>ann FILE TARGET K [EXACT_OUT]</c>, used by <c>benchmarks/approximate_neighbors.sh</c> (see
/// <see cref="ApproximateKnn"/>); <c>learners FILE TARGET [FITS]</c>, the cost of a fit of each of
/// <c>compare</c>'s default learners, alone and two side by side (<see cref="LearnerFits"/>); <c>tree-probe</c>, the
/// SIMD scan against the k-d tree where a few dimensions are wide (<see cref="TreeProbeSweep"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "plot-scaling") return ScalingPlot.Draw(args[1], args[2]);
        if (args.Length == 2 && args[0] == "partitions")
            return PartitionedRunTable.Print(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length >= 2 && args[0] == "io")
            return TableIo.Run(int.Parse(args[1], CultureInfo.InvariantCulture),
                args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
        if (args.Length == 4 && args[0] == "knn")
            return TimeKnn(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        if (args.Length is 4 or 5 && args[0] == "ann")
        {
            var k = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
            return ApproximateKnn.Time(args[1], args[2], k, args.Length == 5 ? args[4] : null);
        }
        if (args.Length is 3 or 4 && args[0] == "learners")
            return LearnerFits.Run(args[1], args[2],
                args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 12);
        if (args.Length == 1 && args[0] == "tree-probe") return TreeProbeSweep.Run();
        if (args.Length == 6 && args[0] == "probes")
            return ProbeSweep.Run(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture),
                int.Parse(args[4], CultureInfo.InvariantCulture),
                args[5].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int TimeKnn(string path, string target, int k)
    {
        var data = TableDataset.Build(TableReader.Read(path), target).Data;
        var clock = Stopwatch.StartNew();
        var result = NeighborSearch.Default.Build(data.Numeric, data.RowCount, data.NumericCount)
            .QuerySelf(k, includeSelf: true);
        var seconds = clock.Elapsed.TotalSeconds;
        var width = SimdEuclideanIndex.Resolve(VectorWidth.Auto);
        Console.WriteLine($"{{\"seconds\": {seconds:F3}, \"rows\": {data.RowCount}, \"k\": {k}, " +
            $"\"width\": \"{width}\", " +
            $"\"checksum\": {result.Indices.Sum(i => (long)i)}}}");
        return 0;
    }
}
