using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;

namespace Imbalanced.Sampling.Partitioned;

/// <summary>
/// Runs a sampler the way a cluster engine (Apache Spark) would run it over the partitions of a table, on one
/// machine: the rows are split into contiguous partitions, each stage works partition by partition (in parallel),
/// and only what a cluster would move between machines is exchanged — recorded per stage as bytes shuffled and
/// broadcast (<see cref="PartitionStage"/>). The result equals the sampler's own <see cref="ISampler.FitResample"/>
/// row for row, whatever the number of partitions. docs/scale.md explains the mapping onto Spark.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="RandomUnderSampler"/> and <see cref="RandomOverSampler"/> (without shrinkage): their random
/// draws depend on the class counts only, so the driver collects the counts of each partition, makes the sampler's
/// own draws on a table of labels alone, and broadcasts the drawn ranks (position within the class); each partition
/// turns the ranks it holds into rows. No feature value moves.</item>
/// <item><see cref="Smote"/>: per class, the class's rows are gathered (a shuffle of that class only) and its
/// neighbour index broadcast; each partition finds the neighbours of a contiguous share of the class's rows, and the
/// driver draws the (pair, gap) of every new row — counts only, the same draws as <see cref="Smote"/> — which are
/// joined with that neighbour table.</item>
/// <item><see cref="EditedNearestNeighbours"/> and <see cref="TomekLinks"/>: a k-NN join of every partition
/// against an index of the whole table (broadcast here; a distributed, approximate join at cluster scale), then
/// local decisions; Tomek links also shuffle each row's nearest neighbour so both ends of a link can see it.</item>
/// </list>
/// Other samplers are refused (<see cref="ArgumentException"/>).
/// </remarks>
/// <example>
/// <code>
/// foreach (var p in new[] { 1, 2, 4, 8 })
/// {
///     var run = PartitionedResampling.Run(new Smote(new() { Seed = 0 }), data, p);
///     Console.WriteLine($"{p}: {run.Elapsed.TotalSeconds:0.00} s, {run.ShuffledBytes} B shuffled");
/// }
/// </code>
/// </example>
public static class PartitionedResampling
{
    /// <summary>The sampler types a partitioned run supports.</summary>
    /// <example><c>bool ok = PartitionedResampling.Supported.Contains(typeof(Smote));</c></example>
    public static IReadOnlyList<Type> Supported { get; } =
    [
        typeof(RandomUnderSampler), typeof(RandomOverSampler), typeof(Smote), typeof(EditedNearestNeighbours),
        typeof(TomekLinks),
    ];

