using System.Numerics;

namespace Imbalanced.Neighbors;

/// <summary>
/// Refines an approximate k-nearest-neighbour graph by neighbour descent (NN-Descent; Dong, Charikar and Li,
/// 2011): a neighbour of a neighbour is likely a neighbour, so each round compares, for every point, the points
/// around it (its graph neighbours and the points that have it as one) with each other, and offers each the other
/// as a neighbour. Rounds repeat until few lists change.
/// </summary>
/// <remarks>
/// <para>Deterministic whatever the thread count: a round's comparisons are chosen from the graph as it was at
/// the start of the round (each point's new neighbours nearest first, up to <c>sample</c>; the points that have
/// it as a neighbour, up to <c>sample</c> taken from a place fixed by the point and the round), and a list keeps
/// the best <c>K</c> of everything it was offered by (squared distance, index), a set that does not depend on
/// the order of the offers. A list is updated under a lock; an offer is first checked, without the lock, against
/// the list's worst, which only ever decreases, so a stale worst only lets more offers through to the locked
/// check.</para>
/// <para>The graph keeps squared distances in single precision (half the memory); the answers' order and
/// distances are exact (double precision) again. Comparisons per round: about <c>n·(sample² + 2·sample·K)</c>,
/// independent of n per point, so the whole refinement grows about linearly with the rows.</para>
/// </remarks>
internal sealed class NeighborDescent
{
    private const int Stripes = 1 << 14;

    private readonly double[] _points;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly int[] _old;
    private readonly int[] _new;
    private readonly float[] _rows;
    private readonly int[] _idx;
    private readonly float[] _dist;
    // 0: joined already; 1: new, not yet joined; 2: entered during the current round.
    private readonly byte[] _fresh;
    private readonly ParallelOptions _options;
    // One spin lock per stripe of points (0 free, 1 held): a list is held for a few dozen instructions, far less
    // than a monitor's slow path costs.
    private readonly int[] _locks = new int[Stripes];

    /// <param name="points">The points, row-major.</param>
    /// <param name="count">Number of points.</param>
    /// <param name="dimensions">Dimension of the points.</param>
    /// <param name="order">A permutation of the points: the graph numbers point <c>order[i]</c> as <c>i</c>, so
    /// that points near each other in this order (the members of one list of the approximate index) sit near
    /// each other in memory, which the random reads of the descent need to stay in cache.</param>
    /// <param name="initial">Each point's first neighbours (self excluded, no repeats, −1 for none), nearest
    /// first, <paramref name="initialWidth"/> per point.</param>
    /// <param name="reduced">Their squared distances.</param>
    /// <param name="initialWidth">Neighbours per point in <paramref name="initial"/>, at most
    /// <paramref name="width"/>.</param>
    /// <param name="width">Neighbours kept per point (the graph's K).</param>
    /// <param name="threads">Threads used; the result does not depend on them.</param>
    public NeighborDescent(double[] points, int count, int dimensions, int[] order, int[] initial, double[] reduced,
        int initialWidth, int width, int threads)
    {
        _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _points = points;
        _n = count;
        _d = dimensions;
        _k = width;
        _old = order;
        _new = new int[count];
        for (var i = 0; i < count; i++) _new[order[i]] = i;
        _rows = new float[count * dimensions];
        _idx = new int[count * width];
        _dist = new float[count * width];
        _fresh = new byte[count * width];
        Array.Fill(_fresh, (byte)1);
        Parallel.For(0, count, _options, v =>
        {
            var old = order[v];
            for (var c = 0; c < dimensions; c++) _rows[v * dimensions + c] = (float)points[old * dimensions + c];
            var row = v * width;
            for (var j = 0; j < width; j++)
            {
                var was = j < initialWidth ? initial[old * initialWidth + j] : -1;
                var u = was < 0 ? -1 : _new[was];
                var d = u < 0 ? float.PositiveInfinity : (float)reduced[old * initialWidth + j];
                // Rounding to single precision can tie distances that were ordered; keep (distance, index) order.
                var at = j;
                for (; at > 0 && Before(d, u, _dist[row + at - 1], _idx[row + at - 1]); at--)
                {
                    _dist[row + at] = _dist[row + at - 1];
                    _idx[row + at] = _idx[row + at - 1];
                }
                _dist[row + at] = d;
                _idx[row + at] = u;
            }
        });
    }

