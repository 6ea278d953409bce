using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Imbalanced.Neighbors;

/// <summary>
/// Exact Euclidean k-NN by blocked SIMD brute force, for high dimension where trees stop paying.
/// </summary>
/// <remarks>
/// <para>Pass 1 works in single precision on mean-centred data: squared distances
/// <c>‖q‖² + ‖x‖² − 2 q·x</c> for tiles of 8 queries × 32 points, points stored in panels of 16 so that one
/// 512-bit FMA updates 16 distances and 16 accumulators stay in registers. Each thread keeps, for every row, a bounded heap of the <c>k + Slack</c> best
/// candidates. For a self-join each pair of row blocks is visited once and feeds both rows' heaps.</para>
/// <para>Pass 2 re-checks in double: each row's candidates get their exact distance from the metric's one
/// reduced-distance function, sorted by (distance, index). The answer is accepted only when no point outside
/// the candidates can beat the k-th: every such point's single-precision distance was at least the heap's
/// bound <c>B</c>, so its exact distance is at least <c>B − E</c>, with <c>E</c> a rigorous bound on the
/// single-precision error; otherwise the row is scanned again exactly. The answer is therefore exactly that
/// of brute force in double, whatever the number of threads.</para>
/// </remarks>
internal sealed unsafe class SimdEuclideanIndex : INeighborIndex
{
    private const int Lanes = 16;
    private const int Block = 512;
    private const int Slack = 4;
    private const int Queries = 8;

    private readonly double[] _points;
    private readonly int _dims;
    private readonly int _threads;
    private readonly double[] _mean;
    private readonly int _padded;
    private readonly float[] _panels;
    private readonly float[] _norms;
    private readonly float[] _rows;
    private readonly double _maxNorm;
    private readonly double _errorFactor;

    public SimdEuclideanIndex(double[] points, int count, int dimensions, int threads)
    {
        _points = points;
        Count = count;
        _dims = dimensions;
        _threads = threads;
        _mean = new double[dimensions];
        for (var i = 0; i < count; i++)
            for (var d = 0; d < dimensions; d++) _mean[d] += points[i * dimensions + d];
        for (var d = 0; d < dimensions; d++) _mean[d] /= Math.Max(1, count);
        _padded = (count + Block - 1) / Block * Block;
        (_rows, _norms) = Centre(points, count, _padded);
        _panels = ToPanels(_rows, _padded);
        _maxNorm = 0;
        for (var i = 0; i < count; i++) _maxNorm = Math.Max(_maxNorm, _norms[i]);
        // |float distance − exact distance| ≤ _errorFactor · (‖q‖² + ‖x‖²): (d/2 + 7)·2⁻²⁴ suffices, 8× margin.
        _errorFactor = (dimensions + 8) * Math.Pow(2, -22);
    }

    public int Count { get; }

    public int Dimensions => _dims;

    /// <summary>Whether single precision can hold these points' squared distances: after centring, every sum of
    /// squares must stay far below float's maximum (3.4e38). Larger data goes to the double-precision brute force.</summary>
    public static bool CanIndex(double[] points, int count, int dimensions)
    {
        if (dimensions == 0) return false;
        var limit = Math.Sqrt(1e37 / dimensions) / 2;
        for (var i = 0; i < count * dimensions; i++) if (Math.Abs(points[i]) > limit) return false;
        return true;
    }

    /// <summary>Whether this machine has the SIMD this index needs.</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    private (float[] Rows, float[] Norms) Centre(ReadOnlySpan<double> points, int count, int padded)
    {
        var rows = new float[padded * _dims];
        var norms = new float[padded];
        for (var i = 0; i < count; i++)
        {
            var norm = 0.0;
            for (var d = 0; d < _dims; d++)
            {
                var v = (float)(points[i * _dims + d] - _mean[d]);
                rows[i * _dims + d] = v;
                norm += (double)v * v;
            }
            norms[i] = (float)norm;
        }
        for (var i = count; i < padded; i++) norms[i] = float.PositiveInfinity;
        return (rows, norms);
    }

