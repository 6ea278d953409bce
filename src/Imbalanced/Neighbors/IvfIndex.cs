using Imbalanced.Clustering;
using Imbalanced.Randomness;

namespace Imbalanced.Neighbors;

/// <summary>
/// Approximate Euclidean k-NN by an inverted file (IVF; Jégou, Douze and Schmid, 2011): a seeded k-means splits
/// the points into lists, each point in the list of its nearest centroid, and a query scans exactly the points of
/// the <c>probes</c> lists whose centroids are nearest to it. Inside the probed lists distances are those of the
/// exact engine (the blocked SIMD brute force, re-checked in double), ties by lower index.
/// </summary>
/// <remarks>
/// <para>Why a partition and not a graph: HNSW (the usual choice, and hnswlib's) inserts points one after another
/// into a graph that later insertions search; inserted by several threads, the graph depends on their
/// interleaving, so the neighbours change from run to run and with the thread count, and inserting on one thread
/// makes the build many times slower. Here every step is either exact or done in a fixed order: the training
/// sample and the initial centroids come from the seed; the k-means assigns by the exact engine and sums in
/// sample order (<see cref="KMeans"/>); each point goes to its nearest centroid (ties to the lower centroid); a
/// query's probes are its nearest centroids (ties likewise); and its answer is the exact k nearest, by (distance,
/// index), of the union of the probed lists, a set that does not depend on the order the lists are scanned in.
/// The same seed therefore gives the same neighbours whatever the thread count.</para>
/// <para>Cost: about √n lists of √n points; a query costs one distance per centroid plus one per point of its
/// probed lists, so the 5-NN of all n points costs about <c>n·(√n + probes·√n)</c> distances instead of
/// <c>n²/2</c>. A query whose probed lists hold fewer than k points is answered by an exact scan.</para>
/// <para>Large self-joins (<see cref="ApproximateOptions.GraphFrom"/> points or more) probe only
/// <see cref="ApproximateOptions.GraphProbes"/> lists per point for a first graph of
/// <see cref="ApproximateOptions.GraphWidthFor"/> neighbours, which <see cref="NeighborDescent"/> then improves:
/// probing enough lists for recall 0.99 costs about n^1.5, the descent about n.</para>
/// </remarks>
internal sealed class IvfIndex : INeighborIndex
{
    /// <summary>Points assigned to their lists at once: bounds the memory of the assignment to a few tens of MB.
    /// </summary>
    private const int Chunk = 1 << 16;

    /// <summary>Queries a list is scanned for at once, about: each probed list copies its queries' rows for its
    /// scan, so a chunk of queries leaves about <c>probes</c> copies of itself to the collector (see
    /// <see cref="QueriesAtOnce"/>).</summary>
    private const int PerList = 1 << 10;

    private const int Stripes = 1024;

    private readonly PointRows _points;
    private readonly int _dims;
    private readonly int _threads;
    private readonly NeighborSearch _listSearch;
    private readonly double[] _centroids;
    private readonly int _lists;
    private readonly int _probes;
    private readonly int[] _start;
    private readonly int[] _members;
    private readonly int[] _nonEmpty;
    private readonly ApproximateOptions _options;
    private readonly INeighborIndex _centroidIndex;

    // Each list's exact index, built the first time the list is scanned and kept: building it again for every chunk
    // of queries allocated a copy of the list per chunk and per phase, which the large-object heap did not return
    // quickly (ENN on 2,000,000 rows peaked at 6.2 GB). A list is scanned by one thread at a time.
    private readonly INeighborIndex?[] _listIndexes;

