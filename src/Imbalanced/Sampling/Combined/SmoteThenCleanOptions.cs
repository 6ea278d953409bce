namespace Imbalanced.Sampling.Combined;

/// <summary>Options of <see cref="SmoteTomek"/> and <see cref="SmoteEnn"/>.</summary>
public sealed record SmoteThenCleanOptions : SamplerOptions
{
    /// <summary>SMOTE's <c>k_neighbors</c> (5).</summary>
    [SamplerParameter("k_neighbors", "SMOTE's nearest same-class neighbours")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>ENN's <c>n_neighbors</c> (3; SMOTE-ENN only).</summary>
    [SamplerParameter("n_neighbors", "ENN's neighbours (SMOTE-ENN)")]
    public int NNeighbors { get; init; } = 3;
}
