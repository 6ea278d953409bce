namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Smoten"/>.</summary>
public sealed record SmotenOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c>: the neighbourhood whose modes make a new row (5).</summary>
    [SamplerParameter("k_neighbors", "the neighbourhood whose modes make a new row")]
    public int KNeighbors { get; init; } = 5;
}
