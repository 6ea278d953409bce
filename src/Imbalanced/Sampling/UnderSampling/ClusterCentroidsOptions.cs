namespace Imbalanced.Sampling.UnderSampling;

/// <summary>Options of <see cref="ClusterCentroids"/>.</summary>
public sealed record ClusterCentroidsOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>voting</c> (auto).</summary>
    [SamplerParameter("voting", "auto, soft (centres) or hard (the rows nearest the centres)")]
    public CentroidVoting Voting { get; init; } = CentroidVoting.Auto;
}