    /// <summary>Runs <paramref name="sampler"/> on <paramref name="data"/> split into
    /// <paramref name="partitions"/> partitions.</summary>
    /// <param name="sampler">One of <see cref="Supported"/>, with its options.</param>
    /// <param name="data">The table.</param>
    /// <param name="partitions">Number of partitions, at least 1.</param>
    /// <exception cref="ArgumentException">The sampler is not supported (or over-samples with shrinkage).</exception>
    /// <exception cref="DataException">The sampler refuses the data, as its own <c>FitResample</c> would.</exception>
    /// <example><c>var run = PartitionedResampling.Run(new EditedNearestNeighbours(), data, partitions: 8);</c>
    /// </example>
    public static PartitionedRun Run(ISampler sampler, Dataset data, int partitions)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var log = new StageLog();
        var parts = log.Run("count classes", () => new RowPartitions(data, partitions),
            shuffled: p => 4L * p.Count * data.Classes.Count);
        var result = sampler switch
        {
            RandomUnderSampler s => RandomDraws(s, data, parts, log),
            RandomOverSampler s when s.Options.Shrinkage is null && s.Options.ShrinkagePerClass is null =>
                RandomDraws(s, data, parts, log),
            Smote s => SmotePerClass(s.Options, data, parts, log),
            EditedNearestNeighbours s => Edited(s.Options, data, parts, log),
            TomekLinks s => Tomek(s.Options, data, parts, log),
            _ => throw new ArgumentException($"a partitioned run supports {string.Join(", ",
                Supported.Select(t => t.Name))} (random over-sampling without shrinkage); not {sampler.GetType().Name}",
                nameof(sampler)),
        };
        return new PartitionedRun(result, partitions, log.Stages);
    }

    private static ResampleResult RandomDraws(ISampler sampler, Dataset data, RowPartitions parts, StageLog log)
    {
        var counts = parts.TotalCounts;
        var classStart = new int[counts.Length + 1];
        for (var c = 0; c < counts.Length; c++) classStart[c + 1] = classStart[c] + counts[c];
        // Driver: the sampler's own draws on a table of labels sorted by class, where row classStart[c] + r is the
        // class-c row of rank r.
        var drawn = log.Run("draw on class counts", () =>
        {
            var labels = new int[data.RowCount];
            for (var c = 0; c < counts.Length; c++) labels.AsSpan(classStart[c], counts[c]).Fill(c);
            return sampler.FitResample(new Dataset([], [], labels, data.Classes));
        }, broadcast: r => 4L * (r.KeptRows.Length + r.AddedOrigins.Length));
        return log.Run("rows of the drawn ranks", () =>
        {
            var keepsAll = drawn.KeptRows.Length == data.RowCount
                && drawn.KeptRows.AsSpan().SequenceEqual(Enumerable.Range(0, data.RowCount).ToArray());
            if (!keepsAll) return ResampleResult.Keep(data, Routed(parts, drawn.KeptRows, classStart));   // sorted
            var sources = Routed(parts, drawn.AddedOrigins.Select(o => o.Source).ToArray(), classStart);
            var added = new SyntheticRows(data, sources.Length);
            for (var i = 0; i < sources.Length; i++)
            {
                var row = added.Add(drawn.Added.Labels[i], drawn.AddedOrigins[i] with
                {
                    Source = sources[i],
                    Base = sources[i],
                });
                data.NumericRow(sources[i]).CopyTo(row.Numeric);
                data.CategoricalRow(sources[i]).CopyTo(row.Categorical);
            }
            return added.ToResult();
        });
    }

    // The rows of sorted-table rows: the driver routes each (class, rank) to the partition that holds it (a binary
    // search over the partitions' class counts), and each partition looks up its own, partitions in parallel.
    private static int[] Routed(RowPartitions parts, int[] sorted, int[] classStart)
    {
        var classOf = new int[sorted.Length];
        var buckets = Enumerable.Range(0, parts.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var c = Array.FindLastIndex(classStart, start => start <= sorted[i]);
            classOf[i] = c;
            buckets[parts.PartitionOfRank(c, sorted[i] - classStart[c])].Add(i);
        }
        var rows = new int[sorted.Length];
        Parallel.For(0, parts.Count, p =>
        {
            foreach (var i in buckets[p])
                rows[i] = parts.RowOfRank(p, classOf[i], sorted[i] - classStart[classOf[i]]);
        });
        return rows;
    }

    private static ResampleResult SmotePerClass(SmoteOptions options, Dataset data, RowPartitions parts,
        StageLog log)
    {
        var strategy = Smote.Plan(data, parts.TotalCounts, options);
        var k = options.KNeighbors;
        var d = data.NumericCount;
        var rng = new SeededRandom(options.Seed);
        var added = new SyntheticRows(data, strategy.Values.Sum());
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = log.Run($"gather class {data.Classes[c]}",
                () => Enumerable.Range(0, parts.Count).SelectMany(p => parts.ClassRows(p, c)).ToArray(),
                shuffled: r => 8L * r.Length * d);
            var points = data.Select(rows).Numeric;
            var index = log.Run($"index class {data.Classes[c]}", () => options.Neighbors.Build(points, rows.Length, d),
                broadcast: _ => 8L * rows.Length * d);
            var draws = log.Run($"draw {n} rows of class {data.Classes[c]}", () => Interpolation.Draw(rng,
                rows.Length * k, n), broadcast: x => 12L * x.Length);
            // Each partition finds the neighbours of a contiguous share of the class's rows; the table is joined
            // with the draws by row.
            var neighbors = log.Run($"neighbours of class {data.Classes[c]}", () =>
            {
                var table = new int[rows.Length * k];
                Parallel.For(0, parts.Count, p =>
                {
                    int from = (int)((long)rows.Length * p / parts.Count);
                    int to = (int)((long)rows.Length * (p + 1) / parts.Count);
                    var found = IndexedQueries.OfRows(index, points, Enumerable.Range(from, to - from).ToArray(), k);
                    found.Indices.CopyTo(table.AsSpan(from * k));
                });
                return table;
            }, shuffled: x => 4L * x.Length);
            var neighbor = draws.Select(x => rows[neighbors[x.Pair]]).ToArray();
            for (var i = 0; i < n; i++)
            {
                var seed = rows[draws[i].Pair / k];
                var row = added.Add(c, new RowOrigin(true, -1, seed, neighbor[i], draws[i].Gap));
                Interpolation.Write(data.NumericRow(seed), data.NumericRow(neighbor[i]), draws[i].Gap, row.Numeric);
            }
        }
        return added.ToResult();
    }

    private static ResampleResult Edited(EditedNearestNeighboursOptions options, Dataset data, RowPartitions parts,
        StageLog log)
    {
        var targeted = options.Strategy.Resolve(parts.TotalCounts, data.Classes, SamplingType.CleanSampling)
            .Keys.ToHashSet();
        var k = options.NNeighbors;
        EditedNearestNeighbours.CheckNeighbors(data, k, nameof(EditedNearestNeighboursOptions.NNeighbors));
        DataChecks.RequireNumericComplete(data, "edited nearest neighbours");
        var index = log.Run("index the table", () => options.Neighbors.Build(data.Numeric, data.RowCount,
            data.NumericCount), broadcast: _ => 8L * data.Numeric.Length);
        var keep = log.Run("k-NN join and vote", () => PerPartition(parts, (from, to) =>
        {
            var rows = Enumerable.Range(from, to - from).ToArray();
            var found = IndexedQueries.OfRows(index, data.Numeric, rows, k);
            var votes = new int[data.Classes.Count];
            var mode = options.KindSel == KindSel.Mode;
            return rows.Where((r, i) => !targeted.Contains(data.Labels[r])
                || NeighborVotes.Agrees(data, found.IndicesOf(i), data.Labels[r], mode, votes)).ToArray();
        }), shuffled: x => 4L * x.Length);
        return ResampleResult.Keep(data, keep);
    }

    private static ResampleResult Tomek(SamplerOptions options, Dataset data, RowPartitions parts, StageLog log)
    {
        var targeted = options.Strategy.Resolve(parts.TotalCounts, data.Classes, SamplingType.CleanSampling)
            .Keys.ToHashSet();
        DataChecks.RequireNumericComplete(data, "tomek-links");
        EditedNearestNeighbours.CheckNeighbors(data, 1, "neighbours");
        var index = log.Run("index the table", () => options.Neighbors.Build(data.Numeric, data.RowCount,
            data.NumericCount), broadcast: _ => 8L * data.Numeric.Length);
        var nearest = log.Run("1-NN join", () => PerPartition(parts, (from, to) => IndexedQueries.OfRows(index,
            data.Numeric, Enumerable.Range(from, to - from).ToArray(), 1).Indices.ToArray()),
            shuffled: x => 4L * x.Length);
        var keep = log.Run("drop linked rows", () => PerPartition(parts, (from, to) => Enumerable.Range(from, to - from)
            .Where(i => !TomekLinks.Linked(data.Labels, targeted, nearest, i)).ToArray()),
            shuffled: x => 4L * x.Length);
        return ResampleResult.Keep(data, keep);
    }

    // Runs work on every partition's row range in parallel and concatenates the results in partition order.
    private static int[] PerPartition(RowPartitions parts, Func<int, int, int[]> work)
    {
        var results = new int[parts.Count][];
        Parallel.For(0, parts.Count, p => results[p] = work(parts.Starts[p], parts.Starts[p + 1]));
        return [.. results.SelectMany(r => r)];
    }
}
