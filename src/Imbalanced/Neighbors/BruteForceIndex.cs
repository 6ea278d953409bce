namespace Imbalanced.Neighbors;

/// <summary>Exact brute force in double precision for any metric, parallel over queries.</summary>
internal sealed class BruteForceIndex(double[] points, int count, int dimensions, DistanceMetric metric, int threads)
    : INeighborIndex
{
    private readonly PointRows _points = new(points, null, count, dimensions);

    public int Count => count;

    public int Dimensions => dimensions;

    public KNeighbors Query(ReadOnlySpan<double> queries, int k)
    {
        var q = queries.Length / Math.Max(1, dimensions);
        var copy = queries.ToArray();
        return Run(q, k, i => copy.AsSpan(i * dimensions, dimensions), excludeSelf: false);
    }

    public KNeighbors QuerySelf(int k, bool includeSelf) =>
        Run(count, k, i => points.AsSpan(i * dimensions, dimensions), excludeSelf: !includeSelf);

    private delegate ReadOnlySpan<double> RowOf(int i);

    private KNeighbors Run(int queryCount, int k, RowOf rowOf, bool excludeSelf)
    {
        NeighborChecks.CheckK(k, count - (excludeSelf ? 1 : 0));
        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        Parallel.For(0, queryCount, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => (Heap: new ExactTopK(k), Row: new double[dimensions]),
            (i, _, s) =>
            {
                var heap = s.Heap;
                heap.Reset();
                ScanOne(rowOf(i), _points, metric, excludeSelf ? i : -1, ref heap, s.Row);
                heap.CopySorted(distances.AsSpan(i * k, k), indices.AsSpan(i * k, k));
                for (var c = 0; c < k; c++) distances[i * k + c] = metric.FromReduced(distances[i * k + c]);
                return (heap, s.Row);
            },
            _ => { });
        return new KNeighbors(k, indices, distances);
    }

    /// <summary>The exact neighbours of one query among all of <paramref name="points"/> but point
    /// <paramref name="self"/> (−1 for none), for callers that re-check a single row; points made on demand are
    /// made in <paramref name="scratch"/> (as long as a row, not <paramref name="query"/>).</summary>
    public static void ScanOne(ReadOnlySpan<double> query, PointRows points, DistanceMetric metric, int self,
        ref ExactTopK heap, Span<double> scratch)
    {
        for (var j = 0; j < points.Count; j++)
        {
            if (j == self) continue;
            heap.Offer(metric.Reduced(query, points.Row(j, scratch)), j);
        }
    }
}