    /// <param name="points">The points, read in place: a row-major array's first rows or the rows a map names
    /// (answers number the points 0 … count − 1 either way).</param>
    /// <param name="options">Lists, probes, training sample, iterations and seed.</param>
    /// <param name="exact">An exact engine (its thread count, vector width and tile rows are used) for the
    /// k-means and for the scans inside lists.</param>
    public IvfIndex(PointRows points, ApproximateOptions options, NeighborSearch exact)
    {
        Check(options);
        var (count, dimensions) = (points.Count, points.Dimensions);
        _points = points;
        _options = options;
        Count = count;
        _dims = dimensions;
        _threads = exact.Threads;
        _listSearch = exact with { Algorithm = NeighborAlgorithm.BruteForce, MaxDegreeOfParallelism = 1 };
        _lists = options.ListsFor(count);
        var labels = new int[count];
        INeighborIndex? centroidIndex = null;
        if (_lists > 0)
        {
            var sampleSize = options.TrainingSampleFor(count, _lists);
            var sample = points.Copy(new SeededRandom(options.Seed).SampleWithoutReplacement(count, sampleSize));
            var fit = KMeans.Fit(sample, sampleSize, dimensions, new KMeansOptions
            {
                Clusters = _lists,
                MaxIterations = options.Iterations,
                InitialCenters = sample[..(_lists * dimensions)],
                Neighbors = exact,
            });
            _centroids = fit.Centers;
            centroidIndex = exact.Build(_centroids, _lists, dimensions);
            for (var c0 = 0; c0 < count; c0 += Chunk)
            {
                var m = Math.Min(Chunk, count - c0);
                centroidIndex.Query(points.Block(c0, m), 1).Indices
                    .CopyTo(labels, c0);
            }
        }
        else
        {
            _centroids = [];
        }
        (_start, _members) = Invert(labels, _lists, 1, 0, 1);
        _nonEmpty = Enumerable.Range(0, _lists).Where(l => _start[l + 1] > _start[l]).ToArray();
        _probes = Math.Min(options.ProbesFor(_lists), _nonEmpty.Length);
        // Probes are the nearest non-empty lists: the assignment's index serves when no list is empty.
        _centroidIndex = centroidIndex is not null && _nonEmpty.Length == _lists
            ? centroidIndex
            : exact.Build(new PointRows(_centroids, null, _lists, dimensions).Copy(_nonEmpty), _nonEmpty.Length,
                dimensions);
        _listIndexes = new INeighborIndex?[_lists];
    }

    public int Count { get; }

    public int Dimensions => _dims;

    /// <summary>Number of lists.</summary>
    public int Lists => _lists;

    /// <summary>Lists each query scans.</summary>
    public int Probes => _probes;

