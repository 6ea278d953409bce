namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Lee"/>.</summary>
public sealed record LeeOptions : SamplerOptions
{
    /// <summary>smote_variants' <c>n_neighbors</c>: nearest neighbours of the same class to interpolate towards, and
    /// nearest rows of the whole data set that judge a new row (5).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class neighbours to interpolate towards; rows that judge a new row")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>smote_variants' <c>rejection_level</c>: a new row is rejected when at least this fraction of its
    /// nearest rows belongs to other classes, in [0, 1] (0.5).</summary>
    [SamplerParameter("rejection_level", "reject a new row when this fraction of its neighbours is of other classes")]
    public double RejectionLevel { get; init; } = 0.5;
}
