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
/// <para>Memory: the graph holds no distances. A list is kept sorted by (single-precision squared distance,
/// index), the distances recomputed from a single-precision copy of the points when an offer is placed; only
/// each list's worst distance is stored, for the check that rejects most offers. A round's comparisons come
/// from a copy of the lists' samples made at its start; the reverse lists (who lists whom) are built for a block
/// of points at a time; which entries are new takes two bits each (<see cref="EntryFlags"/>). About
/// <c>n·(4·d + 8.75·K + 8)</c> bytes beside the points for K neighbours of points of dimension d (at
/// 2,000,000 × 20, K = 24: 600 MB), where a graph with its distances and whole reverse lists took 1 GB. The
/// single-precision rows are made only after the first graph is in, when the approximate index's lists have let
/// theirs go.</para>
/// <para>Comparisons per round: about <c>n·(sample² + 2·sample·K)</c>, independent of n per point, so the whole
/// refinement grows about linearly with the rows. The answers' order and distances are exact (double precision)
/// again.</para>
/// </remarks>
internal sealed class NeighborDescent
{
    private const int Stripes = 1 << 14;

    private readonly PointRows _points;
    private readonly int _n;
    private readonly int _d;
    private readonly int _k;
    private readonly int[] _old;
    private readonly int[] _new;
    // The points in graph order, single precision: made once the first neighbours are in (Refine).
    private float[] _rows = [];
    private readonly int[] _idx;
    // Each list's worst squared distance (+∞ while the list has empty places). This and the marks are made once the
    // first neighbours are in (Order): the first graph's search needs its memory meanwhile.
    private float[] _worst = [];
    // 0: joined already; 1: new, not yet joined; 2: entered during the current round.
    private EntryFlags _fresh = new(0, 1, 1);
    private readonly ParallelOptions _options;
    // One spin lock per stripe of points (0 free, 1 held): a list is held for a few dozen instructions, far less
    // than a monitor's slow path costs.
    private readonly int[] _locks = new int[Stripes];

    /// <summary>Reverse lists are built for one block of points at a time: a block's reverse lists take about
    /// <c>1 / Blocks</c> of all of them.</summary>
    private const int Blocks = 8;

    /// <param name="points">The points.</param>
    /// <param name="order">A permutation of the points: the graph numbers point <c>order[i]</c> as <c>i</c>, so
    /// that points near each other in this order (the members of one list of the approximate index) sit near
    /// each other in memory, which the random reads of the descent need to stay in cache.</param>
    /// <param name="width">Neighbours kept per point (the graph's K).</param>
    /// <param name="threads">Threads used; the result does not depend on them.</param>
    /// <remarks>The lists start empty: <see cref="Seed"/> gives each point its first neighbours.</remarks>
    public NeighborDescent(PointRows points, int[] order, int width, int threads)
    {
        _options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _points = points;
        var count = points.Count;
        _n = count;
        _d = points.Dimensions;
        _k = width;
        _old = order;
        _new = new int[count];
        for (var i = 0; i < count; i++) _new[order[i]] = i;
        _idx = new int[count * width];
        Array.Fill(_idx, -1);
    }

    /// <summary>Gives points <paramref name="first"/> … <c>first + count − 1</c> (the graph's numbering: point
    /// <c>order[first]</c> first) their first neighbours: <paramref name="per"/> per point in
    /// <paramref name="neighbors"/> (input numbering, self excluded, no repeats, −1 for none), at most the graph's K.
    /// They are put in order in <see cref="Refine"/>.</summary>
    public void Seed(int first, int count, int[] neighbors, int per)
    {
        Parallel.For(0, count, _options, r =>
        {
            var row = (first + r) * _k;
            for (var j = 0; j < per; j++)
            {
                var was = neighbors[r * per + j];
                _idx[row + j] = was < 0 ? -1 : _new[was];
            }
        });
    }