    /// <summary>Runs rounds until at most <paramref name="delta"/>·n·K list entries change in a round or
    /// <paramref name="rounds"/> rounds have run; returns the rounds run.</summary>
    public int Refine(int rounds, int sample, double delta)
    {
        var options = _options;
        // The round's buffers are made once and reused: made afresh each round they left hundreds of MB of large
        // arrays to the garbage collector at every round.
        var fresh = new int[_n * sample];
        var old = new int[_n * sample];
        var (freshStart, freshBack) = (new int[_n + 1], new int[_n * sample]);
        var (oldStart, oldBack) = (new int[_n + 1], new int[_n * sample]);
        var next = new int[_n];
        for (var round = 0; round < rounds; round++)
        {
            Sample(sample, options, fresh, old);
            Reverse(fresh, freshStart, freshBack, next);
            Reverse(old, oldStart, oldBack, next);
            Parallel.For(0, _n, options, () => (Fresh: new List<int>(), Old: new List<int>()), (v, _, s) =>
            {
                Gather(v, fresh, freshStart, freshBack, sample, round, s.Fresh);
                Gather(v, old, oldStart, oldBack, sample, round, s.Old);
                Join(s.Fresh, s.Old);
                return s;
            }, _ => { });
            // The entries that entered this round and stayed: the lists' final contents do not depend on the
            // order of the offers, so neither does this count (a count of insertions would).
            long changed = 0;
            Parallel.For(0, _n, options, () => 0L, (v, _, c) =>
            {
                for (var j = v * _k; j < (v + 1) * _k; j++)
                {
                    if (_fresh[j] != 2) continue;
                    _fresh[j] = 1;
                    c++;
                }
                return c;
            }, c => Interlocked.Add(ref changed, c));
            if (changed <= delta * _n * _k) return round + 1;
        }
        return rounds;
    }

    /// <summary>The first <paramref name="k"/> neighbours of every point (itself among them with
    /// <paramref name="includeSelf"/>), by exact distance and then index, with their Euclidean distances.</summary>
    public KNeighbors Take(int k, bool includeSelf)
    {
        var indices = new int[_n * k];
        var distances = new double[_n * k];
        Parallel.For(0, _n, _options, v =>
        {
            var found = includeSelf ? k - 1 : k;
            var self = _old[v];
            var row = indices.AsSpan(self * k, k);
            var reduced = distances.AsSpan(self * k, k);
            var at = 0;
            if (includeSelf)
            {
                row[at] = self;
                reduced[at++] = 0;
            }
            for (var j = 0; j < found && j < _k && _idx[v * _k + j] >= 0; j++)
            {
                row[at] = _old[_idx[v * _k + j]];
                reduced[at++] = Exact(self, row[at - 1]);
            }
            // Insertion sort by (exact squared distance, index): single-precision ties and rounding may have
            // ordered the graph's list slightly differently.
            for (var i = 1; i < at; i++)
            {
                var (d, u) = (reduced[i], row[i]);
                var j = i;
                for (; j > 0 && (reduced[j - 1] > d || (reduced[j - 1] == d && row[j - 1] > u)); j--)
                {
                    reduced[j] = reduced[j - 1];
                    row[j] = row[j - 1];
                }
                reduced[j] = d;
                row[j] = u;
            }
            for (var i = 0; i < at; i++) reduced[i] = Math.Sqrt(reduced[i]);
        });
        return new KNeighbors(k, indices, distances);
    }

    /// <summary>Each point's new neighbours to join this round (nearest first, up to <paramref name="sample"/>,
    /// then marked old) and its old neighbours (nearest first, up to <paramref name="sample"/>), −1 padded.</summary>
    private void Sample(int sample, ParallelOptions options, int[] fresh, int[] old)
    {
        Array.Fill(fresh, -1);
        Array.Fill(old, -1);
        Parallel.For(0, _n, options, v =>
        {
            int f = 0, o = 0;
            for (var j = 0; j < _k; j++)
            {
                var u = _idx[v * _k + j];
                if (u < 0) break;
                if (_fresh[v * _k + j] != 0)
                {
                    if (f < sample)
                    {
                        fresh[v * sample + f++] = u;
                        _fresh[v * _k + j] = 0;
                    }
                }
                else if (o < sample)
                {
                    old[v * sample + o++] = u;
                }
            }
        });
    }

