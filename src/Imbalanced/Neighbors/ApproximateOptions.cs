namespace Imbalanced.Neighbors;

/// <summary>
/// Parameters of the approximate neighbour index (<see cref="NeighborAlgorithm.Approximate"/>), an inverted file:
/// a seeded k-means partition of the points into lists, each query scanning exactly the points of the lists whose
/// centroids are nearest to it. Zero means automatic for every count.
/// </summary>
/// <remarks>The defaults give recall@5 of at least 0.99 on <c>generate</c>d data of 20 features (16 of them pure
/// noise, the hardest case for a partition): the lists are about √n, the probes 3.5·√lists + 6 (about 10% of
/// the points at 2,000,000 rows, 34% at 20,000). Measured: recall@5 0.9944 at 10,000 rows, 0.9947 at 20,000,
/// 0.9959 at 100,000 and 0.9961 at 200,000. Self-joins of <see cref="GraphFrom"/> points or more (1,000,000 by
/// default) are answered by neighbour descent from a first graph instead, which trades recall for time growing
/// about linearly with the rows (see <see cref="GraphFrom"/>).
/// <para>Why an inverted file and not a graph such as HNSW: HNSW inserts points one after another into a graph
/// that later insertions search, so with several threads the graph, and the neighbours, depend on how the threads
/// interleave. Every step here is exact or in a fixed order (seeded sample and initial centroids, k-means
/// assignments by the exact engine, sums in sample order, ties by lower index, exact distances inside the probed
/// lists, descent rounds that compare pairs chosen from the graph as it stood at the round's start and keep the
/// best of every list by distance and index), so the same seed gives the same neighbours whatever the thread
/// count. Probing every list gives the exact
/// answer.</para></remarks>
/// <example>
/// <code>
/// var search = new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
/// {
///     Approximate = new ApproximateOptions { Probes = 64, Seed = 7 },
/// };
/// var neighbours = search.Build(points, count, dimensions).QuerySelf(5, includeSelf: false);
/// </code>
/// </example>
public sealed record ApproximateOptions
{
    /// <summary>Number of lists (k-means centroids); 0 for about √n, never more than the points.</summary>
    public int Lists { get; init; }

    /// <summary>Lists each query scans, nearest centroids first; 0 for 3.5·√lists + 6.</summary>
    public int Probes { get; init; }

    /// <summary>Points the k-means is trained on, drawn with <see cref="Seed"/>; 0 for 64 per list (all points
    /// when there are fewer).</summary>
    public int TrainingSample { get; init; }

    /// <summary>Lloyd iterations of the k-means; 10 by default.</summary>
    public int Iterations { get; init; } = 10;

    /// <summary>Seed of the training sample and of the initial centroids; the same seed gives the same neighbours
    /// whatever the thread count. 0 by default.</summary>
    public long Seed { get; init; }

    /// <summary>Self-joins (every point's neighbours among the points themselves, as the cleaning methods, Tomek
    /// links and SMOTE ask) of at least this many points build a neighbour graph by neighbour descent (NN-Descent;
    /// Dong, Charikar and Li, 2011) instead of probing lists for every point; 0 for 1,000,000,
    /// <see cref="int.MaxValue"/> never. The graph's first lists come from probing only
    /// <see cref="GraphProbes"/> lists per point for half of <see cref="GraphWidth"/> neighbours; rounds of
    /// descent then improve them. Recall is lower than probing's and cost grows about linearly with the rows,
    /// where probing for recall 0.99 grows about as n^1.5 (measured on <c>generate</c>d data of 20 features:
    /// <c>benchmarks/approximate_neighbors.sh</c>).</summary>
    public int GraphFrom { get; init; }

    /// <summary>Neighbours the descent keeps per point (at least the k asked for); 0 for automatic
    /// (<see cref="GraphWidthFor"/>: 24, or six per neighbour asked for counting the point itself when that is more).
    /// Wider is slower and more accurate.</summary>
    public int GraphWidth { get; init; }

    /// <summary>Lists probed per point for the graph's first lists.</summary>
    internal const int GraphProbes = 4;

    /// <summary>Most rounds of descent.</summary>
    internal const int GraphRounds = 10;

    /// <summary>The descent stops once a round changes at most this share of the graph's entries.</summary>
    internal const double GraphDelta = 0.001;

    /// <summary>The fewest points for which a self-join builds the descent graph.</summary>
    /// <example><c>new ApproximateOptions().GraphFromFor()</c> is 1,000,000.</example>
    public int GraphFromFor() => GraphFrom > 0 ? GraphFrom : 1_000_000;

    /// <summary>The neighbours the descent keeps per point when each is asked for its <paramref name="neighbors"/>
    /// nearest other points: <see cref="GraphWidth"/> when set, otherwise <c>max(24, 6·(neighbors + 1))</c>.
    /// </summary>
    /// <remarks>A graph of fixed width finds fewer of the true neighbours the more are asked for. The 5-NN of
    /// 2,000,000 generated points of 20 features (<c>benchmarks/approximate_neighbors.sh</c>) had recall@5
    /// 0.971 with 24 places, 0.984 with 28, 0.989 with 30, 0.992 with 32 and 0.995 with 36 (the default for 5);
    /// ENN's 3 neighbours keep 24, which kept 0.998 of exact ENN's decisions on 1,000,000 rows.</remarks>
    /// <example><c>new ApproximateOptions().GraphWidthFor(3)</c> is 24 and <c>GraphWidthFor(5)</c> is 36.</example>
    public int GraphWidthFor(int neighbors) => GraphWidth > 0 ? GraphWidth : Math.Max(24, 6 * (neighbors + 1));

    /// <summary>The lists used for <paramref name="count"/> points.</summary>
    /// <example><c>new ApproximateOptions().ListsFor(2_000_000)</c> is 1,414.</example>
    public int ListsFor(int count) =>
        Math.Clamp(Lists > 0 ? Lists : (int)Math.Round(Math.Sqrt(count)), Math.Min(1, count), Math.Max(count, 0));

    /// <summary>The probes used with <paramref name="lists"/> lists.</summary>
    /// <example><c>new ApproximateOptions().ProbesFor(1_414)</c> is 138.</example>
    public int ProbesFor(int lists) =>
        Math.Min(lists, Probes > 0 ? Probes : (int)Math.Ceiling(3.5 * Math.Sqrt(lists)) + 6);

    /// <summary>The training sample used for <paramref name="count"/> points in <paramref name="lists"/>
    /// lists.</summary>
    /// <example><c>new ApproximateOptions().TrainingSampleFor(2_000_000, 1_414)</c> is 90,496.</example>
    public int TrainingSampleFor(int count, int lists) =>
        Math.Clamp(TrainingSample > 0 ? TrainingSample : 64 * lists, Math.Min(lists, count), count);
}
