using System.Diagnostics;
using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>ann FILE TARGET K [EXACT_OUT]</c>, used by <c>benchmarks/approximate_neighbors.sh</c>: times the approximate
/// k-NN of every row (self excluded) and measures its recall@k against the exact engine on 2,000 rows spread
/// evenly over the file; with <c>FULL_EXACT=1</c> in the environment also times the exact k-NN of every row; with
/// <c>GRAPH_FROM=N</c>, <see cref="ApproximateOptions.GraphFrom"/> is N and with <c>GRAPH_WIDTH=N</c>
/// <see cref="ApproximateOptions.GraphWidth"/> is N (the library's defaults otherwise). With
/// EXACT_OUT, writes those rows' exact neighbours (<c>row n1 … nk</c>) for hnswlib's recall.
/// </summary>
internal static class ApproximateKnn
{
    /// <summary>About <paramref name="samples"/> rows spread evenly over the data, their exact k nearest (self
    /// excluded) and the exact index that found them.</summary>
    internal static (int[] Rows, KNeighbors Exact, INeighborIndex Index) SampledExact(Dataset data, int samples,
        int k)
    {
        var step = Math.Max(1, data.RowCount / samples);
        var rows = Enumerable.Range(0, data.RowCount / step).Select(i => i * step).ToArray();
        var index = new NeighborSearch(Algorithm: NeighborAlgorithm.Exact)
            .Build(data.Numeric, data.RowCount, data.NumericCount);
        return (rows, IndexedQueries.OfRows(index, data.Numeric, rows, k), index);
    }

    public static int Time(string path, string target, int k, string? exactOut)
    {
        var data = TableDataset.Build(TableReader.Read(path), target).Data;
        int n = data.RowCount, d = data.NumericCount;
        var clock = Stopwatch.StartNew();
        var options = new ApproximateOptions
        {
            GraphFrom = int.TryParse(Environment.GetEnvironmentVariable("GRAPH_FROM"), out var from) ? from : 0,
            GraphWidth = int.TryParse(Environment.GetEnvironmentVariable("GRAPH_WIDTH"), out var width) ? width : 0,
        };
        var index = new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate) { Approximate = options }
            .Build(data.Numeric, n, d);
        var build = clock.Elapsed.TotalSeconds;
        var approximate = index.QuerySelf(k, includeSelf: false);
        var total = clock.Elapsed.TotalSeconds;
        var (rows, exact, exactIndex) = SampledExact(data, 2000, k);
        long hits = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var truth = exact.IndicesOf(i).ToArray();
            foreach (var j in approximate.IndicesOf(rows[i])) if (Array.IndexOf(truth, j) >= 0) hits++;
        }
        if (exactOut is not null)
            File.WriteAllLines(exactOut, rows.Select((r, i) =>
                r.ToString(CultureInfo.InvariantCulture) + " " + string.Join(' ', exact.IndicesOf(i).ToArray())));
        var exactSeconds = "null";
        if (Environment.GetEnvironmentVariable("FULL_EXACT") == "1")
        {
            clock.Restart();
            exactIndex.QuerySelf(k, includeSelf: false);
            exactSeconds = clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        }
        var ivf = (IvfIndex)index;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"rows\": {n}, \"features\": {d}, \"k\": {k}, \"lists\": {ivf.Lists}, \"probes\": {ivf.Probes}, " +
            $"\"graph\": {(n >= options.GraphFromFor() ? "true" : "false")}, " +
            $"\"build\": {build:F2}, \"seconds\": {total:F2}, \"recall\": {(double)hits / (rows.Length * k):F4}, " +
            $"\"exact_seconds\": {exactSeconds}}}"));
        return 0;
    }
}
