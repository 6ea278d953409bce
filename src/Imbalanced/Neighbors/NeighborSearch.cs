namespace Imbalanced.Neighbors;

/// <summary>
/// The one neighbour engine every sampler uses: builds an exact index over a set of points, choosing a k-d
/// tree for low dimension and blocked SIMD brute force for high dimension, multi-threaded, with answers that
/// do not depend on the thread count (ties by distance, then lower index).
/// </summary>
/// <param name="Metric">The distance; Euclidean by default.</param>
/// <param name="Algorithm">Which index to build; <see cref="NeighborAlgorithm.Auto"/> by default.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use; all cores by default.</param>
public sealed record NeighborSearch(DistanceMetric? Metric = null, NeighborAlgorithm Algorithm = NeighborAlgorithm.Auto,
    int MaxDegreeOfParallelism = 0)
{
    /// <summary>Highest dimension for which <see cref="NeighborAlgorithm.Auto"/> builds a k-d tree.</summary>
    public const int TreeMaxDimensions = 10;

    /// <summary>Euclidean, automatic index, all cores.</summary>
    public static NeighborSearch Default { get; } = new();

    /// <summary>The metric in use.</summary>
    public DistanceMetric EffectiveMetric => Metric ?? DistanceMetric.Euclidean;

    /// <summary>The SIMD width of the Euclidean brute force: <see cref="Neighbors.VectorWidth.Auto"/> (the widest
    /// the hardware accelerates) unless a test forces one. Answers are the same at every width.</summary>
    internal VectorWidth VectorWidth { get; init; } = VectorWidth.Auto;

    /// <summary>Query rows per tile of the SIMD kernel: 0 (chosen from the register file), 4 or 8; tests force
    /// both on any machine.</summary>
    internal int TileRows { get; init; }

    /// <summary>The thread count in use.</summary>
    public int Threads => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Builds an index over <paramref name="count"/> points stored row-major in <paramref name="points"/>
    /// (not copied; do not change them while the index is in use).</summary>
    /// <exception cref="DataException">A value is NaN or infinite.</exception>
    public INeighborIndex Build(double[] points, int count, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length < count * dimensions)
            throw new ArgumentException("points is shorter than count × dimensions");
        for (var i = 0; i < count * dimensions; i++)
            if (!double.IsFinite(points[i]))
                throw new DataException(
                    $"point {i / Math.Max(1, dimensions)} has a missing or non-finite value in dimension " +
                    $"{i % Math.Max(1, dimensions)}; neighbours need finite values");
        var metric = EffectiveMetric;
        var treeable = metric == DistanceMetric.Euclidean || metric == DistanceMetric.Manhattan;
        var algorithm = Algorithm;
        if (algorithm == NeighborAlgorithm.Auto)
            algorithm = treeable && (dimensions <= TreeMaxDimensions || metric != DistanceMetric.Euclidean)
                && count > 64
                    ? NeighborAlgorithm.KdTree
                    : NeighborAlgorithm.BruteForce;
        if (algorithm == NeighborAlgorithm.KdTree && treeable)
            return new KdTreeIndex(points, count, dimensions, metric, Threads);
        // A handful of points (k-means centroids, say): a plain scan beats any blocking.
        if (Algorithm == NeighborAlgorithm.Auto && count <= 64)
            return new BruteForceIndex(points, count, dimensions, metric, Threads);
        var width = SimdEuclideanIndex.Resolve(VectorWidth);
        if (metric == DistanceMetric.Euclidean && width != VectorWidth.None
            && SimdEuclideanIndex.CanIndex(points, count, dimensions))
            return new SimdEuclideanIndex(points, count, dimensions, Threads, width, TileRows);
        return new BruteForceIndex(points, count, dimensions, metric, Threads);
    }
}
