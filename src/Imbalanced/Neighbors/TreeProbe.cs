using Imbalanced.Numerics;

namespace Imbalanced.Neighbors;

/// <summary>
/// Whether a k-d tree answers Euclidean queries in more than <see cref="NeighborSearch.TreeMaxDimensions"/>
/// dimensions faster than the SIMD brute force: when a few features dwarf the rest (a salary beside 0/1 flags), the
/// data are low-dimensional in all but name, the tree examines a few dozen points a query where the scan measures
/// every point, and the scan's single-precision filter, whose error grows with the large features' squared norms,
/// sends many queries to its exact re-scan. Both indexes answer exactly, so the choice changes only the time.
/// </summary>
/// <remarks>Two steps, both deterministic (the same points always choose the same index). (1) The columns'
/// variances, gathered by <see cref="NeighborSearch"/>'s pass that checks the values: the tree is considered only
/// when the dimensions beyond the <see cref="NeighborSearch.TreeMaxDimensions"/> of largest variance hold at most
/// <see cref="ResidualShare"/> of the total variance, so that standardised or isotropic data pay only a few more
/// operations a value in that pass. (2) The tree is built (over a
/// copy of the points when they are a subset or made on demand) and searched for the <see cref="ProbeK"/> nearest
/// of <see cref="Probes"/> of its own points: it is kept when it examines at most one point in
/// <see cref="ExaminedRatio"/> a query. Fewer than <see cref="MinimumPoints"/> points are never probed: a search
/// reads at least one leaf of 8 or more points, so the tree could not pass. <c>dotnet run --project
/// benchmarks/Imbalanced.Benchmarks -c Release -- tree-probe</c> measures both indexes on one thread over 8,000
/// points of 24 dimensions (1 to 6 wide Gaussian dimensions, the rest 10 to 1,000 times narrower), with the share
/// of points the probe saw the tree examine; <c>benchmarks/results/tree_probe.md</c> holds a run.</remarks>
internal static class TreeProbe
{
    /// <summary>Greatest share of the total variance the dimensions beyond the widest
    /// <see cref="NeighborSearch.TreeMaxDimensions"/> may hold for the tree to be probed: 1%.</summary>
    internal const double ResidualShare = 0.01;

    /// <summary>Own points searched by the probe: 64, evenly spaced.</summary>
    internal const int Probes = 64;

    /// <summary>Neighbours the probe searches for: 5, the SMOTE family's default.</summary>
    internal const int ProbeK = 5;

    /// <summary>The tree is kept when it examines at most one point in 20 a query (5%): in
    /// <c>benchmarks/results/tree_probe.md</c> it was faster at 4.0% examined and slower from 7.4%.</summary>
    internal const int ExaminedRatio = 20;

    /// <summary>Fewest points probed: 160, <see cref="ExaminedRatio"/> times the 8 points of the smallest leaf.
    /// </summary>
    internal const int MinimumPoints = ExaminedRatio * 8;

    /// <summary>Whether points of <paramref name="dimensions"/> dimensions, <paramref name="count"/> of them, may be
    /// probed at all: more dimensions than <see cref="NeighborSearch.TreeMaxDimensions"/>, at least
    /// <see cref="MinimumPoints"/> points.</summary>
    internal static bool Considers(int count, int dimensions) =>
        dimensions > NeighborSearch.TreeMaxDimensions && count >= MinimumPoints;

    /// <summary>A k-d tree over <paramref name="source"/> when it is the faster exact index (see the remarks of
    /// <see cref="TreeProbe"/>), else null.</summary>
    internal static KdTreeIndex? TreeIfFaster(PointRows source, int threads) =>
        Considers(source.Count, source.Dimensions) ? TreeIfFaster(source, threads, Spread(source)) : null;

    /// <summary><see cref="TreeIfFaster(PointRows, int)"/> with the points' <paramref name="spread"/> gathered by a
    /// pass the caller made over them anyway.</summary>
    internal static KdTreeIndex? TreeIfFaster(PointRows source, int threads, RunningVariance spread)
    {
        if (!Considers(source.Count, source.Dimensions) || !Concentrated(spread)) return null;
        var tree = new KdTreeIndex(source.Dense(), source.Count, source.Dimensions, DistanceMetric.Euclidean,
            threads);
        return tree.MeanExamined(Probes, ProbeK) * ExaminedRatio <= source.Count ? tree : null;
    }

    /// <summary>Whether the dimensions beyond the <see cref="NeighborSearch.TreeMaxDimensions"/> of largest variance
    /// hold at most <see cref="ResidualShare"/> of the total variance.</summary>
    internal static bool Concentrated(PointRows source) => Concentrated(Spread(source));

    private static bool Concentrated(RunningVariance spread)
    {
        var squares = spread.SumsOfSquares();
        var total = squares.Sum();
        Array.Sort(squares);
        var residual = 0.0;
        for (var c = 0; c < squares.Length - NeighborSearch.TreeMaxDimensions; c++) residual += squares[c];
        return total > 0 && residual <= ResidualShare * total;
    }

    private static RunningVariance Spread(PointRows source)
    {
        var spread = new RunningVariance(source.Dimensions);
        var scratch = new double[source.Dimensions];
        for (var i = 0; i < source.Count; i++) spread.Add(source.Row(i, scratch));
        return spread;
    }
}
