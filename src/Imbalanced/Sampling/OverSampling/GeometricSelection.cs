namespace Imbalanced.Sampling.OverSampling;

/// <summary>Where <see cref="GeometricSmote"/> takes the surface point of each hypersphere
/// (geometric-smote's <c>selection_strategy</c>).</summary>
public enum GeometricSelection
{
    /// <summary>The nearer of the two: a random one of the centre's k nearest rows of its class, or the centre's
    /// nearest row of the other classes.</summary>
    Combined,

    /// <summary>A random one of the centre's k nearest rows of its class.</summary>
    Minority,

    /// <summary>The centre's nearest row of the other classes.</summary>
    Majority,
}
