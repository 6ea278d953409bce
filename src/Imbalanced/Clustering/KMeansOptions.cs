using Imbalanced.Neighbors;

namespace Imbalanced.Clustering;

/// <summary>Options of <see cref="KMeans"/>, with scikit-learn's <c>KMeans</c> defaults.</summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters (8).</summary>
    public int Clusters { get; init; } = 8;

    /// <summary>Maximum Lloyd iterations (300).</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Relative tolerance: stop when the squared centre shift
    /// is at most this times the mean feature variance (1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of the k-means++ initialisation.</summary>
    public long Seed { get; init; }

    /// <summary>Centres to start from instead of k-means++ (scikit-learn's <c>init</c> given as an array):
    /// <see cref="Clusters"/> rows, row-major; null (the default) for k-means++.</summary>
    /// <example><c>new KMeansOptions { Clusters = 2, InitialCenters = [0, 0, 5, 5] }</c> starts from (0, 0) and
    /// (5, 5).</example>
    public double[]? InitialCenters { get; init; }

    /// <summary>The neighbour engine that assigns points to their nearest centre.</summary>
    public NeighborSearch Neighbors { get; init; } = NeighborSearch.Default;
}
