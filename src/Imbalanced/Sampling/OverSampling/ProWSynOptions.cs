namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="ProWSyn"/>.</summary>
public sealed record ProWSynOptions : SamplerOptions
{
    /// <summary>The paper's <c>K</c> (smote_variants' <c>n_neighbors</c>): at each proximity level, every row of the
    /// other classes marks its this many nearest rows of the class that remain (5).</summary>
    [SamplerParameter("n_neighbors", "nearest rows of the class each row of another class marks, per proximity level")]
    public int NNeighbors { get; init; } = 5;

    /// <summary>The paper's <c>L</c>: the number of proximity levels (5).</summary>
    [SamplerParameter("levels", "number of proximity levels")]
    public int Levels { get; init; } = 5;

    /// <summary>The paper's <c>θ</c>: how fast weights fall with the level, <c>exp(−θ · (level − 1))</c>, at
    /// least 0 (1).</summary>
    [SamplerParameter("theta", "how fast a row's weight falls with its proximity level: exp(-theta (level - 1))")]
    public double Theta { get; init; } = 1.0;
}
