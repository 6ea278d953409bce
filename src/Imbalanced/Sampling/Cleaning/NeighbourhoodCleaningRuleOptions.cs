namespace Imbalanced.Sampling.Cleaning;

/// <summary>Options of <see cref="NeighbourhoodCleaningRule"/>.</summary>
public sealed record NeighbourhoodCleaningRuleOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c> (3).</summary>
    [SamplerParameter("n_neighbors", "neighbours that vote")]
    public int NNeighbors { get; init; } = 3;

    /// <summary>imbalanced-learn's <c>threshold_cleaning</c> (0.5): a class is cleaned of the neighbours of
    /// misclassified minority rows when it has more than this share of the minority's rows (above 0).</summary>
    [SamplerParameter("threshold_cleaning", "share of the minority's size a class needs to be cleaned")]
    public double ThresholdCleaning { get; init; } = 0.5;
}
