namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="SmoteNc"/>.</summary>
public sealed record SmoteNcOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c> (5).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class neighbours to interpolate towards")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>imbalanced-learn's <c>categorical_features</c> by name. Null (the default): the data set's
    /// categorical columns. A numeric column named here is treated as categorical (its values as categories).</summary>
    [SamplerParameter("categorical_features", "features to treat as categorical, by name")]
    public IReadOnlyList<string>? CategoricalFeatures { get; init; }

    /// <summary>The same by position in <see cref="SmoteNc.FeatureOrder"/>
    /// (numeric features, then categorical).</summary>
    public IReadOnlyList<int>? CategoricalIndices { get; init; }

    /// <summary>The same as a mask over <see cref="SmoteNc.FeatureOrder"/>.</summary>
    public IReadOnlyList<bool>? CategoricalMask { get; init; }
}
