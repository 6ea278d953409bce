namespace Imbalanced.Sampling;

/// <summary>The kind of a sampler, as the command line's method table lists it.</summary>
public enum SamplerKind
{
    /// <summary>Adds rows.</summary>
    Over,
    /// <summary>Keeps a chosen number of rows per class.</summary>
    Under,
    /// <summary>Removes rows it judges noisy or redundant.</summary>
    Cleaning,
    /// <summary>Over-samples, then cleans.</summary>
    Combined,
    /// <summary>Resamples a data set with a numeric target (imbalanced regression): an
    /// <see cref="Regression.IRegressionSampler"/>.</summary>
    Regression,
}
