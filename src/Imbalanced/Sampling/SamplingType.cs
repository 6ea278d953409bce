namespace Imbalanced.Sampling;

/// <summary>How a sampler reads its sampling strategy (imbalanced-learn's <c>sampling_type</c>).</summary>
public enum SamplingType
{
    /// <summary>The strategy says how many rows to add to each targeted class.</summary>
    OverSampling,
    /// <summary>The strategy says how many rows to keep of each targeted class.</summary>
    UnderSampling,
    /// <summary>The strategy says which classes may lose rows; the number is decided by the method.</summary>
    CleanSampling,
}
