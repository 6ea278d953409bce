namespace Imbalanced.Neighbors;

/// <summary>
/// Parameters of the approximate neighbour index (<see cref="NeighborAlgorithm.Approximate"/>), an inverted file:
/// a seeded k-means partition of the points into lists, each query scanning exactly the points of the lists whose
/// centroids are nearest to it. Zero means automatic for every count.
/// </summary>
/// <remarks>The defaults give recall@5 of at least 0.99 on <c>generate</c>d data of 20 features (16 of them pure
/// noise, the hardest case for a partition): the lists are about √n, the probes 3.5·√lists + 6 (about 10% of
/// the points at 2,000,000 rows, 34% at 20,000). Measured: recall@5 0.9944 at 10,000 rows, 0.9947 at 20,000,
/// 0.9959 at 100,000 and 0.9961 at 200,000.
/// <para>Why an inverted file and not a graph such as HNSW: HNSW inserts points one after another into a graph
/// that later insertions search, so with several threads the graph, and the neighbours, depend on how the threads
/// interleave. Every step here is exact or in a fixed order (seeded sample and initial centroids, k-means
/// assignments by the exact engine, sums in sample order, ties by lower index, exact distances inside the probed
/// lists), so the same seed gives the same neighbours whatever the thread count. Probing every list gives the exact
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