    private float[] ToPanels(float[] rows, int padded)
    {
        var panels = new float[padded * _dims];
        for (var i = 0; i < padded; i++)
        {
            int panel = i / Lanes, lane = i % Lanes;
            for (var d = 0; d < _dims; d++) panels[(panel * _dims + d) * Lanes + lane] = rows[i * _dims + d];
        }
        return panels;
    }

    public KNeighbors QuerySelf(int k, bool includeSelf)
    {
        NeighborChecks.CheckK(k, Count - (includeSelf ? 0 : 1));
        var blocks = _padded / Block;
        var pairs = new List<(int I, int J)>(blocks * (blocks + 1) / 2);
        for (var j = 0; j < blocks; j++)
            for (var i = 0; i <= j; i++) pairs.Add((i, j));
        var heaps = RunPass(k, pairs, _rows, _norms, _padded, selfJoin: true, excludeSelf: !includeSelf);
        return Recheck(k, heaps, Count, i => _points.AsSpan(i * _dims, _dims), _norms, includeSelf ? -1 : 0);
    }

    public KNeighbors Query(ReadOnlySpan<double> queries, int k)
    {
        NeighborChecks.CheckK(k, Count);
        var q = queries.Length / Math.Max(1, _dims);
        var paddedQ = (q + Block - 1) / Block * Block;
        var (rows, norms) = Centre(queries, q, paddedQ);
        var pairs = new List<(int I, int J)>();
        for (var i = 0; i < paddedQ / Block; i++)
            for (var j = 0; j < _padded / Block; j++) pairs.Add((i, j));
        var heaps = RunPass(k, pairs, rows, norms, paddedQ, selfJoin: false, excludeSelf: false);
        var copy = queries.ToArray();
        return Recheck(k, heaps, q, i => copy.AsSpan(i * _dims, _dims), norms, -1);
    }

    /// <summary>
    /// Per-thread candidate heaps: for each row up to <c>Capacity</c> (distance, index) pairs and the worst of
    /// them once full. <see cref="Shared"/> is one bound per row shared by all threads: each thread lowers it to
    /// its own heap's worst. Races on it are benign: every value ever written is the worst of some full heap, so
    /// any point rejected against it has a distance at least the smallest final worst, which is all the
    /// re-check needs.
    /// </summary>
    private sealed class Heaps(int rows, int capacity, float[] shared)
    {
        public readonly int Capacity = capacity;
        public readonly float[] Dist = new float[rows * capacity];
        public readonly int[] Index = new int[rows * capacity];
        public readonly int[] Count = new int[rows];
        public readonly float[] Worst = new float[rows];
        public readonly float[] Shared = shared;

        public static float[] CreateBounds(int rows)
        {
            var b = new float[rows];
            Array.Fill(b, float.PositiveInfinity);
            return b;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Insert(int row, float d, int index)
        {
            var baseAt = row * Capacity;
            var n = Count[row];
            if (n < Capacity)
            {
                Dist[baseAt + n] = d;
                Index[baseAt + n] = index;
                Count[row] = ++n;
                if (n == Capacity) Publish(row, MaxOf(baseAt, out _));
                return;
            }
            if (d >= Worst[row]) return;
            MaxOf(baseAt, out var worst);
            Dist[baseAt + worst] = d;
            Index[baseAt + worst] = index;
            Publish(row, MaxOf(baseAt, out _));
        }

        private void Publish(int row, float worst)
        {
            Worst[row] = worst;
            if (worst < Volatile.Read(ref Shared[row])) Volatile.Write(ref Shared[row], worst);
        }

        private float MaxOf(int baseAt, out int at)
        {
            at = 0;
            var max = Dist[baseAt];
            for (var c = 1; c < Capacity; c++)
                if (Dist[baseAt + c] > max) { max = Dist[baseAt + c]; at = c; }
            return max;
        }
    }

