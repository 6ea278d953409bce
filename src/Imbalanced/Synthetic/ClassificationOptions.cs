namespace Imbalanced.Synthetic;

/// <summary>Options of <see cref="ClassificationGenerator"/>, with scikit-learn's <c>make_classification</c> defaults
/// except the row count (1,000 here).</summary>
public sealed record ClassificationOptions
{
    /// <summary>Number of rows.</summary>
    public int Rows { get; init; } = 1000;

    /// <summary>Total number of features.</summary>
    public int Features { get; init; } = 20;

    /// <summary>Informative features (the cluster centres live on a hypercube of this dimension).</summary>
    public int Informative { get; init; } = 2;

    /// <summary>Redundant features: random linear combinations of the informative ones.</summary>
    public int Redundant { get; init; } = 2;

    /// <summary>Number of classes.</summary>
    public int Classes { get; init; } = 2;

    /// <summary>Gaussian clusters per class.</summary>
    public int ClustersPerClass { get; init; } = 2;

    /// <summary>Share of rows per class (all classes, or all but the
    /// last, which takes the rest), each from 0 to 1 and adding up to at most 1; balanced when null.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Half the side of the hypercube: larger separates the classes more.</summary>
    public double ClassSeparation { get; init; } = 1.0;

    /// <summary>Share of rows whose label is replaced by a random class (label noise).</summary>
    public double Flip { get; init; } = 0.01;

    /// <summary>Seed of the random stream.</summary>
    public long Seed { get; init; }
}