    /// <summary>Makes the single-precision rows, the worst distances and the marks (not held while the first graph
    /// is found, when the approximate index's lists make theirs) and puts each list in order by
    /// (<see cref="Distance"/>, index).</summary>
    private void Order()
    {
        _worst = new float[_n];
        _fresh = new EntryFlags(_n, _k, 1);
        _rows = new float[_n * _d];
        Parallel.For(0, _n, _options, () => new double[_d], (v, _, scratch) =>
        {
            var point = _points.Row(_old[v], scratch);
            for (var c = 0; c < _d; c++) _rows[v * _d + c] = (float)point[c];
            return scratch;
        }, _ => { });
        Parallel.For(0, _n, _options, v =>
        {
            var row = _idx.AsSpan(v * _k, _k);
            Span<float> dist = _k <= 256 ? stackalloc float[_k] : new float[_k];
            var filled = 0;
            for (; filled < _k && row[filled] >= 0; filled++)
            {
                // Insertion sort: the first neighbours come nearly in order (by exact distance).
                var (u, d) = (row[filled], Distance(v, row[filled]));
                var at = filled;
                for (; at > 0 && Before(d, u, dist[at - 1], row[at - 1]); at--)
                {
                    dist[at] = dist[at - 1];
                    row[at] = row[at - 1];
                }
                (dist[at], row[at]) = (d, u);
            }
            _worst[v] = filled == _k ? dist[_k - 1] : float.PositiveInfinity;
        });
    }

    /// <summary>Runs rounds until at most <paramref name="delta"/>·n·K list entries change in a round or
    /// <paramref name="rounds"/> rounds have run; returns the rounds run.</summary>
    public int Refine(int rounds, int sample, double delta)
    {
        Order();
        var options = _options;
        // The round's buffers are made once and reused: made afresh each round they left hundreds of MB of large
        // arrays to the garbage collector at every round.
        var fresh = new int[_n * sample];
        var old = new int[_n * sample];
        var block = (_n + Blocks - 1) / Blocks;
        var freshBack = new ReverseLists(block, _n * sample / Blocks);
        var oldBack = new ReverseLists(block, _n * sample / Blocks);
        for (var round = 0; round < rounds; round++)
        {
            Sample(sample, options, fresh, old);
            for (var lo = 0; lo < _n; lo += block)
            {
                var hi = Math.Min(_n, lo + block);
                Parallel.Invoke(options, () => freshBack.Build(fresh, sample, lo, hi),
                    () => oldBack.Build(old, sample, lo, hi));
                Parallel.For(lo, hi, options, () => (Fresh: new List<int>(), Old: new List<int>()), (v, _, s) =>
                {
                    Gather(v, fresh, freshBack, sample, round, s.Fresh);
                    Gather(v, old, oldBack, sample, round, s.Old);
                    Join(s.Fresh, s.Old);
                    return s;
                }, _ => { });
            }
            // The entries that entered this round and stayed: the lists' final contents do not depend on the
            // order of the offers, so neither does this count (a count of insertions would).
            long changed = 0;
            Parallel.For(0, _n, options, () => 0L, (v, _, c) =>
            {
                for (var j = 0; j < _k; j++)
                {
                    if (_fresh.Get(v, j) != 2) continue;
                    _fresh.Set(v, j, 1);
                    c++;
                }
                return c;
            }, c => Interlocked.Add(ref changed, c));
            if (changed <= delta * _n * _k) return Done(round + 1);
        }
        return Done(rounds);
    }

    /// <summary>Lets the single-precision rows go (the answers are ordered by exact distances) and returns
    /// <paramref name="rounds"/>.</summary>
    private int Done(int rounds)
    {
        _rows = [];
        return rounds;
    }

