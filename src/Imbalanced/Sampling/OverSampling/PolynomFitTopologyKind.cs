namespace Imbalanced.Sampling.OverSampling;

/// <summary>The shapes along which <see cref="PolynomFitSmote"/> places new rows.</summary>
public enum PolynomFitTopologyKind
{
    /// <summary>On the segments from each row of the class to the class's mean.</summary>
    Star,

    /// <summary>On the segments between consecutive rows of the class (in input order).</summary>
    Bus,

    /// <summary>On the segments between every two rows of the class.</summary>
    Mesh,

    /// <summary>On a curve: one polynomial per feature, fitted by least squares over the class's rows ordered by
    /// the mean of their features.</summary>
    Polynomial,
}
