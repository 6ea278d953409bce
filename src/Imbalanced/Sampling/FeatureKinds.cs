namespace Imbalanced.Sampling;

/// <summary>The features a sampler takes.</summary>
public enum FeatureKinds
{
    /// <summary>Numeric features only (categorical ones are refused unless the sampler allows them).</summary>
    Numeric,
    /// <summary>Numeric and categorical features together, at least one of each.</summary>
    Mixed,
    /// <summary>Every feature taken as categorical, numeric ones by their values.</summary>
    Categorical,
}