    private static void Check(ApproximateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Lists < 0 || options.Probes < 0 || options.TrainingSample < 0 || options.GraphFrom < 0
            || options.GraphWidth < 0)
            throw new ArgumentOutOfRangeException(nameof(options), "the approximate index's lists, probes, training "
                + "sample, graph threshold and graph width must be positive (or 0, automatic)");
        if (options.Iterations < 1)
            throw new ArgumentOutOfRangeException(nameof(options),
                $"the approximate index's k-means needs at least 1 iteration; got {options.Iterations}");
    }

    /// <summary>Members of each list in ascending order, as offsets (<c>lists + 1</c>) and members: the rows
    /// <c>r</c> of <paramref name="labels"/> (<paramref name="per"/> wide) whose columns <paramref name="from"/> to
    /// <paramref name="to"/> (excluded) hold the list.</summary>
    private static (int[] Start, int[] Members) Invert(ReadOnlySpan<int> labels, int lists, int per, int from,
        int to)
    {
        var start = new int[lists + 1];
        var rows = labels.Length / per;
        for (var r = 0; r < rows; r++)
            for (var c = from; c < to; c++) start[labels[r * per + c] + 1]++;
        for (var l = 0; l < lists; l++) start[l + 1] += start[l];
        var next = start[..lists];
        var members = new int[start[lists]];
        for (var r = 0; r < rows; r++)
            for (var c = from; c < to; c++) members[next[labels[r * per + c]]++] = r;
        return (start, members);
    }

    public KNeighbors QuerySelf(int k, bool includeSelf)
    {
        NeighborChecks.CheckK(k, Count - (includeSelf ? 0 : 1));
        if (Count < _options.GraphFromFor()) return Run(_points, Count, k, excludeSelf: !includeSelf, _probes);
        var width = Math.Min(Math.Max(_options.GraphWidthFor(includeSelf ? k - 1 : k), k), Count - 1);
        // The graph is made before the first neighbours are found and takes them chunk by chunk: no array of the
        // first neighbours of every point is held beside it.
        var descent = new NeighborDescent(_points, _members, width, _threads);
        // The first graph fills half of each list: probing costs per neighbour kept, the descent fills the rest.
        var first = Math.Max(1, width / 2);
        // Its lists' indexes are made again for each chunk of queries rather than held: held, they were a
        // single-precision copy of every point beside the graph (SMOTE-ENN on 2,000,000 rows: 1.5 GB at this step
        // against 1.1 GB in the rounds). The points are asked in the graph's order, list after list, so that a
        // chunk's queries probe few lists and each list's index is made for many queries at once (asked in their
        // own order, every chunk probed nearly every list: the first graph took twice as long).
        Run(_points.Of(_members), Count, first, excludeSelf: true, Math.Min(_probes, ApproximateOptions.GraphProbes),
            best => descent.Seed(best.First, best.Count, best.Indices, first), keepIndexes: false, _members);
        // Indexes kept by earlier queries are not needed by the descent either.
        Array.Clear(_listIndexes);
        // Return the first graph's garbage (the lists' panels, the chunks' scratch) before the rounds allocate:
        // without this the rounds' buffers took new memory beside it (ENN on 2,000,000 rows: resident memory during
        // the rounds 1.4 GB against 1.0 GB with it).
        LargeGarbage.Return();
        descent.Refine(ApproximateOptions.GraphRounds, Math.Max(1, width / 2), ApproximateOptions.GraphDelta);
        // Likewise the rounds' buffers (a block's samples and reverse lists) and the rounded rows before the answers'
        // arrays are made beside the graph, and the graph before the caller's next arrays are made beside the
        // answers (SMOTE-ENN on 2,000,000 rows: resident memory after the answers 1.19 GB without this).
        LargeGarbage.Return();
        var answers = descent.Take(k, includeSelf);
        LargeGarbage.Return();
        return answers;
    }

    public KNeighbors Query(ReadOnlySpan<double> queries, int k)
    {
        NeighborChecks.CheckK(k, Count);
        var count = queries.Length / Math.Max(1, _dims);
        return Run(new PointRows(queries.ToArray(), null, count, _dims), count, k, excludeSelf: false, _probes);
    }

    /// <summary>The answers of all queries, with Euclidean distances.</summary>
    private KNeighbors Run(PointRows source, int queryCount, int k, bool excludeSelf, int probeCount)
    {
        var indices = new int[queryCount * k];
        var distances = new double[queryCount * k];
        Run(source, queryCount, k, excludeSelf, probeCount, best =>
        {
            best.Indices.AsSpan(0, best.Count * k).CopyTo(indices.AsSpan(best.First * k));
            var reduced = best.Reduced.AsSpan(0, best.Count * k);
            var into = distances.AsSpan(best.First * k, reduced.Length);
            for (var i = 0; i < reduced.Length; i++) into[i] = Math.Sqrt(reduced[i]);
        });
        return new KNeighbors(k, indices, distances);
    }

    /// <summary>The answer of every query, chunk by chunk, each chunk's handed to <paramref name="done"/>: the
    /// probes of each query, then each list scanned for all the queries of the chunk that probe it, its best merged
    /// into theirs: first each query's nearest list, then the others, keeping only points that beat the query's
    /// k-th so far (the SIMD brute force then rarely touches its candidate heaps). With
    /// <paramref name="keepIndexes"/> each list's index is kept for the next chunks and calls; without, it is let go
    /// after each scan. <paramref name="selves"/> names the point each query is, for excluding it
    /// (<see langword="null"/>: query <c>i</c> is point <c>i</c>).</summary>
    private void Run(PointRows source, int queryCount, int k, bool excludeSelf, int probeCount, Action<Best> done,
        bool keepIndexes = true, int[]? selves = null)
    {
        // Lists' indexes let go after each scan are made again by every chunk that probes them: at most
        // GraphChunks chunks of them.
        var chunk = keepIndexes
            ? QueriesAtOnce(probeCount)
            : Math.Max(QueriesAtOnce(probeCount), queryCount / GraphChunks);
        var best = new Best(Math.Min(chunk, queryCount), k);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        for (var c0 = 0; c0 < queryCount; c0 += chunk)
        {
            var m = Math.Min(chunk, queryCount - c0);
            best.Reset(c0, m);
            var probes = ProbesOf(source, c0, m, probeCount);
            foreach (var (from, to) in new[] { (0, 1), (1, probeCount) })
            {
                var (start, byList) = Invert(probes, _lists, probeCount, from, to);
                Parallel.For(0, _lists, options, l =>
                {
                    if (start[l + 1] > start[l])
                        Scan(l, byList.AsSpan(start[l], start[l + 1] - start[l]), source, c0, k, excludeSelf,
                            selves, best, limited: from > 0, keepIndexes);
                });
            }
            best.Finish(source, excludeSelf, selves, _points, options);
            done(best);
        }
    }

    /// <summary>The fewest chunks the first graph's queries are asked in (it makes the lists' indexes again for
    /// each chunk): 32, so that up to 4,194,304 points (SMOTE-ENN on 2,000,000 rows) the chunks stay at
    /// <see cref="QueriesAtOnce"/>'s 131,072 and larger graphs make the lists' indexes fewer times (10,000,000
    /// points: 32 chunks instead of 77).</summary>
    private const int GraphChunks = 32;

    /// <summary>Queries answered at once when each probes <paramref name="probeCount"/> lists: about
    /// <see cref="PerList"/> per list, between 4,096 and 131,072. Each probed list's scan copies its queries' rows
    /// and makes its answers, so a chunk leaves about <c>probes</c> times its own size to the collector: with
    /// 65,536 queries at once, Lee on 500,000 rows (100 probes) peaked at 573 MB, with 8,192 at 379 MB, in the
    /// same time and with the same output. Few probes (the descent's first graph) keep large chunks, whose lists
    /// would otherwise be scanned for a handful of queries each (and, in the first graph, made again for each
    /// chunk: with 131,072 at once instead of 65,536 the first graph of 3,800,000 points took 72 s instead of 100 s).
    /// </summary>
    private int QueriesAtOnce(int probeCount) =>
        (int)Math.Clamp((long)_lists * PerList / Math.Max(1, probeCount), 1 << 12, 1 << 17);

    /// <summary>The probed lists of queries <c>c0 … c0 + m − 1</c>, <paramref name="p"/> per query, nearest first
    /// (the exact engine over the centroids of non-empty lists).</summary>
    private int[] ProbesOf(PointRows source, int c0, int m, int p)
    {
        var probes = _centroidIndex.Query(source.Block(c0, m), p).Indices;
        for (var i = 0; i < probes.Length; i++) probes[i] = _nonEmpty[probes[i]];
        return probes;
    }

    /// <summary>The exact nearest points of list <paramref name="list"/> for the chunk's queries
    /// <paramref name="queries"/> (0-based in the chunk), merged into their answers; the list's index is kept for
    /// later scans when <paramref name="keep"/>.</summary>
    private void Scan(int list, ReadOnlySpan<int> queries, PointRows source, int c0, int k, bool excludeSelf,
        int[]? selves, Best best, bool limited, bool keep)
    {
        var d = _dims;
        var members = _members.AsSpan(_start[list], _start[list + 1] - _start[list]);
        var index = _listIndexes[list];
        if (index is null)
        {
            // The SIMD kernel reads a list's rows in place; the other indexes get a copy of them.
            var listRows = _points.Of(members);
            var width = SimdEuclideanIndex.Resolve(_listSearch.VectorWidth);
            index = width != VectorWidth.None && SimdEuclideanIndex.CanIndex(listRows)
                ? new SimdEuclideanIndex(listRows, _listSearch.Threads, width, _listSearch.TileRows)
                : _listSearch.Build(listRows.Dense(), members.Length, d);
            if (keep) _listIndexes[list] = index;
        }
        var rows = new double[queries.Length * d];
        for (var j = 0; j < queries.Length; j++)
            source.CopyTo(c0 + queries[j], rows.AsSpan(j * d, d));
        var kl = Math.Min(k + (excludeSelf ? 1 : 0), members.Length);
        KNeighbors found;
        if (index is SimdEuclideanIndex simd)
        {
            // The SIMD index reads the rows where they are: Query would copy them once more.
            double[]? limits = null;
            if (limited)
            {
                limits = new double[queries.Length];
                for (var j = 0; j < queries.Length; j++) limits[j] = best.Limit(c0 + queries[j]);
            }
            found = simd.QueryWithin(rows, kl, limits);
        }
        else
        {
            found = index.Query(rows, kl);
        }
        Span<int> candidates = kl <= 256 ? stackalloc int[kl] : new int[kl];
        for (var j = 0; j < queries.Length; j++)
        {
            var q = c0 + queries[j];
            var (n, excluded) = (0, Excluded(excludeSelf, selves, q));
            foreach (var local in found.IndicesOf(j))
            {
                if (local < 0) break;
                var g = members[local];
                if (g != excluded) candidates[n++] = g;
            }
            if (n > 0) best.Merge(q, candidates[..n], rows.AsSpan(j * d, d), _points);
        }
    }

    /// <summary>The point query <paramref name="q"/> must not be answered with: itself when
    /// <paramref name="excludeSelf"/> (the point <paramref name="selves"/> names, or point <paramref name="q"/>),
    /// otherwise none (−1).</summary>
    private static int Excluded(bool excludeSelf, int[]? selves, int q) => excludeSelf ? selves?[q] ?? q : -1;

    /// <summary>The best (reduced distance, index) pairs so far of each query of a chunk, sorted; merged under
    /// striped locks, so that lists scanned in any order on any thread give the same answer.</summary>
    private sealed class Best(int capacity, int k)
    {
        private readonly object[] _locks = Enumerable.Range(0, Stripes).Select(_ => new object()).ToArray();
        private readonly int[] _filled = new int[capacity];

        /// <summary>The chunk's first query.</summary>
        public int First { get; private set; }

        /// <summary>The chunk's queries.</summary>
        public int Count { get; private set; }

        /// <summary>The neighbours, <c>k</c> per query of the chunk, query <see cref="First"/> first.</summary>
        public int[] Indices { get; } = new int[capacity * k];

        /// <summary>Their squared distances.</summary>
        public double[] Reduced { get; } = new double[capacity * k];

        /// <summary>Empties the answers for queries <paramref name="first"/> … <c>first + count − 1</c>.</summary>
        public void Reset(int first, int count)
        {
            (First, Count) = (first, count);
            Array.Clear(_filled, 0, count);
        }

        public void Merge(int q, ReadOnlySpan<int> candidates, ReadOnlySpan<double> query, PointRows points)
        {
            Span<double> reduced = candidates.Length <= 256
                ? stackalloc double[candidates.Length]
                : new double[candidates.Length];
            Span<double> scratch = points.Dimensions <= 256
                ? stackalloc double[points.Dimensions]
                : new double[points.Dimensions];
            for (var c = 0; c < candidates.Length; c++)
                reduced[c] = DistanceMetric.Euclidean.Reduced(query, points.Row(candidates[c], scratch));
            var r = q - First;
            lock (_locks[r % Stripes])
            {
                var idx = Indices.AsSpan(r * k, k);
                var red = Reduced.AsSpan(r * k, k);
                for (var c = 0; c < candidates.Length; c++)
                {
                    var n = _filled[r];
                    if (n == k && !ExactTopK.Before(reduced[c], candidates[c], red[k - 1], idx[k - 1])) continue;
                    var at = n == k ? k - 1 : n;
                    while (at > 0 && ExactTopK.Before(reduced[c], candidates[c], red[at - 1], idx[at - 1]))
                    {
                        red[at] = red[at - 1];
                        idx[at] = idx[at - 1];
                        at--;
                    }
                    red[at] = reduced[c];
                    idx[at] = candidates[c];
                    if (n < k) _filled[r] = n + 1;
                }
            }
        }

        /// <summary>The query's k-th squared distance so far, +∞ while it has fewer than k.</summary>
        public double Limit(int q)
        {
            var r = q - First;
            lock (_locks[r % Stripes]) return _filled[r] == k ? Reduced[r * k + k - 1] : double.PositiveInfinity;
        }

        /// <summary>Completes the chunk's answers by an exact scan for each query whose probed lists held fewer
        /// than k points.</summary>
        public void Finish(PointRows source, bool excludeSelf, int[]? selves, PointRows points,
            ParallelOptions options)
        {
            var d = points.Dimensions;
            Parallel.For(0, Count, options, () => (Heap: new ExactTopK(k), Query: new double[d], Row: new double[d]),
                (r, _, s) =>
                {
                    var heap = s.Heap;
                    if (_filled[r] < k)
                    {
                        var q = First + r;
                        heap.Reset();
                        BruteForceIndex.ScanOne(source.Row(q, s.Query), points, DistanceMetric.Euclidean,
                            Excluded(excludeSelf, selves, q), ref heap, s.Row);
                        heap.CopySorted(Reduced.AsSpan(r * k, k), Indices.AsSpan(r * k, k));
                    }
                    return (heap, s.Query, s.Row);
                }, _ => { });
        }
    }
}
