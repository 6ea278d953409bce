using System.Diagnostics;
using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>probes FILE TARGET K LISTS P1,P2,…</c>: for each number of probes, the approximate k-NN of every row (self
/// excluded) with its seconds, its recall@k against the exact engine on 4,000 rows spread over the file, and the
/// share of those rows whose edited-nearest-neighbours decision (kept when every neighbour has the row's class,
/// minority rows always kept; imbalanced-learn's <c>kind_sel="all"</c>) is the same as with exact neighbours.
/// LISTS 0 is the automatic count; <c>GRAPH_WIDTH=N</c> in the environment sets
/// <see cref="ApproximateOptions.GraphWidth"/>.
/// </summary>
internal static class ProbeSweep
{
    public static int Run(string path, string target, int k, int lists, IEnumerable<int> probes)
    {
        var built = TableDataset.Build(TableReader.Read(path), target).Data;
        int n = built.RowCount, d = built.NumericCount;
        var labels = built.Labels;
        var minority = Enumerable.Range(0, built.Classes.Count).MinBy(c => labels.Count(l => l == c));
        var (rows, exact, _) = ApproximateKnn.SampledExact(built, 4000, k);
        var truth = rows.Select((_, i) => exact.IndicesOf(i).ToArray()).ToArray();
        bool Keep(int row, IEnumerable<int> neighbours) =>
            labels[row] == minority || neighbours.All(j => labels[j] == labels[row]);
        foreach (var p in probes)
        {
            var clock = Stopwatch.StartNew();
            var index = (IvfIndex)new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
            {
                Approximate = new ApproximateOptions
                {
                    Lists = lists,
                    Probes = p,
                    GraphWidth = int.TryParse(Environment.GetEnvironmentVariable("GRAPH_WIDTH"), out var w) ? w : 0,
                },
            }.Build(built.Numeric, n, d);
            var build = clock.Elapsed.TotalSeconds;
            var approximate = index.QuerySelf(k, includeSelf: false);
            var total = clock.Elapsed.TotalSeconds;
            long hits = 0, same = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                var found = approximate.IndicesOf(rows[i]).ToArray();
                hits += found.Count(j => Array.IndexOf(truth[i], j) >= 0);
                if (Keep(rows[i], found) == Keep(rows[i], truth[i])) same++;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"rows\": {n}, \"k\": {k}, \"lists\": {index.Lists}, \"probes\": {index.Probes}, " +
                $"\"build\": {build:F2}, \"seconds\": {total:F2}, " +
                $"\"recall\": {(double)hits / (rows.Length * k):F4}, " +
                $"\"enn_same\": {(double)same / rows.Length:F4}}}"));
        }
        return 0;
    }
}
