namespace Imbalanced.Sampling.Combined;

/// <summary>Options of <see cref="SmoteIpf"/>; the defaults are smote_variants' (and the paper's).</summary>
/// <example>
/// <code>
/// var options = new SmoteIpfOptions { NFolds = 9, StopIterations = 3, StopFraction = 0.01, Seed = 0 };
/// var result = new SmoteIpf(options).FitResample(data);
/// </code>
/// </example>
public sealed record SmoteIpfOptions : SamplerOptions
{
    /// <summary>SMOTE's <c>k_neighbors</c> (smote_variants' <c>n_neighbors</c>): nearest neighbours of the same
    /// class to interpolate towards, at least 1 (5).</summary>
    /// <example><code>var options = new SmoteIpfOptions { KNeighbors = 3 };</code></example>
    [SamplerParameter("k_neighbors", "SMOTE's nearest same-class neighbours")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>smote_variants' <c>n_folds</c>, the paper's <c>n</c>: the partitions the filter splits the data into
    /// at every iteration, one tree grown on each; at least 2 (9).</summary>
    /// <example><code>var options = new SmoteIpfOptions { NFolds = 5 };</code></example>
    [SamplerParameter("n_folds", "partitions of the filter, one decision tree grown on each")]
    public int NFolds { get; init; } = 9;

    /// <summary>smote_variants' and the paper's <c>k</c>: the filter stops after this many consecutive iterations
    /// that each remove fewer rows than <see cref="StopFraction"/> of the data it started with; at least 1 (3).
    /// </summary>
    /// <example><code>var options = new SmoteIpfOptions { StopIterations = 2 };</code></example>
    [SamplerParameter("stop_iterations", "stop after this many consecutive iterations that remove few rows")]
    public int StopIterations { get; init; } = 3;

    /// <summary>smote_variants' and the paper's <c>p</c>: an iteration "removes few rows" when it removes fewer than
    /// this fraction of the rows the filter started with (SMOTE's output); in [0, 1] (0.01).</summary>
    /// <example><code>var options = new SmoteIpfOptions { StopFraction = 0.05 };</code></example>
    [SamplerParameter("stop_fraction", "few rows: fewer than this fraction of the rows the filter started with")]
    public double StopFraction { get; init; } = 0.01;

    /// <summary>smote_variants' <c>voting</c>: a row is noise when most trees misclassify it, or when all do
    /// (majority).</summary>
    /// <example><code>var options = new SmoteIpfOptions { Voting = IpfVoting.Consensus };</code></example>
    [SamplerParameter("voting", "remove a row that most trees (majority) or all trees (consensus) misclassify")]
    public IpfVoting Voting { get; init; } = IpfVoting.Majority;

    /// <summary>The most iterations the filter runs, at least 1 (100; smote_variants has no such limit).</summary>
    /// <example><code>var options = new SmoteIpfOptions { MaxIterations = 10 };</code></example>
    [SamplerParameter("max_iter", "most iterations of the filter")]
    public int MaxIterations { get; init; } = 100;
}