    /// <summary>The first <paramref name="k"/> neighbours of every point (the point itself a candidate at distance
    /// 0 with <paramref name="includeSelf"/>, ordered among exact duplicates by index as the exact engine orders
    /// it), by exact distance and then index, with their Euclidean distances.</summary>
    public KNeighbors Take(int k, bool includeSelf)
    {
        var indices = new int[_n * k];
        var distances = new double[_n * k];
        Parallel.For(0, _n, _options, () => (Row: new int[k + 1], Reduced: new double[k + 1], Self: new double[_d],
            Other: new double[_d]), (v, _, scratch) =>
        {
            var self = _old[v];
            var (row, reduced) = (scratch.Row, scratch.Reduced);
            var point = _points.Row(self, scratch.Self);
            var at = 0;
            if (includeSelf)
            {
                row[at] = self;
                reduced[at++] = 0;
            }
            for (var j = 0; j < k && j < _k && _idx[v * _k + j] >= 0; j++)
            {
                row[at] = _old[_idx[v * _k + j]];
                reduced[at++] = DistanceMetric.Euclidean.Reduced(point, _points.Row(row[at - 1], scratch.Other));
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
            var kept = Math.Min(at, k);
            row.AsSpan(0, kept).CopyTo(indices.AsSpan(self * k, k));
            for (var i = 0; i < kept; i++) distances[self * k + i] = Math.Sqrt(reduced[i]);
            return scratch;
        }, _ => { });
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
                if (_fresh.Get(v, j) != 0)
                {
                    if (f < sample)
                    {
                        fresh[v * sample + f++] = u;
                        _fresh.Set(v, j, 0);
                    }
                }
                else if (o < sample)
                {
                    old[v * sample + o++] = u;
                }
            }
        });
    }

    /// <summary>Point <paramref name="v"/>'s own list and up to <paramref name="sample"/> of the points listing
    /// it, from a place fixed by the point and the round, without repeats.</summary>
    private static void Gather(int v, int[] lists, ReverseLists back, int sample, int round, List<int> into)
    {
        into.Clear();
        foreach (var u in lists.AsSpan(v * sample, sample)) if (u >= 0) into.Add(u);
        var listing = back.Of(v);
        var count = listing.Length;
        var take = Math.Min(sample, count);
        var from = count == 0 ? 0 : (int)((uint)(v * 0x9E3779B1 + round * 0x85EBCA6B) % (uint)count);
        for (var t = 0; t < take; t++)
        {
            var u = listing[(from + t) % count];
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

    /// <summary>Offers <paramref name="u"/> at squared distance <paramref name="d"/> to <paramref name="v"/>'s
    /// list; the distances of the entries it passes are recomputed (<see cref="Distance"/> gives the same value
    /// for a pair every time).</summary>
    private void Offer(int v, int u, float d)
    {
        // The worst distance only decreases, so a stale one is at least the current one.
        if (d > Volatile.Read(ref _worst[v])) return;
        ref var held = ref _locks[v & (Stripes - 1)];
        while (Interlocked.CompareExchange(ref held, 1, 0) != 0) Thread.SpinWait(1);
        try
        {
            var row = v * _k;
            var last = row + _k - 1;
            if (!Before(d, u, _worst[v], _idx[last])) return;
            for (var j = row; j <= last; j++) if (_idx[j] == u) return;
            // Most offers that get this far land last: one distance decides that. The others find their place by
            // bisection (distances sorted, empty places last), then the entries after it move one place down and
            // the one moved into the last place gives the new worst distance.
            var (at, worst) = (_k - 1, d);
            if (_k > 1)
            {
                var w = _idx[last - 1];
                var dw = w < 0 ? float.PositiveInfinity : Distance(v, w);
                if (Before(d, u, dw, w))
                {
                    var (lo, hi) = (0, _k - 2);
                    while (lo < hi)
                    {
                        var mid = (lo + hi) >> 1;
                        var x = _idx[row + mid];
                        if (Before(d, u, x < 0 ? float.PositiveInfinity : Distance(v, x), x)) hi = mid;
                        else lo = mid + 1;
                    }
                    (at, worst) = (lo, dw);
                    _idx.AsSpan(row + at, _k - 1 - at).CopyTo(_idx.AsSpan(row + at + 1));
                    _fresh.MoveOn(v, at);
                }
            }
            _idx[row + at] = u;
            _fresh.Set(v, at, 2);
            Volatile.Write(ref _worst[v], _idx[last] < 0 ? float.PositiveInfinity : worst);
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