    /// <summary>For every point, the points that list it in <paramref name="lists"/> (rows of equal width), in
    /// ascending order, as offsets into <paramref name="members"/>; <paramref name="next"/> is scratch.</summary>
    private void Reverse(int[] lists, int[] start, int[] members, int[] next)
    {
        var per = lists.Length / Math.Max(1, _n);
        Array.Clear(start);
        foreach (var u in lists) if (u >= 0) start[u + 1]++;
        for (var v = 0; v < _n; v++) start[v + 1] += start[v];
        Array.Copy(start, next, _n);
        for (var v = 0; v < _n; v++)
            foreach (var u in lists.AsSpan(v * per, per))
                if (u >= 0) members[next[u]++] = v;
    }

    /// <summary>Point <paramref name="v"/>'s own list and up to <paramref name="sample"/> of the points listing
    /// it, from a place fixed by the point and the round, without repeats.</summary>
    private static void Gather(int v, int[] lists, int[] start, int[] back, int sample, int round, List<int> into)
    {
        into.Clear();
        var per = lists.Length / Math.Max(1, start.Length - 1);
        foreach (var u in lists.AsSpan(v * per, per)) if (u >= 0) into.Add(u);
        var count = start[v + 1] - start[v];
        var take = Math.Min(sample, count);
        var from = count == 0 ? 0 : (int)((uint)(v * 0x9E3779B1 + round * 0x85EBCA6B) % (uint)count);
        for (var t = 0; t < take; t++)
        {
            var u = back[start[v] + (from + t) % count];
            if (!into.Contains(u)) into.Add(u);
        }
    }

    /// <summary>Compares each new point with the other new points and with the old ones, offering each to the
    /// other.</summary>
    private void Join(List<int> fresh, List<int> old)
    {
        for (var a = 0; a < fresh.Count; a++)
        {
            var p = fresh[a];
            for (var b = a + 1; b < fresh.Count; b++) Pair(p, fresh[b]);
            foreach (var q in old) if (q != p) Pair(p, q);
        }
    }

    private void Pair(int p, int q)
    {
        var d = Distance(p, q);
        Offer(p, q, d);
        Offer(q, p, d);
    }

    /// <summary>The squared distance of graph points <paramref name="a"/> and <paramref name="b"/> in single
    /// precision: the graph's order (the answers' distances are recomputed exactly in <see cref="Take"/>).</summary>
    private float Distance(int a, int b)
    {
        var x = _rows.AsSpan(a * _d, _d);
        var y = _rows.AsSpan(b * _d, _d);
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && _d >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i + Vector<float>.Count <= _d; i += Vector<float>.Count)
            {
                var diff = new Vector<float>(x[i..]) - new Vector<float>(y[i..]);
                acc += diff * diff;
            }
            sum = Vector.Sum(acc);
        }
        for (; i < _d; i++)
        {
            var diff = x[i] - y[i];
            sum += diff * diff;
        }
        return sum;
    }

    /// <summary>The exact squared distance of input points <paramref name="a"/> and <paramref name="b"/>.</summary>
    private double Exact(int a, int b) =>
        DistanceMetric.Euclidean.Reduced(_points.AsSpan(a * _d, _d), _points.AsSpan(b * _d, _d));

    /// <summary>Offers <paramref name="u"/> at squared distance <paramref name="d"/> to <paramref name="v"/>'s
    /// list.</summary>
    private void Offer(int v, int u, float d)
    {
        var last = v * _k + _k - 1;
        // The worst distance only decreases, so a stale one is at least the current one.
        if (d > Volatile.Read(ref _dist[last])) return;
        ref var held = ref _locks[v & (Stripes - 1)];
        while (Interlocked.CompareExchange(ref held, 1, 0) != 0) Thread.SpinWait(1);
        try
        {
            if (!Before(d, u, _dist[last], _idx[last])) return;
            var row = v * _k;
            for (var j = 0; j < _k; j++) if (_idx[row + j] == u) return;
            var at = _k - 1;
            while (at > 0 && Before(d, u, _dist[row + at - 1], _idx[row + at - 1]))
            {
                _dist[row + at] = _dist[row + at - 1];
                _idx[row + at] = _idx[row + at - 1];
                _fresh[row + at] = _fresh[row + at - 1];
                at--;
            }
            _dist[row + at] = d;
            _idx[row + at] = u;
            _fresh[row + at] = 2;
        }
        finally
        {
            Volatile.Write(ref held, 0);
        }
    }

    /// <summary>(d1, i1) before (d2, i2); an empty slot (−1, +∞) comes after every point.</summary>
    private static bool Before(float d1, int i1, float d2, int i2) =>
        d1 < d2 || (d1 == d2 && (i2 < 0 || i1 < i2));
}
