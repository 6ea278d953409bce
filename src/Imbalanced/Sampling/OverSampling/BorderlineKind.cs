namespace Imbalanced.Sampling.OverSampling;

/// <summary>The two variants of Borderline-SMOTE.</summary>
public enum BorderlineKind
{
    /// <summary>Interpolate only towards neighbours of the same class.</summary>
    Borderline1,
    /// <summary>Also interpolate towards neighbours of other classes, at most half way.</summary>
    Borderline2,
}
