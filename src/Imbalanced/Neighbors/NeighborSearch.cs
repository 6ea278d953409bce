using Imbalanced.Numerics;

namespace Imbalanced.Neighbors;

/// <summary>
/// The one neighbour engine every sampler uses: builds an exact index over a set of points, choosing a k-d
/// tree for low dimension and blocked SIMD brute force for high dimension (but a k-d tree there too when a few wide
/// features dwarf the rest and a probe of the tree finds it examines few points a query; see
/// <see cref="Build(double[], int, int)"/>), multi-threaded, with answers that
/// do not depend on the thread count (ties by distance, then lower index); or, asked for
/// <see cref="NeighborAlgorithm.Approximate"/> or automatically for large Euclidean data, an approximate index
/// whose answers do not depend on the thread count either.
/// </summary>
/// <param name="Metric">The distance; Euclidean by default.</param>
/// <param name="Algorithm">Which index to build; <see cref="NeighborAlgorithm.Auto"/> by default.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use; all cores by default.</param>
public sealed record NeighborSearch(DistanceMetric? Metric = null, NeighborAlgorithm Algorithm = NeighborAlgorithm.Auto,
    int MaxDegreeOfParallelism = 0)
{
    /// <summary>Highest dimension for which <see cref="NeighborAlgorithm.Auto"/> builds a k-d tree.</summary>
    public const int TreeMaxDimensions = 10;

    /// <summary>Fewest points for which <see cref="NeighborAlgorithm.Auto"/> builds the approximate index
    /// (Euclidean, more than <see cref="TreeMaxDimensions"/> dimensions): 500,000. Measured in CPU seconds on
    /// 2 shared cores, the 5-NN of every row of 20 generated features took 3.5 s exact and 6.3 s approximate at
    /// 100,000 rows, 11.6 s and 15.7 s at 200,000 (recall@5 0.996): exact grows 3.3× per doubling of the rows,
    /// the approximate index 2.5×, so they cross near 430,000 rows. Below the threshold every query is
    /// exact.</summary>
    /// <example><c>NeighborSearch.Default.Choose(NeighborSearch.ApproximateMinRows, 20)</c> is
    /// <see cref="NeighborAlgorithm.Approximate"/>.</example>
    public const int ApproximateMinRows = 500_000;

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

    /// <summary>Parameters of the approximate index (lists, probes, training sample, seed); the defaults give
    /// recall@5 ≥ 0.99 on <c>generate</c>d data.</summary>
    /// <example><c>NeighborSearch.Default with { Approximate = new ApproximateOptions { Seed = 3 } }</c></example>
    public ApproximateOptions Approximate { get; init; } = new();

    /// <summary>Called by <see cref="Build(double[], int, int)"/> with the index it chose
    /// (<see cref="NeighborAlgorithm.KdTree"/>, <see cref="NeighborAlgorithm.BruteForce"/> or
    /// <see cref="NeighborAlgorithm.Approximate"/>), from the building thread; null (the default) for none. Lets a
    /// caller report whether a run was approximate.</summary>
    /// <example><c>var approximate = false;
    /// var search = NeighborSearch.Default with
    /// {
    ///     OnBuild = a =&gt; approximate |= a == NeighborAlgorithm.Approximate,
    /// };</c></example>
    public Action<NeighborAlgorithm>? OnBuild { get; init; }

    /// <summary>The thread count in use.</summary>
    public int Threads => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Builds an index over <paramref name="count"/> points stored row-major in <paramref name="points"/>
    /// (not copied; do not change them while the index is in use): the one <see cref="Choose"/> names, except that
    /// Euclidean points of more than <see cref="TreeMaxDimensions"/> dimensions (below
    /// <see cref="ApproximateMinRows"/>, with <see cref="NeighborAlgorithm.Auto"/> or
    /// <see cref="NeighborAlgorithm.Exact"/>) get a k-d tree when the dimensions beyond the 10 of largest variance hold
    /// at most 1% of the total variance and the tree, searched for the 5 nearest of 64 of its own points, examines at
    /// most one point in 20 a query: a salary beside 0/1 flags, where the tree examines a few dozen points a query and
    /// the scan every point. The answers are the same exact ones either way.</summary>
    /// <exception cref="DataException">A value is NaN or infinite.</exception>
    public INeighborIndex Build(double[] points, int count, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length < count * dimensions)
            throw new ArgumentException("points is shorter than count × dimensions");
        return Build(new PointRows(points, null, count, dimensions));
    }

    /// <summary>Builds an index over rows <paramref name="rows"/> of the row-major <paramref name="points"/> (point
    /// <c>i</c> is row <c>rows[i]</c>; answers number the points 0 … rows.Length − 1), with the answers an index
    /// over a copy of those rows gives. The approximate index and the SIMD brute force read the rows in place; the
    /// other indexes get a copy.</summary>
    /// <exception cref="DataException">A value is NaN or infinite.</exception>
    internal INeighborIndex BuildOfRows(double[] points, int[] rows, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(rows);
        return Build(new PointRows(points, rows, rows.Length, dimensions));
    }

    /// <summary>Builds an index over <paramref name="source"/>'s points (read in place by the approximate index
    /// and the SIMD brute force; the other indexes get a copy).</summary>
    /// <exception cref="DataException">A value is NaN or infinite.</exception>
    internal INeighborIndex Build(PointRows source)
    {
        var (count, dimensions) = (source.Count, source.Dimensions);
        var metric = EffectiveMetric;
        var algorithm = Choose(count, dimensions);
        // A handful of points (k-means centroids, say): a plain scan beats any blocking.
        var scan = Algorithm is NeighborAlgorithm.Auto or NeighborAlgorithm.Approximate or NeighborAlgorithm.Exact
            && count <= 64;
        var width = SimdEuclideanIndex.Resolve(VectorWidth);
        var simd = algorithm is not NeighborAlgorithm.KdTree and not NeighborAlgorithm.Approximate && !scan
            && metric == DistanceMetric.Euclidean && width != VectorWidth.None;
        // A few wide features among many narrow ones: the exact tree may beat the scan (below the approximate
        // index's sizes only: the tree may copy the points). The pass that checks the values gathers their spread.
        var spread = simd && Algorithm is NeighborAlgorithm.Auto or NeighborAlgorithm.Exact
            && count < ApproximateMinRows && TreeProbe.Considers(count, dimensions)
            ? new RunningVariance(dimensions)
            : null;
        var scratch = new double[dimensions];
        for (var i = 0; i < count; i++)
        {
            var row = source.Row(i, scratch);
            for (var c = 0; c < dimensions; c++)
                if (!double.IsFinite(row[c]))
                    throw new DataException(
                        $"point {i} has a missing or non-finite value in dimension {c}; neighbours need finite values");
            spread?.Add(row);
        }
        if (algorithm == NeighborAlgorithm.Approximate)
        {
            OnBuild?.Invoke(algorithm);
            return new IvfIndex(source, Approximate, this with { Algorithm = NeighborAlgorithm.Exact, OnBuild = null });
        }
        if (spread is not null && TreeProbe.TreeIfFaster(source, Threads, spread) is { } tree)
        {
            OnBuild?.Invoke(NeighborAlgorithm.KdTree);
            return tree;
        }
        OnBuild?.Invoke(algorithm);
        // The SIMD kernel reads the rows where they are; the other indexes take them as one array.
        if (simd && SimdEuclideanIndex.CanIndex(source))
            return new SimdEuclideanIndex(source, Threads, width, TileRows);
        var points = source.Dense();
        if (algorithm == NeighborAlgorithm.KdTree)
            return new KdTreeIndex(points, count, dimensions, metric, Threads);
        return new BruteForceIndex(points, count, dimensions, metric, Threads);
    }

    /// <summary>The index <see cref="Build(double[], int, int)"/> builds for <paramref name="count"/> points of
    /// <paramref name="dimensions"/>, before it looks at their values (which may turn brute force into a k-d tree):
    /// <see cref="NeighborAlgorithm.KdTree"/>,
    /// <see cref="NeighborAlgorithm.BruteForce"/> or <see cref="NeighborAlgorithm.Approximate"/>. The approximate
    /// index is Euclidean only; asked for with another metric, the exact index <see cref="NeighborAlgorithm.Auto"/>
    /// would choose is built.</summary>
    /// <example><c>NeighborSearch.Default.Choose(1_000, 20)</c> is <see cref="NeighborAlgorithm.BruteForce"/>;
    /// <c>NeighborSearch.Default.Choose(1_000_000, 20)</c> is <see cref="NeighborAlgorithm.Approximate"/>;
    /// <c>NeighborSearch.Default.Choose(1_000_000, 4)</c> is <see cref="NeighborAlgorithm.KdTree"/>.</example>
    public NeighborAlgorithm Choose(int count, int dimensions)
    {
        var metric = EffectiveMetric;
        var euclidean = metric == DistanceMetric.Euclidean;
        var treeable = euclidean || metric == DistanceMetric.Manhattan;
        if (euclidean && dimensions > 0)
        {
            if (Algorithm == NeighborAlgorithm.Approximate) return NeighborAlgorithm.Approximate;
            if (Algorithm == NeighborAlgorithm.Auto && dimensions > TreeMaxDimensions
                && count >= ApproximateMinRows)
                return NeighborAlgorithm.Approximate;
        }
        return Algorithm switch
        {
            NeighborAlgorithm.KdTree when treeable => NeighborAlgorithm.KdTree,
            NeighborAlgorithm.Auto or NeighborAlgorithm.Approximate or NeighborAlgorithm.Exact
                when treeable && dimensions <= TreeMaxDimensions && count > 64 =>
                NeighborAlgorithm.KdTree,
            _ => NeighborAlgorithm.BruteForce,
        };
    }
}
