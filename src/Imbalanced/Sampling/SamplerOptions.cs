using Imbalanced.Neighbors;

namespace Imbalanced.Sampling;

/// <summary>Options every sampler has: the sampling strategy, the seed and the neighbour engine.</summary>
public record SamplerOptions
{
    /// <summary>Which classes to resample and how far (imbalanced-learn's
    /// <c>sampling_strategy</c>); <c>auto</c> by default.</summary>
    public SamplingStrategy Strategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>Seed of every random choice (imbalanced-learn's <c>random_state</c>); 0 by default.</summary>
    public long Seed { get; init; }

    /// <summary>The neighbour engine (metric, index, threads); results never depend on its thread count.</summary>
    public NeighborSearch Neighbors { get; init; } = NeighborSearch.Default;
}