    private Heaps[] RunPass(int k, List<(int I, int J)> pairs, float[] qRows, float[] qNorms, int qPadded, bool selfJoin, bool excludeSelf)
    {
        var threads = Math.Max(1, Math.Min(_threads, pairs.Count));
        var heaps = new Heaps[threads];
        var shared = Heaps.CreateBounds(selfJoin ? _padded : qPadded);
        var next = -1;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var own = heaps[t] = new Heaps(shared.Length, k + Slack, shared);
            int p;
            while ((p = Interlocked.Increment(ref next)) < pairs.Count)
            {
                var (bi, bj) = pairs[p];
                ProcessBlock(own, qRows, qNorms, bi * Block, bj * Block, symmetric: selfJoin && bi != bj, excludeSelf);
            }
        });
        return heaps;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessBlock(Heaps heaps, float[] qRows, float[] qNorms, int q0, int x0, bool symmetric, bool excludeSelf)
    {
        var d = _dims;
        var dist = stackalloc float[Queries * 2 * Lanes];
        var masks = stackalloc uint[2 * Queries];
        fixed (float* qp = qRows, qn = qNorms, panels = _panels, xn = _norms, bounds = heaps.Shared)
        {
            for (var qi = q0; qi < q0 + Block; qi += Queries)
            {
                for (var xi = x0; xi < x0 + Block; xi += 2 * Lanes)
                {
                    if (Tile(qp + qi * d, panels + xi * d, d, qn + qi, xn + xi, bounds + qi, bounds + xi, symmetric, dist, masks))
                        Insert(heaps, qi, xi, dist, masks, excludeSelf);
                }
            }
        }
    }

