namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="KMeansSmote"/>.</summary>
public sealed record KMeansSmoteOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c> (2).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class neighbours to interpolate towards")]
    public int KNeighbors { get; init; } = 2;

    /// <summary>Clusters of the k-means over all rows (imbalanced-learn's
    /// <c>kmeans_estimator</c> as a number; 8).</summary>
    [SamplerParameter("kmeans_estimator", "clusters of the k-means")]
    public int Clusters { get; init; } = 8;

    /// <summary>imbalanced-learn's <c>cluster_balance_threshold</c>: the share of a class a cluster needs to be used;
    /// null for <c>auto</c> (half the class's share of the rows to make).</summary>
    [SamplerParameter("cluster_balance_threshold", "share of a class a cluster needs (auto when unset)")]
    public double? ClusterBalanceThreshold { get; init; }

    /// <summary>imbalanced-learn's <c>density_exponent</c>; null for <c>auto</c>: <c>0.16 · log₁.₆(n)^1.8</c>, n
    /// the class rows of the cluster.</summary>
    [SamplerParameter("density_exponent", "exponent of the cluster density (auto when unset)")]
    public double? DensityExponent { get; init; }
}
