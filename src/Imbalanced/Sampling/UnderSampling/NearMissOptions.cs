namespace Imbalanced.Sampling.UnderSampling;

/// <summary>Options of <see cref="NearMiss"/>.</summary>
public sealed record NearMissOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>version</c>: 1, 2 or 3 (1).</summary>
    [SamplerParameter("version", "the NearMiss rule: 1, 2 or 3")]
    public int Version { get; init; } = 1;

    /// <summary>imbalanced-learn's <c>n_neighbors</c> (3).</summary>
    [SamplerParameter("n_neighbors", "neighbours whose mean distance ranks the rows")]
    public int NNeighbors { get; init; } = 3;

    /// <summary>imbalanced-learn's <c>n_neighbors_ver3</c> (3).</summary>
    [SamplerParameter("n_neighbors_ver3", "neighbours that pre-select rows for version 3")]
    public int NNeighborsVer3 { get; init; } = 3;
}