    /// <summary>Squared distances of 4 consecutive query rows to 2 panels (2 × <c>Lanes</c> points), written to
    /// <paramref name="dist"/>, with a bit mask per query of the distances that beat its bound and, with
    /// <paramref name="symmetric"/>, of those that beat the points' bounds. True when any bit is set.
    /// No calls inside, so the accumulators stay in registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static bool Tile(float* a0, float* p0, int d, float* qn, float* xn, float* qb, float* xb, bool symmetric, float* dist, uint* masks)
    {
        var p1 = p0 + Lanes * d;
        var r0 = a0 + 0 * d;
        var r1 = a0 + 1 * d;
        var r2 = a0 + 2 * d;
        var r3 = a0 + 3 * d;
        var r4 = a0 + 4 * d;
        var r5 = a0 + 5 * d;
        var r6 = a0 + 6 * d;
        var r7 = a0 + 7 * d;
        Vector512<float> c00 = default, c01 = default;
        Vector512<float> c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default;
        Vector512<float> c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default;
        Vector512<float> c70 = default, c71 = default;
        // One index register for every row and panel: each load is [base + 4·f], no address arithmetic.
        for (nint f = 0, end = d; f < end; f++)
        {
            var v0 = Vector512.Load(p0 + f * Lanes);
            var v1 = Vector512.Load(p1 + f * Lanes);
            Vector512<float> b;
            b = Vector512.Create(r0[f]);
            c00 = Fma(b, v0, c00);
            c01 = Fma(b, v1, c01);
            b = Vector512.Create(r1[f]);
            c10 = Fma(b, v0, c10);
            c11 = Fma(b, v1, c11);
            b = Vector512.Create(r2[f]);
            c20 = Fma(b, v0, c20);
            c21 = Fma(b, v1, c21);
            b = Vector512.Create(r3[f]);
            c30 = Fma(b, v0, c30);
            c31 = Fma(b, v1, c31);
            b = Vector512.Create(r4[f]);
            c40 = Fma(b, v0, c40);
            c41 = Fma(b, v1, c41);
            b = Vector512.Create(r5[f]);
            c50 = Fma(b, v0, c50);
            c51 = Fma(b, v1, c51);
            b = Vector512.Create(r6[f]);
            c60 = Fma(b, v0, c60);
            c61 = Fma(b, v1, c61);
            b = Vector512.Create(r7[f]);
            c70 = Fma(b, v0, c70);
            c71 = Fma(b, v1, c71);
        }
        var m2 = Vector512.Create(-2f);
        var n0 = Vector512.Load(xn);
        var n1 = Vector512.Load(xn + Lanes);
        c00 = Fma(m2, c00, n0 + Vector512.Create(qn[0]));
        c01 = Fma(m2, c01, n1 + Vector512.Create(qn[0]));
        c10 = Fma(m2, c10, n0 + Vector512.Create(qn[1]));
        c11 = Fma(m2, c11, n1 + Vector512.Create(qn[1]));
        c20 = Fma(m2, c20, n0 + Vector512.Create(qn[2]));
        c21 = Fma(m2, c21, n1 + Vector512.Create(qn[2]));
        c30 = Fma(m2, c30, n0 + Vector512.Create(qn[3]));
        c31 = Fma(m2, c31, n1 + Vector512.Create(qn[3]));
        c40 = Fma(m2, c40, n0 + Vector512.Create(qn[4]));
        c41 = Fma(m2, c41, n1 + Vector512.Create(qn[4]));
        c50 = Fma(m2, c50, n0 + Vector512.Create(qn[5]));
        c51 = Fma(m2, c51, n1 + Vector512.Create(qn[5]));
        c60 = Fma(m2, c60, n0 + Vector512.Create(qn[6]));
        c61 = Fma(m2, c61, n1 + Vector512.Create(qn[6]));
        c70 = Fma(m2, c70, n0 + Vector512.Create(qn[7]));
        c71 = Fma(m2, c71, n1 + Vector512.Create(qn[7]));
        uint any = 0;
        any |= masks[0] = Beats(c00, c01, Vector512.Create(qb[0]), Vector512.Create(qb[0]));
        any |= masks[1] = Beats(c10, c11, Vector512.Create(qb[1]), Vector512.Create(qb[1]));
        any |= masks[2] = Beats(c20, c21, Vector512.Create(qb[2]), Vector512.Create(qb[2]));
        any |= masks[3] = Beats(c30, c31, Vector512.Create(qb[3]), Vector512.Create(qb[3]));
        any |= masks[4] = Beats(c40, c41, Vector512.Create(qb[4]), Vector512.Create(qb[4]));
        any |= masks[5] = Beats(c50, c51, Vector512.Create(qb[5]), Vector512.Create(qb[5]));
        any |= masks[6] = Beats(c60, c61, Vector512.Create(qb[6]), Vector512.Create(qb[6]));
        any |= masks[7] = Beats(c70, c71, Vector512.Create(qb[7]), Vector512.Create(qb[7]));
        if (symmetric)
        {
            var x0 = Vector512.Load(xb);
            var x1 = Vector512.Load(xb + Lanes);
            any |= masks[Queries + 0] = Beats(c00, c01, x0, x1);
            any |= masks[Queries + 1] = Beats(c10, c11, x0, x1);
            any |= masks[Queries + 2] = Beats(c20, c21, x0, x1);
            any |= masks[Queries + 3] = Beats(c30, c31, x0, x1);
            any |= masks[Queries + 4] = Beats(c40, c41, x0, x1);
            any |= masks[Queries + 5] = Beats(c50, c51, x0, x1);
            any |= masks[Queries + 6] = Beats(c60, c61, x0, x1);
            any |= masks[Queries + 7] = Beats(c70, c71, x0, x1);
        }
        else
        {
            new Span<uint>(masks + Queries, Queries).Clear();
        }
        if (any == 0) return false;
        c00.Store(dist + 0 * Lanes);
        c01.Store(dist + 1 * Lanes);
        c10.Store(dist + 2 * Lanes);
        c11.Store(dist + 3 * Lanes);
        c20.Store(dist + 4 * Lanes);
        c21.Store(dist + 5 * Lanes);
        c30.Store(dist + 6 * Lanes);
        c31.Store(dist + 7 * Lanes);
        c40.Store(dist + 8 * Lanes);
        c41.Store(dist + 9 * Lanes);
        c50.Store(dist + 10 * Lanes);
        c51.Store(dist + 11 * Lanes);
        c60.Store(dist + 12 * Lanes);
        c61.Store(dist + 13 * Lanes);
        c70.Store(dist + 14 * Lanes);
        c71.Store(dist + 15 * Lanes);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Beats(Vector512<float> d0, Vector512<float> d1, Vector512<float> b0, Vector512<float> b1) =>
        (uint)(Vector512.LessThan(d0, b0).ExtractMostSignificantBits() | (Vector512.LessThan(d1, b1).ExtractMostSignificantBits() << Lanes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : a * b + c;

    /// <summary>Offers the distances of one tile that beat a bound to the heaps (the rare, scalar path).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Insert(Heaps heaps, int q0, int x0, float* dist, uint* masks, bool excludeSelf)
    {
        for (var a = 0; a < Queries; a++)
        {
            var q = q0 + a;
            for (var m = masks[a]; m != 0; m &= m - 1)
            {
                var lane = BitOperations.TrailingZeroCount(m);
                var x = x0 + lane;
                if (!(excludeSelf && x == q)) heaps.Insert(q, dist[a * 2 * Lanes + lane], x);
            }
            for (var m = masks[Queries + a]; m != 0; m &= m - 1)
            {
                var lane = BitOperations.TrailingZeroCount(m);
                heaps.Insert(x0 + lane, dist[a * 2 * Lanes + lane], q);
            }
        }
    }

    private delegate ReadOnlySpan<double> RowOf(int i);

    private KNeighbors Recheck(int k, Heaps[] heaps, int queryCount, RowOf rowOf, float[] qNorms, int selfMode)
    {
        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        var metric = DistanceMetric.Euclidean;
        var capacity = heaps.Sum(h => h.Capacity);
        Parallel.For(0, queryCount, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => (D: new double[capacity], I: new int[capacity], Heap: new ExactTopK(k)),
            (q, _, s) =>
            {
                var query = rowOf(q);
                var n = 0;
                var bound = double.PositiveInfinity;
                foreach (var h in heaps)
                {
                    var c = h.Count[q];
                    for (var e = 0; e < c; e++)
                    {
                        var j = h.Index[q * h.Capacity + e];
                        s.I[n] = j;
                        s.D[n++] = metric.Reduced(query, _points.AsSpan(j * _dims, _dims));
                    }
                    if (c == h.Capacity) bound = Math.Min(bound, h.Worst[q]);
                }
                var d = s.D.AsSpan(0, n);
                var idx = s.I.AsSpan(0, n);
                ExactTopK.SortPairs(d, idx);
                var error = _errorFactor * (qNorms[q] + _maxNorm) + 1e-12 * Math.Abs(bound);
                var accepted = n >= k && (double.IsPositiveInfinity(bound) || bound - error > d[k - 1]);
                if (accepted)
                {
                    d[..k].CopyTo(distances.AsSpan(q * k, k));
                    idx[..k].CopyTo(indices.AsSpan(q * k, k));
                }
                else
                {
                    var heap = s.Heap;
                    heap.Reset();
                    BruteForceIndex.ScanOne(query, _points, Count, _dims, metric, selfMode >= 0 ? q : -1, ref heap);
                    heap.CopySorted(distances.AsSpan(q * k, k), indices.AsSpan(q * k, k));
                }
                for (var c = 0; c < k; c++) distances[q * k + c] = Math.Sqrt(distances[q * k + c]);
                return s;
            },
            _ => { });
        return new KNeighbors(k, indices, distances);
    }
}
