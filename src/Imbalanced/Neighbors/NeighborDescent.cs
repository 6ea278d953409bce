using System.Numerics;
using System.Runtime.Intrinsics;

namespace Imbalanced.Neighbors;

/// <summary>
/// Refines an approximate k-nearest-neighbour graph by neighbour descent (NN-Descent; Dong, Charikar and Li,
/// 2011): a neighbour of a neighbour is likely a neighbour, so each round compares, for every point, the points
/// around it (its graph neighbours and the points that have it as one) with each other, and offers each the other
/// as a neighbour. Rounds repeat until few lists change.
/// </summary>
/// <remarks>
/// <para>Deterministic whatever the thread count: a round takes the points in blocks, one block after another,
/// and a block's comparisons are chosen from the graph as it stood at the round's start, but for entries pushed out
/// of their lists since (each of its points' entries not yet joined, nearest first, up to <c>sample</c>, and its
/// joined ones, up to <c>sample</c>; the points whose samples hold it, up to <c>sample</c> taken from a place fixed
/// by the point and the round; entries that entered during the round wait for the next), and a list keeps the best
/// <c>K</c> of everything it was offered by (squared distance, index), a set that does not depend on the order of
/// the offers; so neither does the graph at the next block's start. A list is updated under a lock; an offer is
/// first checked, without the lock, against the list's worst, which only ever decreases, so a stale worst only lets
/// more offers through to the locked check.</para>
/// <para>Memory: the graph holds no distances. A list is kept sorted by (squared distance, index), the
/// distances recomputed when an offer is placed from a copy of the points centred and rounded to 24-bit floats
/// (<see cref="Float24Rows"/>, three bytes a value); only each list's worst distance is stored, for the check that
/// rejects most offers. No copy of every list's sample is held: a block's points draw theirs at its start, and the
/// points whose samples hold them are found by reading every list again (<see cref="ReverseLists"/>, which
/// <see cref="Listing"/> hands only the block's entries); which entries are new takes two bits each
/// (<see cref="EntryFlags"/>). About <c>n·(3·d + 4.8·K + 4)</c> bytes beside the points for K neighbours of points
/// of dimension d (at 3,800,000 × 20, K = 24: 680 MB), where single-precision rows and a copy of every sample for
/// the round took <c>n·(4·d + 8.75·K + 8)</c> (1,130 MB). The rounded rows are made only after the first graph is
/// in. Measured (<c>benchmarks/results/streaming.md</c>): SMOTE-ENN on 2,000,000 rows peaked at 1,098 MB against
/// 1,566 MB; the 5-NN of 2,000,000 generated points kept recall@5 0.9950 (0.9952 with single-precision rows and
/// whole-round samples).</para>
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
    // The points in graph order, rounded: made once the first neighbours are in (Refine).
    private Float24Rows? _rows;
    private readonly int[] _idx;
    // Each list's worst squared distance (+∞ while the list has empty places). This, the marks and the rounded rows
    // are made once the first neighbours are in (Order): the first graph's search needs its memory meanwhile.
    private float[] _worst = [];
    // Where an entry stands in the current round: Old (joined in an earlier round), New (not yet joined), Drawn (New
    // at the round's start and drawn into its list's sample this round: still New to the samples the later blocks
    // read, Old from the next round), Entered (entered during this round: in no sample until the next round).
    private EntryFlags _fresh;
    private const int Old = 0, New = 1, Drawn = 2, Entered = 3;
    private readonly ParallelOptions _options;

    /// <summary>The entries' states (Old 0, New 1, Drawn 2, Entered 3), for tests.</summary>
    internal EntryFlags Flags => _fresh;
    // One spin lock per stripe of points (0 free, 1 held): a list is held for a few dozen instructions, far less
    // than a monitor's slow path costs.
    private readonly int[] _locks = new int[Stripes];

    /// <summary>Reverse lists are built for one block of points at a time: a block's reverse lists take about
    /// <c>1 / Blocks</c> of all of them.</summary>
    private const int Blocks = 16;

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
        _idx = new int[count * width];
        Array.Fill(_idx, -1);
        _fresh = new EntryFlags(0, width, New);
    }

    /// <summary>Gives points <paramref name="first"/> … <c>first + count − 1</c> (the graph's numbering: point
    /// <c>order[first]</c> and on) their first neighbours: <paramref name="per"/> per point in
    /// <paramref name="neighbors"/> (input numbering, self excluded, no repeats, −1 for none), at most the graph's
    /// K. They are numbered as the graph numbers them and put in order in <see cref="Refine"/>.</summary>
    public void Seed(int first, int count, int[] neighbors, int per)
    {
        Parallel.For(0, count, _options, r =>
        {
            var row = (first + r) * _k;
            for (var j = 0; j < per; j++)
            {
                _idx[row + j] = neighbors[r * per + j];
            }
        });
    }

    /// <summary>Makes the rounded rows (not held while the first graph is found, when the approximate index's
    /// lists hold theirs) and puts each list in order by (<see cref="Distance"/>, index).</summary>
    private void Order()
    {
        var renumber = new int[_n];
        for (var i = 0; i < _n; i++) renumber[_old[i]] = i;
        Parallel.For(0, _n, _options, v =>
        {
            foreach (ref var u in _idx.AsSpan(v * _k, _k)) if (u >= 0) u = renumber[u];
        });
        _worst = new float[_n];
        _fresh = new EntryFlags(_n, _k, New);
        _rows = new Float24Rows(_points, _old, _options);
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
        var block = (_n + Blocks - 1) / Blocks;
        // The samples of one block's points, made at the block's start, and the rows whose samples hold them.
        var both = 2 * sample;
        var own = new int[block * both];
        var back = new ReverseLists(_n, block, 2, _k, 2 * _n / Blocks * sample);
        ReverseLists.Lists lists = (u, lo, hi, slots) => Listing(u, sample, lo, hi, slots);
        ReverseLists.Lists candidates = Candidates;
        for (var round = 0; round < rounds; round++)
        {
            // Entries only leave the samples' candidates during a round (those entering wait for the next): their
            // count bounds every block's reverse lists.
            back.Bound(_n, candidates, options);
            for (var lo = 0; lo < _n; lo += block)
            {
                var (from, hi) = (lo, Math.Min(_n, lo + block));
                back.Build(_n, from, hi, lists, options);
                Parallel.For(from, hi, options, v => Draw(v, sample, own.AsSpan((v - from) * both, both)));
                Parallel.For(from, hi, options, () => (Fresh: new List<int>(), Old: new List<int>()), (v, _, s) =>
                {
                    var mine = own.AsSpan((v - from) * both, both);
                    Gather(v, mine[..sample], back.Of(0, v), sample, round, s.Fresh);
                    Gather(v, mine[sample..], back.Of(1, v), sample, round, s.Old);
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
                    var state = _fresh.Get(v, j);
                    if (state == Drawn) _fresh.Set(v, j, Old);
                    if (state != Entered) continue;
                    _fresh.Set(v, j, New);
                    c++;
                }
                return c;
            }, c => Interlocked.Add(ref changed, c));
            if (changed <= delta * _n * _k) return Done(round + 1);
        }
        return Done(rounds);
    }

    /// <summary>Lets the rounded rows go (the answers are ordered by exact distances) and returns
    /// <paramref name="rounds"/>.</summary>
    private int Done(int rounds)
    {
        _rows = null;
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

    /// <summary>Point <paramref name="v"/>'s sample as its list stood at the round's start, but for entries pushed
    /// out since: its entries not yet joined, nearest first, up to <paramref name="sample"/>, then its joined ones,
    /// nearest first, up to <paramref name="sample"/>, each part −1 padded; entries that entered during the round
    /// wait for the next.</summary>
    internal void Samples(int v, int sample, Span<int> entries)
    {
        entries.Fill(-1);
        int f = 0, o = 0;
        for (var j = 0; j < _k && (f < sample || o < sample); j++)
        {
            var u = _idx[v * _k + j];
            if (u < 0) break;
            var state = _fresh.Get(v, j);
            if (state == Entered) continue;
            if (state != Old)
            {
                if (f < sample) entries[f++] = u;
            }
            else if (o < sample)
            {
                entries[sample + o++] = u;
            }
        }
    }

    /// <summary>The entries of point <paramref name="u"/>'s sample (<see cref="Samples"/>) that are points
    /// <paramref name="lo"/> … <paramref name="hi"/> − 1, as <see cref="ReverseLists.Lists"/> writes them (kind 0
    /// not yet joined, 1 joined). Every block reads every point's sample twice, so this finds the few entries in the
    /// block first (<see cref="InRange"/>) and ranks only those among their kind by counting bits of the entries'
    /// states: the same entries <see cref="Samples"/> gives, without a branch per entry.</summary>
    internal int Listing(int u, int sample, int lo, int hi, Span<int> slots)
    {
        const ulong Low = 0x5555_5555_5555_5555UL;
        var size = hi - lo;
        // Entries of each kind in earlier groups of 32.
        int f = 0, o = 0, n = 0;
        for (var first = 0; first < _k; first += 32)
        {
            var ids = _idx.AsSpan(u * _k + first, Math.Min(32, _k - first));
            var states = _fresh.Packed(u, first);
            var (one, two) = (states & Low, (states >> 1) & Low);
            // One bit per entry, at twice its place: New or Drawn (states 1 and 2), and Old (state 0, entries on
            // the list only: an empty place ends it and is never in range).
            var unjoined = one ^ two;
            var old = ~(one | two) & Low & (ids.Length == 32 ? ulong.MaxValue : (1UL << (2 * ids.Length)) - 1);
            for (var hits = InRange(ids, lo, (uint)size); hits != 0; hits &= hits - 1)
            {
                var j = BitOperations.TrailingZeroCount(hits);
                var before = (1UL << (2 * j)) - 1;
                if ((unjoined >> (2 * j) & 1) != 0)
                {
                    if (f + BitOperations.PopCount(unjoined & before) < sample) slots[n++] = ids[j] - lo;
                }
                else if ((old >> (2 * j) & 1) != 0 && o + BitOperations.PopCount(old & before) < sample)
                {
                    slots[n++] = size + ids[j] - lo;
                }
            }
            f += BitOperations.PopCount(unjoined);
            o += BitOperations.PopCount(old);
        }
        return n;
    }

    /// <summary>The entries of point <paramref name="u"/>'s list that may be in its sample during this round
    /// (all but those that entered during it) and are points <paramref name="lo"/> … <paramref name="hi"/> − 1,
    /// written as <see cref="Listing"/> writes them.</summary>
    internal int Candidates(int u, int lo, int hi, Span<int> slots)
    {
        var size = (uint)(hi - lo);
        var n = 0;
        for (var j = 0; j < _k; j++)
        {
            var x = _idx[u * _k + j];
            if (x < 0) break;
            var state = _fresh.Get(u, j);
            if (state != Entered && (uint)(x - lo) < size) slots[n++] = (state == Old ? (int)size : 0) + x - lo;
        }
        return n;
    }

    /// <summary>Bit <c>j</c> set for each entry <c>j</c> of <paramref name="ids"/> (at most 32) that is a point
    /// <paramref name="lo"/> … <paramref name="lo"/> + <paramref name="size"/> − 1.</summary>
    private static uint InRange(ReadOnlySpan<int> ids, int lo, uint size)
    {
        var mask = 0u;
        var j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var (from, width) = (Vector128.Create(lo), Vector128.Create(size));
            for (; j + 4 <= ids.Length; j += 4)
            {
                var offsets = (Vector128.Create(ids.Slice(j, 4)) - from).AsUInt32();
                mask |= Vector128.ExtractMostSignificantBits(Vector128.LessThan(offsets, width)) << j;
            }
        }
        for (; j < ids.Length; j++) if ((uint)(ids[j] - lo) < size) mask |= 1u << j;
        return mask;
    }

    /// <summary>Draws point <paramref name="v"/>'s sample (<see cref="Samples"/>) into <paramref name="entries"/>
    /// and marks the entries of its first part drawn.</summary>
    private void Draw(int v, int sample, Span<int> entries)
    {
        Samples(v, sample, entries);
        var f = 0;
        for (var j = 0; j < _k && f < sample; j++)
        {
            if (_idx[v * _k + j] < 0) break;
            var state = _fresh.Get(v, j);
            if (state is Old or Entered) continue;
            _fresh.Set(v, j, Drawn);
            f++;
        }
    }

    /// <summary>Point <paramref name="v"/>'s own list and up to <paramref name="sample"/> of the points listing
    /// it, from a place fixed by the point and the round, without repeats.</summary>
    private static void Gather(int v, ReadOnlySpan<int> list, ReadOnlySpan<int> listing, int sample, int round,
        List<int> into)
    {
        into.Clear();
        foreach (var u in list) if (u >= 0) into.Add(u);
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

    /// <summary>The squared distance of graph points <paramref name="a"/> and <paramref name="b"/> from their
    /// rounded rows: the graph's order (the answers' distances are recomputed exactly in <see cref="Take"/>).
    /// </summary>
    private float Distance(int a, int b) => _rows!.Distance(a, b);

    /// <summary>This thread's room for the row of the point whose list an offer is placed in.</summary>
    [ThreadStatic]
    private static float[]? _widened;

    /// <summary><see cref="Distance"/> of <paramref name="v"/> and <paramref name="x"/> from <paramref name="v"/>'s
    /// row widened once into <paramref name="row"/> (the same value: an offer's place is found with several
    /// distances from <paramref name="v"/>).</summary>
    private float From(int v, int x, float[] row, ref bool widened)
    {
        if (!widened) _rows!.Widen(v, row);
        widened = true;
        return _rows!.Distance(row, x);
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
                var widened = false;
                // Per thread, shared by every descent the thread runs: as long as the widest row seen so far.
                var own = _widened is { } room && room.Length >= _rows!.Dimensions
                    ? room
                    : _widened = new float[_rows!.Dimensions];
                var dw = w < 0 ? float.PositiveInfinity : From(v, w, own, ref widened);
                if (Before(d, u, dw, w))
                {
                    var (lo, hi) = (0, _k - 2);
                    while (lo < hi)
                    {
                        var mid = (lo + hi) >> 1;
                        var x = _idx[row + mid];
                        if (Before(d, u, x < 0 ? float.PositiveInfinity : From(v, x, own, ref widened), x)) hi = mid;
                        else lo = mid + 1;
                    }
                    (at, worst) = (lo, dw);
                    _idx.AsSpan(row + at, _k - 1 - at).CopyTo(_idx.AsSpan(row + at + 1));
                    _fresh.MoveOn(v, at);
                }
            }
            _idx[row + at] = u;
            _fresh.Set(v, at, Entered);
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
