namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="SvmSmote"/>.</summary>
public sealed record SvmSmoteOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c> (5).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class neighbours to interpolate towards")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>imbalanced-learn's <c>m_neighbors</c>: neighbours that decide noise and danger (10).</summary>
    [SamplerParameter("m_neighbors", "neighbours that decide noise and danger")]
    public int MNeighbors { get; init; } = 10;

    /// <summary>imbalanced-learn's <c>out_step</c>: how far safe support vectors extrapolate (0.5).</summary>
    [SamplerParameter("out_step", "how far safe support vectors extrapolate")]
    public double OutStep { get; init; } = 0.5;
}
