using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Imbalanced.Neighbors;

/// <summary>
/// Exact Euclidean k-NN by blocked SIMD brute force, for high dimension where trees stop paying.
/// </summary>
/// <remarks>
/// <para>Pass 1 works in single precision on mean-centred data: squared distances
/// <c>‖q‖² + ‖x‖² − 2 q·x</c> for tiles of 8 queries (4 where there are only 16 vector registers) × 2 panels,
/// points stored in panels of one vector's lanes (<c>L</c> = 16, 8 or 4 floats for 512, 256 or 128 bits) so
/// that one FMA updates <c>L</c> distances and the 16 (or 8) accumulators stay in registers. The kernel is
/// written once, generic over the width (<see cref="IFloatLanes{TVector}"/>) and the tile rows
/// (<see cref="ITileRows"/>), and the width is chosen at run time from what the hardware accelerates
/// (<see cref="VectorWidth"/>). Each thread keeps, for every row, a bounded heap of the <c>k + Slack</c> best
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
    private const int MaxLanes = 16;
    private const int Block = 512;
    private const int Slack = 4;

    /// <summary>Queries answered at once (a multiple of <see cref="Block"/>).</summary>
    private const int QueryChunk = 64 * Block;
    private const int Queries = 8;

    private readonly PointRows _source;
    private readonly int _dims;
    private readonly int _threads;
    private readonly double[] _mean;
    private readonly int _padded;
    private readonly float[] _panels;
    private readonly float[] _norms;
    private readonly double _maxNorm;
    private readonly double _errorFactor;
    private readonly double _errorFloor;
    private readonly int _lanes;

    /// <summary>Indexes <paramref name="count"/> points with the given <paramref name="width"/> (not
    /// <see cref="VectorWidth.None"/>; <see cref="VectorWidth.Auto"/> resolves with <see cref="Resolve"/>) and
    /// <paramref name="tileRows"/> (0 for <see cref="DefaultTileRows"/>).
    /// A width the hardware lacks still gives exact answers, through the runtime's slow emulation.</summary>
    public SimdEuclideanIndex(double[] points, int count, int dimensions, int threads,
        VectorWidth width = VectorWidth.Auto, int tileRows = 0)
        : this(new PointRows(points, null, count, dimensions), threads, width, tileRows)
    {
    }

    /// <summary>An index over <paramref name="points"/>, read in place: no double copy of them is made (a subset
    /// of a table's rows, the approximate index's lists).</summary>
    internal SimdEuclideanIndex(PointRows points, int threads, VectorWidth width, int tileRows)
    {
        var (count, dimensions) = (points.Count, points.Dimensions);
        Width = Resolve(width);
        TileRows = tileRows switch
        {
            0 => DefaultTileRows,
            4 or 8 => tileRows,
            _ => throw new ArgumentOutOfRangeException(nameof(tileRows), "tile rows are 0 (automatic), 4 or 8"),
        };
        if (Width == VectorWidth.None) throw new NotSupportedException("no SIMD width is accelerated here");
        _lanes = Width switch
        {
            VectorWidth.W512 => Float512.Count,
            VectorWidth.W256 => Float256.Count,
            _ => Float128.Count,
        };
        _source = points;
        Count = count;
        _dims = dimensions;
        _threads = threads;
        _mean = new double[dimensions];
        var scratch = new double[dimensions];
        for (var i = 0; i < count; i++)
        {
            var point = points.Row(i, scratch);
            for (var d = 0; d < dimensions; d++) _mean[d] += point[d];
        }
        for (var d = 0; d < dimensions; d++) _mean[d] /= Math.Max(1, count);
        _padded = (count + Block - 1) / Block * Block;
        (_panels, _norms) = CentrePanels(count, _padded);
        _maxNorm = 0;
        for (var i = 0; i < count; i++) _maxNorm = Math.Max(_maxNorm, _norms[i]);
        // See Recheck for the derivation: (d + 8.2)·2⁻²⁴ suffices whatever the width and summation order;
        // 4× margin. The floor covers underflow to subnormals: at most 2d + 8 roundings of 2⁻¹⁵⁰ each.
        _errorFactor = (dimensions + 8) * Math.Pow(2, -22);
        _errorFloor = (dimensions + 4) * Math.Pow(2, -146);
    }

    public int Count { get; }

    private int _scans;

    /// <summary>Queries answered so far by a pass over every point (<see cref="ScanAll"/>) because their candidates
    /// could not be shown to hold the answer; tests read it to know that path ran.</summary>
    internal int Scans => Volatile.Read(ref _scans);

    /// <summary>The width in use.</summary>
    public VectorWidth Width { get; }

    /// <summary>Query rows per kernel tile in use: 8 or 4 (see <see cref="ITileRows"/>).</summary>
    public int TileRows { get; }

    /// <summary>The tile rows for this machine's register file: 8 with 32 vector registers, else 4.</summary>
    public static int DefaultTileRows => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported ? 8 : 4;

    public int Dimensions => _dims;

    /// <summary>Whether single precision can hold these points' squared distances: after centring, every sum of
    /// squares must stay far below float's maximum (3.4e38). Larger data goes to the double-precision brute
    /// force.</summary>
    public static bool CanIndex(double[] points, int count, int dimensions) =>
        CanIndex(new PointRows(points, null, count, dimensions));

    /// <summary><see cref="CanIndex(double[], int, int)"/> for points read in place.</summary>
    internal static bool CanIndex(PointRows points)
    {
        var dimensions = points.Dimensions;
        // The error bound needs d·2⁻²⁴ well below 1.
        if (dimensions == 0 || dimensions > 1 << 16) return false;
        var limit = Math.Sqrt(1e37 / dimensions) / 2;
        var scratch = new double[dimensions];
        for (var i = 0; i < points.Count; i++)
            foreach (var v in points.Row(i, scratch))
                if (Math.Abs(v) > limit) return false;
        return true;
    }

    /// <summary>The width <see cref="VectorWidth.Auto"/> stands for: the widest the hardware accelerates, or
    /// <see cref="VectorWidth.None"/>. Any other width is returned as it is.</summary>
    public static VectorWidth Resolve(VectorWidth width) => width != VectorWidth.Auto ? width
        : Float512.IsAccelerated ? VectorWidth.W512
        : Float256.IsAccelerated ? VectorWidth.W256
        : Float128.IsAccelerated ? VectorWidth.W128
        : VectorWidth.None;

    /// <summary>Point <paramref name="i"/>'s coordinates, in place or made in <paramref name="scratch"/>.</summary>
    private ReadOnlySpan<double> Point(int i, Span<double> scratch) => _source.Row(i, scratch);

    /// <summary>The index's own points, centred, as floats, with their squared norms.</summary>
    private (float[] Rows, float[] Norms) Centre(int count, int padded)
    {
        var rows = new float[padded * _dims];
        var norms = new float[padded];
        var scratch = new double[_dims];
        for (var i = 0; i < count; i++) norms[i] = CentreRow(Point(i, scratch), rows.AsSpan(i * _dims, _dims));
        for (var i = count; i < padded; i++) norms[i] = float.PositiveInfinity;
        return (rows, norms);
    }

    /// <summary>Queries, centred, as floats, with their squared norms.</summary>
    private (float[] Rows, float[] Norms) Centre(ReadOnlySpan<double> points, int count, int padded)
    {
        var rows = new float[padded * _dims];
        var norms = new float[padded];
        for (var i = 0; i < count; i++)
            norms[i] = CentreRow(points.Slice(i * _dims, _dims), rows.AsSpan(i * _dims, _dims));
        for (var i = count; i < padded; i++) norms[i] = float.PositiveInfinity;
        return (rows, norms);
    }

    private float CentreRow(ReadOnlySpan<double> point, Span<float> row)
    {
        var norm = 0.0;
        for (var d = 0; d < _dims; d++)
        {
            var v = (float)(point[d] - _mean[d]);
            row[d] = v;
            norm += (double)v * v;
        }
        return (float)norm;
    }

    /// <summary>The index's own points, centred, as floats laid out in panels of one lane per point, with their
    /// squared norms (written straight into the panels: no row-major float copy is left behind).</summary>
    private (float[] Panels, float[] Norms) CentrePanels(int count, int padded)
    {
        var panels = new float[padded * _dims];
        var norms = new float[padded];
        var row = new float[_dims];
        var scratch = new double[_dims];
        for (var i = 0; i < count; i++)
        {
            norms[i] = CentreRow(Point(i, scratch), row);
            int panel = i / _lanes, lane = i % _lanes;
            for (var d = 0; d < _dims; d++) panels[(panel * _dims + d) * _lanes + lane] = row[d];
        }
        for (var i = count; i < padded; i++) norms[i] = float.PositiveInfinity;
        return (panels, norms);
    }

    public KNeighbors QuerySelf(int k, bool includeSelf)
    {
        NeighborChecks.CheckK(k, Count - (includeSelf ? 0 : 1));
        var blocks = _padded / Block;
        var pairs = new List<(int I, int J)>(blocks * (blocks + 1) / 2);
        for (var j = 0; j < blocks; j++)
            for (var i = 0; i <= j; i++) pairs.Add((i, j));
        // The rows as floats, which only a self-join reads (as its queries): made again here rather than kept.
        var (rows, _) = Centre(Count, _padded);
        var heaps = RunPass(k, pairs, rows, _norms, _padded, Count, selfJoin: true, excludeSelf: !includeSelf, null);
        return Recheck(k, heaps, Count, Point, rows, _norms, excludeSelf: !includeSelf, null, null);
    }

    public KNeighbors Query(ReadOnlySpan<double> queries, int k) => QueryWithin(queries.ToArray(), k, null);

    /// <summary>
    /// <see cref="Query"/>, keeping of each query's k nearest only those whose squared distance is at most
    /// <c>within[query]</c> (all with null): the rest of its row is index −1, distance +∞. Exact like
    /// <see cref="Query"/>; faster when the limits are tight, as points beyond them never enter the candidate heaps.
    /// </summary>
    /// <remarks>The queries are read in place (the re-check reads them again after the pass): a caller holding
    /// them in an array passes it without a copy.</remarks>
    internal KNeighbors QueryWithin(ReadOnlyMemory<double> queries, int k, double[]? within)
    {
        NeighborChecks.CheckK(k, Count);
        var q = queries.Length / Math.Max(1, _dims);
        if (q <= QueryChunk) return QueryChunkWithin(queries, q, k, within);
        // Many queries go a chunk at a time: each query's answer is its own, and the float copies and candidate
        // heaps of all of them at once took hundreds of MB (NearMiss on 2,000,000 rows asks 1.9 million).
        var indices = new int[q * k];
        var distances = new double[q * k];
        for (var c0 = 0; c0 < q; c0 += QueryChunk)
        {
            var m = Math.Min(QueryChunk, q - c0);
            var part = QueryChunkWithin(queries.Slice(c0 * _dims, m * _dims), m, k, within?[c0..(c0 + m)]);
            part.Indices.CopyTo(indices, c0 * k);
            part.Distances.CopyTo(distances, c0 * k);
        }
        return new KNeighbors(k, indices, distances);
    }

    /// <summary><see cref="QueryWithin"/> for <paramref name="q"/> queries at once.</summary>
    private KNeighbors QueryChunkWithin(ReadOnlyMemory<double> queries, int q, int k, double[]? within)
    {
        var paddedQ = (q + Block - 1) / Block * Block;
        var (rows, norms) = Centre(queries.Span, q, paddedQ);
        var pairs = new List<(int I, int J)>();
        for (var i = 0; i < paddedQ / Block; i++)
            for (var j = 0; j < _padded / Block; j++) pairs.Add((i, j));
        float[]? seeded = null;
        if (within is not null)
        {
            seeded = Heaps.CreateBounds(paddedQ);
            for (var i = 0; i < q; i++) seeded[i] = SeedBound(within[i], norms[i]);
        }
        var heaps = RunPass(k, pairs, rows, norms, paddedQ, q, selfJoin: false, excludeSelf: false, seeded);
        return Recheck(k, heaps, q, (i, _) => queries.Span.Slice(i * _dims, _dims), rows, norms, excludeSelf: false,
            within, seeded);
    }

    /// <summary>A single-precision bound that every point within squared distance <paramref name="limit"/> of the
    /// query beats: the limit plus twice the error bound of <see cref="Recheck"/>, rounded up.</summary>
    private float SeedBound(double limit, float queryNorm)
    {
        if (!double.IsFinite(limit)) return float.PositiveInfinity;
        var error = _errorFactor * (queryNorm + _maxNorm) + _errorFloor + DoubleError * limit;
        var bound = (limit + 2 * error) * (1 + Math.Pow(2, -20));
        return bound >= float.MaxValue ? float.PositiveInfinity : (float)bound;
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

    private Heaps[] RunPass(int k, List<(int I, int J)> pairs, float[] qRows, float[] qNorms, int qPadded,
        int qCount, bool selfJoin, bool excludeSelf, float[]? seeded)
    {
        var threads = Math.Max(1, Math.Min(_threads, pairs.Count));
        var heaps = new Heaps[threads];
        var shared = seeded is null ? Heaps.CreateBounds(selfJoin ? _padded : qPadded) : (float[])seeded.Clone();
        var next = -1;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var own = heaps[t] = new Heaps(shared.Length, k + Slack, shared);
            int p;
            while ((p = Interlocked.Increment(ref next)) < pairs.Count)
            {
                var (bi, bj) = pairs[p];
                var symmetric = selfJoin && bi != bj;
                switch (Width, TileRows)
                {
                    case (VectorWidth.W512, 8):
                        ProcessBlock<Float512, Vector512<float>, EightRows>(
                            own, qRows, qNorms, qCount, bi, bj, symmetric, excludeSelf);
                        break;
                    case (VectorWidth.W512, _):
                        ProcessBlock<Float512, Vector512<float>, FourRows>(
                            own, qRows, qNorms, qCount, bi, bj, symmetric, excludeSelf);
                        break;
                    case (VectorWidth.W256, 8):
                        ProcessBlock<Float256, Vector256<float>, EightRows>(
                            own, qRows, qNorms, qCount, bi, bj, symmetric, excludeSelf);
                        break;
                    case (VectorWidth.W256, _):
                        ProcessBlock<Float256, Vector256<float>, FourRows>(
                            own, qRows, qNorms, qCount, bi, bj, symmetric, excludeSelf);
                        break;
                    case (_, 8):
                        ProcessBlock<Float128, Vector128<float>, EightRows>(
                            own, qRows, qNorms, qCount, bi, bj, symmetric, excludeSelf);
                        break;
                    default:
                        ProcessBlock<Float128, Vector128<float>, FourRows>(
                            own, qRows, qNorms, qCount, bi, bj, symmetric, excludeSelf);
                        break;
                }
            }
        });
        return heaps;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessBlock<TLanes, TVector, TRows>(Heaps heaps, float[] qRows, float[] qNorms, int qCount,
        int qBlock, int xBlock, bool symmetric, bool excludeSelf)
        where TLanes : struct, IFloatLanes<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        var d = _dims;
        int q0 = qBlock * Block, x0 = xBlock * Block;
        var dist = stackalloc float[Queries * 2 * MaxLanes];
        var masks = stackalloc uint[2 * Queries];
        var step = 2 * TLanes.Count;
        var rows = TRows.Count;
        // Padding rows (norm +∞) never beat a bound: tiles wholly inside the padding are skipped, which matters for
        // the approximate index's lists, often far smaller than a block of queries.
        var qEnd = Math.Min(q0 + Block, (qCount + rows - 1) / rows * rows);
        var xEnd = Math.Min(x0 + Block, (Count + step - 1) / step * step);
        fixed (float* qp = qRows, qn = qNorms, panels = _panels, xn = _norms, bounds = heaps.Shared)
        {
            for (var qi = q0; qi < qEnd; qi += rows)
            {
                for (var xi = x0; xi < xEnd; xi += step)
                {
                    if (Tile<TLanes, TVector, TRows>(qp + qi * d, panels + xi * d, d, qn + qi, xn + xi, bounds + qi,
                            bounds + xi, symmetric, dist, masks))
                        Insert(heaps, qi, xi, rows, step, dist, masks, excludeSelf);
                }
            }
        }
    }

    /// <summary>Squared distances of <c>R</c> consecutive query rows to 2 panels (2 × <c>L</c> points), written to
    /// <paramref name="dist"/>, with a bit mask per query of the distances that beat its bound and, with
    /// <paramref name="symmetric"/>, of those that beat the points' bounds. True when any bit is set.
    /// No calls inside once the width's operations are inlined, so the 2·R accumulators stay in registers:
    /// <c>R</c> is 8 where there are 32 vector registers and 4 where there are 16 (a constant when compiled, so
    /// the code of rows 4 to 7 is then dropped). Each distance's dot product is summed over the features in
    /// order, one multiply-add per feature, whatever the width: the width only decides how many (query, point)
    /// pairs one instruction serves.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static bool Tile<TLanes, TVector, TRows>(float* a0, float* p0, int d, float* qn, float* xn, float* qb,
        float* xb, bool symmetric, float* dist, uint* masks)
        where TLanes : struct, IFloatLanes<TVector>
        where TVector : struct
        where TRows : struct, ITileRows
    {
        var lanes = TLanes.Count;
        var eight = TRows.Count == 8;
        var p1 = p0 + lanes * d;
        var r0 = a0 + 0 * d;
        var r1 = a0 + 1 * d;
        var r2 = a0 + 2 * d;
        var r3 = a0 + 3 * d;
        var r4 = a0 + 4 * d;
        var r5 = a0 + 5 * d;
        var r6 = a0 + 6 * d;
        var r7 = a0 + 7 * d;
        TVector c00 = default, c01 = default;
        TVector c10 = default, c11 = default;
        TVector c20 = default, c21 = default;
        TVector c30 = default, c31 = default;
        TVector c40 = default, c41 = default;
        TVector c50 = default, c51 = default;
        TVector c60 = default, c61 = default;
        TVector c70 = default, c71 = default;
        // One index register for every row and panel: each load is [base + 4·f], no address arithmetic.
        for (nint f = 0, end = d; f < end; f++)
        {
            var v0 = TLanes.Load(p0 + f * lanes);
            var v1 = TLanes.Load(p1 + f * lanes);
            TVector b;
            b = TLanes.Broadcast(r0[f]);
            c00 = TLanes.MultiplyAdd(b, v0, c00);
            c01 = TLanes.MultiplyAdd(b, v1, c01);
            b = TLanes.Broadcast(r1[f]);
            c10 = TLanes.MultiplyAdd(b, v0, c10);
            c11 = TLanes.MultiplyAdd(b, v1, c11);
            b = TLanes.Broadcast(r2[f]);
            c20 = TLanes.MultiplyAdd(b, v0, c20);
            c21 = TLanes.MultiplyAdd(b, v1, c21);
            b = TLanes.Broadcast(r3[f]);
            c30 = TLanes.MultiplyAdd(b, v0, c30);
            c31 = TLanes.MultiplyAdd(b, v1, c31);
            if (eight)
            {
                b = TLanes.Broadcast(r4[f]);
                c40 = TLanes.MultiplyAdd(b, v0, c40);
                c41 = TLanes.MultiplyAdd(b, v1, c41);
                b = TLanes.Broadcast(r5[f]);
                c50 = TLanes.MultiplyAdd(b, v0, c50);
                c51 = TLanes.MultiplyAdd(b, v1, c51);
                b = TLanes.Broadcast(r6[f]);
                c60 = TLanes.MultiplyAdd(b, v0, c60);
                c61 = TLanes.MultiplyAdd(b, v1, c61);
                b = TLanes.Broadcast(r7[f]);
                c70 = TLanes.MultiplyAdd(b, v0, c70);
                c71 = TLanes.MultiplyAdd(b, v1, c71);
            }
        }
        var m2 = TLanes.Broadcast(-2f);
        var n0 = TLanes.Load(xn);
        var n1 = TLanes.Load(xn + lanes);
        c00 = TLanes.MultiplyAdd(m2, c00, TLanes.Add(n0, TLanes.Broadcast(qn[0])));
        c01 = TLanes.MultiplyAdd(m2, c01, TLanes.Add(n1, TLanes.Broadcast(qn[0])));
        c10 = TLanes.MultiplyAdd(m2, c10, TLanes.Add(n0, TLanes.Broadcast(qn[1])));
        c11 = TLanes.MultiplyAdd(m2, c11, TLanes.Add(n1, TLanes.Broadcast(qn[1])));
        c20 = TLanes.MultiplyAdd(m2, c20, TLanes.Add(n0, TLanes.Broadcast(qn[2])));
        c21 = TLanes.MultiplyAdd(m2, c21, TLanes.Add(n1, TLanes.Broadcast(qn[2])));
        c30 = TLanes.MultiplyAdd(m2, c30, TLanes.Add(n0, TLanes.Broadcast(qn[3])));
        c31 = TLanes.MultiplyAdd(m2, c31, TLanes.Add(n1, TLanes.Broadcast(qn[3])));
        if (eight)
        {
            c40 = TLanes.MultiplyAdd(m2, c40, TLanes.Add(n0, TLanes.Broadcast(qn[4])));
            c41 = TLanes.MultiplyAdd(m2, c41, TLanes.Add(n1, TLanes.Broadcast(qn[4])));
            c50 = TLanes.MultiplyAdd(m2, c50, TLanes.Add(n0, TLanes.Broadcast(qn[5])));
            c51 = TLanes.MultiplyAdd(m2, c51, TLanes.Add(n1, TLanes.Broadcast(qn[5])));
            c60 = TLanes.MultiplyAdd(m2, c60, TLanes.Add(n0, TLanes.Broadcast(qn[6])));
            c61 = TLanes.MultiplyAdd(m2, c61, TLanes.Add(n1, TLanes.Broadcast(qn[6])));
            c70 = TLanes.MultiplyAdd(m2, c70, TLanes.Add(n0, TLanes.Broadcast(qn[7])));
            c71 = TLanes.MultiplyAdd(m2, c71, TLanes.Add(n1, TLanes.Broadcast(qn[7])));
        }
        uint any = 0;
        any |= masks[0] = Beats<TLanes, TVector>(c00, c01, TLanes.Broadcast(qb[0]), TLanes.Broadcast(qb[0]));
        any |= masks[1] = Beats<TLanes, TVector>(c10, c11, TLanes.Broadcast(qb[1]), TLanes.Broadcast(qb[1]));
        any |= masks[2] = Beats<TLanes, TVector>(c20, c21, TLanes.Broadcast(qb[2]), TLanes.Broadcast(qb[2]));
        any |= masks[3] = Beats<TLanes, TVector>(c30, c31, TLanes.Broadcast(qb[3]), TLanes.Broadcast(qb[3]));
        if (eight)
        {
            any |= masks[4] = Beats<TLanes, TVector>(c40, c41, TLanes.Broadcast(qb[4]), TLanes.Broadcast(qb[4]));
            any |= masks[5] = Beats<TLanes, TVector>(c50, c51, TLanes.Broadcast(qb[5]), TLanes.Broadcast(qb[5]));
            any |= masks[6] = Beats<TLanes, TVector>(c60, c61, TLanes.Broadcast(qb[6]), TLanes.Broadcast(qb[6]));
            any |= masks[7] = Beats<TLanes, TVector>(c70, c71, TLanes.Broadcast(qb[7]), TLanes.Broadcast(qb[7]));
        }
        if (symmetric)
        {
            var x0 = TLanes.Load(xb);
            var x1 = TLanes.Load(xb + lanes);
            any |= masks[Queries + 0] = Beats<TLanes, TVector>(c00, c01, x0, x1);
            any |= masks[Queries + 1] = Beats<TLanes, TVector>(c10, c11, x0, x1);
            any |= masks[Queries + 2] = Beats<TLanes, TVector>(c20, c21, x0, x1);
            any |= masks[Queries + 3] = Beats<TLanes, TVector>(c30, c31, x0, x1);
            if (eight)
            {
                any |= masks[Queries + 4] = Beats<TLanes, TVector>(c40, c41, x0, x1);
                any |= masks[Queries + 5] = Beats<TLanes, TVector>(c50, c51, x0, x1);
                any |= masks[Queries + 6] = Beats<TLanes, TVector>(c60, c61, x0, x1);
                any |= masks[Queries + 7] = Beats<TLanes, TVector>(c70, c71, x0, x1);
            }
        }
        else
        {
            new Span<uint>(masks + Queries, Queries).Clear();
        }
        if (any == 0) return false;
        TLanes.Store(c00, dist + 0 * lanes);
        TLanes.Store(c01, dist + 1 * lanes);
        TLanes.Store(c10, dist + 2 * lanes);
        TLanes.Store(c11, dist + 3 * lanes);
        TLanes.Store(c20, dist + 4 * lanes);
        TLanes.Store(c21, dist + 5 * lanes);
        TLanes.Store(c30, dist + 6 * lanes);
        TLanes.Store(c31, dist + 7 * lanes);
        if (eight)
        {
            TLanes.Store(c40, dist + 8 * lanes);
            TLanes.Store(c41, dist + 9 * lanes);
            TLanes.Store(c50, dist + 10 * lanes);
            TLanes.Store(c51, dist + 11 * lanes);
            TLanes.Store(c60, dist + 12 * lanes);
            TLanes.Store(c61, dist + 13 * lanes);
            TLanes.Store(c70, dist + 14 * lanes);
            TLanes.Store(c71, dist + 15 * lanes);
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Beats<TLanes, TVector>(TVector d0, TVector d1, TVector b0, TVector b1)
        where TLanes : struct, IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.LessThanBits(d0, b0) | (TLanes.LessThanBits(d1, b1) << TLanes.Count);

    /// <summary>Offers the distances of one tile that beat a bound to the heaps (the rare, scalar path).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Insert(Heaps heaps, int q0, int x0, int rows, int step, float* dist, uint* masks,
        bool excludeSelf)
    {
        for (var a = 0; a < rows; a++)
        {
            var q = q0 + a;
            for (var m = masks[a]; m != 0; m &= m - 1)
            {
                var lane = BitOperations.TrailingZeroCount(m);
                var x = x0 + lane;
                if (!(excludeSelf && x == q)) heaps.Insert(q, dist[a * step + lane], x);
            }
            for (var m = masks[Queries + a]; m != 0; m &= m - 1)
            {
                var lane = BitOperations.TrailingZeroCount(m);
                heaps.Insert(x0 + lane, dist[a * step + lane], q);
            }
        }
    }

    /// <summary>Queries <see cref="ScanAll"/> scans together: each panel of points is loaded once for all of
    /// them.</summary>
    private const int ScanGroup = 4;

    /// <summary>
    /// The exact k nearest points of up to <see cref="ScanGroup"/> queries whose candidates could not be shown to
    /// hold their answer (the float distances' error bound exceeded the gap after the candidates: features of very
    /// different scales, say an income beside 0/1 flags): one float pass over every point's panel bounds each
    /// point's double distance from below, and only the points whose bound is within the query's threshold are
    /// measured in double, instead of every point.
    /// </summary>
    /// <param name="queries">The queries' numbers.</param>
    /// <param name="rows">The queries' rows in double, one per query.</param>
    /// <param name="qRows">Every query's centred float row.</param>
    /// <param name="qNorms">Every query's float squared norm.</param>
    /// <param name="excludeSelf">Whether query q must not be answered with point q.</param>
    /// <param name="thresholds">Every query's threshold (see remarks); infinite measures every point.</param>
    /// <param name="heaps">One heap per query, reset here, that receives its answer.</param>
    /// <param name="scratch">Room for one point's row.</param>
    /// <remarks>Rigorous as <see cref="Recheck"/>'s test, with its error bound taken per point: the float distance
    /// <c>f = fl(Q + X) − 2·fl(q̃·x̃)</c> is within <c>e = _errorFactor·(Q + X) + _errorFloor</c> of the true squared
    /// distance and the double one within <see cref="DoubleError"/> relative of it, so a point's double distance is
    /// at least <c>(f − e)·(1 − DoubleError)</c>. A threshold (the k-th smallest double distance among the
    /// candidates, or the query's limit when smaller) is at least the k-th smallest double distance of all points,
    /// so every point of the exact top k within the limit, ties included, passes the test, and the top k of the
    /// points that pass, by (double distance, index), is the exact answer. The vector pass lets through a superset
    /// of the points the test passes (its cut and factor raised by 2⁻¹⁶, more than float's rounding of
    /// cut + factor·X can take away, and the cut by 10⁻³⁸ for subnormal products); only those are tested exactly,
    /// one by one, in the order of the points, as a scan of one query at a time would.</remarks>
    private void ScanAll(ReadOnlySpan<int> queries, double[][] rows, float[] qRows, float[] qNorms,
        bool excludeSelf, double[] thresholds, ExactTopK[] heaps, Span<double> scratch)
    {
        Interlocked.Add(ref _scans, queries.Length);
        var g = queries.Length;
        // f − _errorFactor·X ≤ cut  ⟺  (f − e)·(1 − DoubleError) ≤ threshold.
        Span<double> cuts = stackalloc double[ScanGroup];
        Span<float> loose = stackalloc float[ScanGroup];
        Span<int> offsets = stackalloc int[ScanGroup];
        for (var i = 0; i < ScanGroup; i++)
        {
            var q = queries[Math.Min(i, g - 1)];
            cuts[i] = thresholds[q] / (1 - DoubleError) + _errorFactor * qNorms[q] + _errorFloor;
            loose[i] = (float)(cuts[i] * (1 + Math.Pow(2, -16)) + 1e-38);
            offsets[i] = q * _dims;
            if (i < g) heaps[i].Reset();
        }
        var (d, lanes, width) = (_dims, _lanes, Vector<float>.Count);
        var vectors = Vector.IsHardwareAccelerated && lanes % width == 0;
        var looseFactor = new Vector<float>((float)(_errorFactor * (1 + Math.Pow(2, -16))));
        Span<float> dot = stackalloc float[lanes];
        fixed (float* panels = _panels, norms = _norms, rowsOf = qRows)
        {
            float* q0 = rowsOf + offsets[0], q1 = rowsOf + offsets[1], q2 = rowsOf + offsets[2],
                q3 = rowsOf + offsets[3];
            for (var p = 0; p * lanes < Count; p++)
            {
                var panel = panels + p * d * lanes;
                if (!vectors)
                {
                    for (var i = 0; i < g; i++)
                    {
                        dot.Clear();
                        var qi = rowsOf + offsets[i];
                        for (var c = 0; c < d; c++)
                            for (var l = 0; l < lanes; l++) dot[l] += qi[c] * panel[c * lanes + l];
                        Offer(rows[i], qNorms[queries[i]], excludeSelf ? queries[i] : -1, cuts[i], dot, p * lanes,
                            ref heaps[i], scratch);
                    }
                    continue;
                }
                for (var v = 0; v < lanes; v += width)
                {
                    Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
                    for (var c = 0; c < d; c++)
                    {
                        var x = Vector.Load(panel + c * lanes + v);
                        a0 += new Vector<float>(q0[c]) * x;
                        a1 += new Vector<float>(q1[c]) * x;
                        a2 += new Vector<float>(q2[c]) * x;
                        a3 += new Vector<float>(q3[c]) * x;
                    }
                    var norm = Vector.Load(norms + p * lanes + v);
                    var slack = looseFactor * norm;
                    for (var i = 0; i < g; i++)
                    {
                        var acc = i switch { 0 => a0, 1 => a1, 2 => a2, _ => a3 };
                        var f = new Vector<float>(qNorms[queries[i]]) + norm - acc * 2;
                        if (!Vector.LessThanOrEqualAny(f, new Vector<float>(loose[i]) + slack)) continue;
                        acc.CopyTo(dot);
                        Offer(rows[i], qNorms[queries[i]], excludeSelf ? queries[i] : -1, cuts[i], dot[..width],
                            p * lanes + v, ref heaps[i], scratch);
                    }
                }
            }
        }
    }

    /// <summary>Offers each point from <paramref name="first"/> on whose float distance passes
    /// <see cref="ScanAll"/>'s test to <paramref name="heap"/> at its double distance, in the points' order.</summary>
    private void Offer(ReadOnlySpan<double> query, float qNorm, int self, double cut, ReadOnlySpan<float> dot,
        int first, ref ExactTopK heap, Span<double> scratch)
    {
        var metric = DistanceMetric.Euclidean;
        for (var l = 0; l < dot.Length; l++)
        {
            var j = first + l;
            if (j >= Count) break;
            var x = _norms[j];
            float f = qNorm + x - 2 * dot[l];
            if (j != self && f - _errorFactor * x <= cut) heap.Offer(metric.Reduced(query, Point(j, scratch)), j);
        }
    }

    /// <summary>Query <paramref name="i"/>, in place or made in <paramref name="scratch"/>.</summary>
    private delegate ReadOnlySpan<double> RowOf(int i, Span<double> scratch);

    /// <summary>Relative error allowed for the double-precision distances compared against the bound
    /// (<c>d·2⁻⁵³</c> with margin, d ≤ 2¹⁶).</summary>
    private static readonly double DoubleError = Math.Pow(2, -34);

    /// <summary>
    /// Pass 2: the exact answer of each row from its candidates, or from a full exact scan when the candidates
    /// cannot be shown to contain it.
    /// </summary>
    /// <remarks>
    /// <para>Why the test is rigorous, for any width, thread count and summation order. Let <c>u = 2⁻²⁴</c>,
    /// <c>q̃, x̃</c> the centred single-precision rows and <c>Q = ‖q̃‖², X = ‖x̃‖²</c>. (1) Centring and rounding
    /// to float moves each coordinate by at most about <c>u|x̃ᵢ|</c>, so the true squared distance differs from
    /// <c>‖q̃ − x̃‖²</c> by at most about <c>2u(‖q̃‖ + ‖x̃‖)² ≤ 4.05u(Q + X)</c>. (2) The float pass computes
    /// <c>fl(fl(Q) + fl(X)) − 2·fl(q̃·x̃)</c>: the norms are rounded once each (≤ 1.01u(Q + X)), their sum once
    /// (≤ 1.02u(Q + X)), the final multiply-add once on a value at most <c>2(Q + X)</c> (≤ 2.02u(Q + X)), and
    /// the dot product of <c>d</c> terms, evaluated in ANY order, fused or not, is off by at most
    /// <c>γ_d Σ|q̃ᵢx̃ᵢ| ≤ γ_d (Q + X)/2</c> with <c>γ_d = du/(1 − du)</c> (Higham, Accuracy and Stability of
    /// Numerical Algorithms, §3.1: each product passes through at most d roundings). Doubled, that is
    /// <c>≈ d·u(Q + X)</c>. The kernel sums each dot product feature by feature at every width, but the bound does
    /// not rely on it. In all <c>(d + 8.2)·u·(Q + X)</c>; the index uses four times that, with <c>_maxNorm</c>
    /// for X. (3) Underflow to subnormals adds at most 2⁻¹⁵⁰ per rounding: <c>_errorFloor</c>. (4) The double
    /// distances the candidates are ranked by are within <c>d·2⁻⁵³</c> relative of the true ones:
    /// <c>DoubleError</c>.</para>
    /// <para>Every point not among a row's candidates had a float distance at least <c>bound</c> (it lost to a
    /// heap's worst, or to a shared bound that was some heap's worst, or was evicted), so its double distance is
    /// at least <c>bound − error</c>. When that is strictly above the k-th candidate's double distance, no
    /// outside point can enter or tie the top k, and the candidates' order (distance, then index) is the exact
    /// answer.</para>
    /// <para>With limits (<see cref="QueryWithin"/>) the shared bounds start at the seeded ones instead of +∞, so
    /// a point never offered had a float distance at least its row's seed, and the seed joins the bound; the answer
    /// is accepted when no outside point can come within both the k-th candidate and the limit.</para>
    /// </remarks>
    private KNeighbors Recheck(int k, Heaps[] heaps, int queryCount, RowOf rowOf, float[] qRows, float[] qNorms,
        bool excludeSelf, double[]? within, float[]? seeded)
    {
        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        var metric = DistanceMetric.Euclidean;
        var capacity = heaps.Sum(h => h.Capacity);
        // A query's threshold when its candidates are not shown to hold its answer, else NaN.
        var thresholds = new double[queryCount];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        Parallel.For(0, queryCount, options,
            () => (D: new double[capacity], I: new int[capacity], Query: new double[_dims], Row: new double[_dims]),
            (q, _, s) =>
            {
                var query = rowOf(q, s.Query);
                var n = 0;
                var bound = seeded is null ? double.PositiveInfinity : seeded[q];
                var limit = within is null ? double.PositiveInfinity : within[q];
                foreach (var h in heaps)
                {
                    var c = h.Count[q];
                    for (var e = 0; e < c; e++)
                    {
                        var j = h.Index[q * h.Capacity + e];
                        s.I[n] = j;
                        s.D[n++] = metric.Reduced(query, Point(j, s.Row));
                    }
                    if (c == h.Capacity) bound = Math.Min(bound, h.Worst[q]);
                }
                var d = s.D.AsSpan(0, n);
                var idx = s.I.AsSpan(0, n);
                ExactTopK.SortPairs(d, idx);
                var error = _errorFactor * (qNorms[q] + _maxNorm) + _errorFloor + DoubleError * Math.Abs(bound);
                var threshold = Math.Min(n >= k ? d[k - 1] : double.PositiveInfinity, limit);
                var accepted = (n >= k || within is not null)
                    && (double.IsPositiveInfinity(bound) || bound - error > threshold);
                thresholds[q] = accepted ? double.NaN : threshold;
                if (!accepted) return s;
                d[..Math.Min(n, k)].CopyTo(distances.AsSpan(q * k, k));
                idx[..Math.Min(n, k)].CopyTo(indices.AsSpan(q * k, k));
                Finish(q, n, k, limit, indices, distances);
                return s;
            },
            _ => { });
        var scanned = Enumerable.Range(0, queryCount).Where(q => !double.IsNaN(thresholds[q])).ToArray();
        // Queries with the same row (duplicate rows, common in one-hot data, tie beyond any candidate list) share one
        // pass: it keeps k + 1 points, the query's own row not excluded, at the largest of their thresholds.
        var (scans, sharers) = SameRows(scanned, rowOf, thresholds);
        Interlocked.Add(ref _scans, scanned.Length - scans.Length);
        var kept = excludeSelf ? k + 1 : k;
        Parallel.For(0, (scans.Length + ScanGroup - 1) / ScanGroup, options,
            () => (Heaps: Enumerable.Range(0, ScanGroup).Select(_ => new ExactTopK(kept)).ToArray(),
                Rows: Enumerable.Range(0, ScanGroup).Select(_ => new double[_dims]).ToArray(), Row: new double[_dims],
                D: new double[kept], I: new int[kept]),
            (group, _, s) =>
            {
                var first = group * ScanGroup;
                var queries = scans.AsSpan(first, Math.Min(ScanGroup, scans.Length - first));
                for (var i = 0; i < queries.Length; i++) rowOf(queries[i], s.Rows[i]).CopyTo(s.Rows[i]);
                ScanAll(queries, s.Rows, qRows, qNorms, excludeSelf: false, thresholds, s.Heaps, s.Row);
                for (var i = 0; i < queries.Length; i++)
                {
                    var n = s.Heaps[i].CopySorted(s.D, s.I);
                    foreach (var q in sharers[first + i])
                    {
                        // The k nearest but the query itself, in order: the exact top k + 1 holds them.
                        var m = 0;
                        for (var e = 0; e < n && m < k; e++)
                        {
                            if (excludeSelf && s.I[e] == q) continue;
                            distances[q * k + m] = s.D[e];
                            indices[q * k + m++] = s.I[e];
                        }
                        Finish(q, m, k, within is null ? double.PositiveInfinity : within[q], indices, distances);
                    }
                }
                return s;
            },
            _ => { });
        return new KNeighbors(k, indices, distances);
    }

    /// <summary>
    /// The queries of <paramref name="scanned"/> grouped by their rows, bit for bit, in the order of their first
    /// query: each group's first query (<c>Scans</c>), whose threshold becomes the largest of the group's, and the
    /// group's queries (<c>Sharers</c>, the first included). Rigorous: every threshold is at least the k-th
    /// smallest distance to the points other than its query, which is the same for queries with the same row.
    /// </summary>
    private (int[] Scans, int[][] Sharers) SameRows(int[] scanned, RowOf rowOf, double[] thresholds)
    {
        var byHash = new Dictionary<int, List<int>>();
        var groups = new List<List<int>>();
        double[] row = new double[_dims], other = new double[_dims];
        foreach (var q in scanned)
        {
            var values = rowOf(q, row);
            var hash = new HashCode();
            foreach (var v in values) hash.Add(BitConverter.DoubleToInt64Bits(v));
            var key = hash.ToHashCode();
            if (!byHash.TryGetValue(key, out var candidates)) byHash[key] = candidates = [];
            var group = -1;
            foreach (var g in candidates)
                if (SameBits(values, rowOf(groups[g][0], other)))
                {
                    group = g;
                    break;
                }
            if (group < 0)
            {
                group = groups.Count;
                groups.Add([]);
                candidates.Add(group);
            }
            groups[group].Add(q);
        }
        var scans = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            scans[g] = groups[g][0];
            foreach (var q in groups[g]) thresholds[scans[g]] = Math.Max(thresholds[scans[g]], thresholds[q]);
        }
        return (scans, [.. groups.Select(g => g.ToArray())]);
    }

    /// <summary>Whether two rows hold the same values, bit for bit.</summary>
    private static bool SameBits(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        for (var j = 0; j < a.Length; j++)
            if (BitConverter.DoubleToInt64Bits(a[j]) != BitConverter.DoubleToInt64Bits(b[j])) return false;
        return true;
    }

    /// <summary>Query <paramref name="q"/>'s answer of <paramref name="n"/> neighbours as returned: distances
    /// within <paramref name="limit"/> (squared) made Euclidean, the rest of its k places empty.</summary>
    private static void Finish(int q, int n, int k, double limit, int[] indices, double[] distances)
    {
        for (var c = 0; c < k; c++)
        {
            if (c < n && distances[q * k + c] <= limit)
            {
                distances[q * k + c] = Math.Sqrt(distances[q * k + c]);
            }
            else
            {
                distances[q * k + c] = double.PositiveInfinity;
                indices[q * k + c] = -1;
            }
        }
    }
}
