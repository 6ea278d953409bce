namespace Imbalanced.Sampling.UnderSampling;

/// <summary>How <see cref="ClusterCentroids"/> turns clusters into rows.</summary>
public enum CentroidVoting
{
    /// <summary>imbalanced-learn's <c>auto</c>: soft for dense data (always here).</summary>
    Auto,
    /// <summary>The cluster centres themselves, as new rows.</summary>
    Soft,
    /// <summary>The input row nearest each centre.</summary>
    Hard,
}
