namespace Imbalanced.Neighbors;

/// <summary>
/// An exact k-d tree (Euclidean or Manhattan) for low and medium dimension: median splits on the widest
/// dimension, buckets of 16 points, incremental lower bounds (Arya and Mount). Distances are computed by the
/// metric's one reduced-distance function, so answers equal brute force's exactly.
/// </summary>
internal sealed class KdTreeIndex : INeighborIndex
{
    private const int LeafSize = 16;
    private readonly double[] _points;
    private readonly int _dims;
    private readonly DistanceMetric _metric;
    private readonly bool _euclidean;
    private readonly int _threads;
    private readonly int[] _order;
    private readonly List<Node> _nodes = [];

    private readonly record struct Node(int Start, int End, int Dim, double Split, int Left, int Right);

    public KdTreeIndex(double[] points, int count, int dimensions, DistanceMetric metric, int threads)
    {
        if (metric != DistanceMetric.Euclidean && metric != DistanceMetric.Manhattan)
            throw new ArgumentException("a k-d tree needs the Euclidean or Manhattan metric", nameof(metric));
        _points = points;
        Count = count;
        _dims = dimensions;
        _metric = metric;
        _euclidean = metric == DistanceMetric.Euclidean;
        _threads = threads;
        _order = new int[count];
        for (var i = 0; i < count; i++) _order[i] = i;
        if (count > 0) Build(0, count);
    }

    public int Count { get; }

    public int Dimensions => _dims;

    private int Build(int start, int end)
    {
        var id = _nodes.Count;
        _nodes.Add(default);
        if (end - start <= LeafSize)
        {
            _nodes[id] = new Node(start, end, -1, 0, -1, -1);
            return id;
        }
        var dim = 0;
        var widest = -1.0;
        for (var d = 0; d < _dims; d++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = start; i < end; i++)
            {
                var v = _points[_order[i] * _dims + d];
                if (v < lo) lo = v;
                if (v > hi) hi = v;
            }
            if (hi - lo > widest) { widest = hi - lo; dim = d; }
        }
        if (widest <= 0)
        {
            _nodes[id] = new Node(start, end, -1, 0, -1, -1);
            return id;
        }
        var mid = (start + end) / 2;
        var keys = new double[end - start];
        for (var i = start; i < end; i++) keys[i - start] = _points[_order[i] * _dims + dim];
        var segment = _order[start..end];
        Array.Sort(keys, segment);
        segment.CopyTo(_order, start);
        var split = _points[_order[mid] * _dims + dim];
        var left = Build(start, mid);
        var right = Build(mid, end);
        _nodes[id] = new Node(start, end, dim, split, left, right);
        return id;
    }

    public KNeighbors Query(ReadOnlySpan<double> queries, int k)
    {
        var q = queries.Length / Math.Max(1, _dims);
        var copy = queries.ToArray();
        return Run(q, k, copy, false);
    }

    public KNeighbors QuerySelf(int k, bool includeSelf) => Run(Count, k, _points, !includeSelf);

    private KNeighbors Run(int queryCount, int k, double[] queries, bool excludeSelf)
    {
        NeighborChecks.CheckK(k, Count - (excludeSelf ? 1 : 0));
        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        Parallel.For(0, queryCount, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => (Heap: new ExactTopK(k), Offsets: new double[_dims]),
            (i, _, state) =>
            {
                var heap = state.Heap;
                SearchFromRoot(queries.AsSpan(i * _dims, _dims), excludeSelf ? i : -1, state.Offsets, ref heap);
                heap.CopySorted(distances.AsSpan(i * k, k), indices.AsSpan(i * k, k));
                for (var c = 0; c < k; c++) distances[i * k + c] = _metric.FromReduced(distances[i * k + c]);
                return (heap, state.Offsets);
            },
            _ => { });
        return new KNeighbors(k, indices, distances);
    }

    /// <summary>The mean number of points whose distance a search measures for the <paramref name="k"/> nearest of
    /// <paramref name="probes"/> of the tree's own points, evenly spaced (each without itself): the tree's cost
    /// per query, to set against a scan that measures every point.</summary>
    internal double MeanExamined(int probes, int k)
    {
        k = Math.Min(k, Count - 1);
        probes = Math.Min(probes, Count);
        if (k < 1 || probes < 1) return Count;
        var heap = new ExactTopK(k);
        var offsets = new double[_dims];
        var examined = 0L;
        for (var p = 0; p < probes; p++)
        {
            var i = (int)((long)p * Count / probes);
            examined += SearchFromRoot(_points.AsSpan(i * _dims, _dims), i, offsets, ref heap);
        }
        return (double)examined / probes;
    }

    /// <summary>One query's search from the root, into <paramref name="heap"/> (reset first), without point
    /// <paramref name="self"/> (none when −1); returns the number of points whose distance it measured.</summary>
    private long SearchFromRoot(ReadOnlySpan<double> query, int self, double[] offsets, ref ExactTopK heap)
    {
        heap.Reset();
        Array.Clear(offsets);
        var examined = 0L;
        Search(0, query, self, 0, offsets, ref heap, ref examined);
        return examined;
    }

    private double Term(double offset) => _euclidean ? offset * offset : Math.Abs(offset);

    private void Search(int id, ReadOnlySpan<double> query, int self, double bound, double[] offsets,
        ref ExactTopK heap, ref long examined)
    {
        var node = _nodes[id];
        if (node.Dim < 0)
        {
            examined += node.End - node.Start;
            for (var p = node.Start; p < node.End; p++)
            {
                var j = _order[p];
                if (j == self) continue;
                heap.Offer(_metric.Reduced(query, _points.AsSpan(j * _dims, _dims)), j);
            }
            return;
        }
        var diff = query[node.Dim] - node.Split;
        int near = diff < 0 ? node.Left : node.Right, far = diff < 0 ? node.Right : node.Left;
        Search(near, query, self, bound, offsets, ref heap, ref examined);
        var old = offsets[node.Dim];
        var farBound = bound - Term(old) + Term(diff);
        // Prune only when the bound is clearly worse: equal distances may still win on lower index.
        if (farBound <= heap.Worst * (1 + 1e-12) + 1e-300)
        {
            offsets[node.Dim] = diff;
            Search(far, query, self, farBound, offsets, ref heap, ref examined);
            offsets[node.Dim] = old;
        }
    }
}
