using Imbalanced.Neighbors;

namespace Imbalanced.Sampling;

/// <summary>
/// Every parameter a registered sampler may take, by its command-line name, so the command line, the ML.NET
/// wrapper, the comparison workflow and the tests all build samplers the same way. Null means "the method's
/// default".
/// </summary>
public sealed record SamplerSettings
{
    /// <summary>Sampling strategy (all methods).</summary>
    public SamplingStrategy Strategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>Seed (all methods).</summary>
    public long Seed { get; init; }

    /// <summary>Threads of the neighbour engine; 0 for all cores.</summary>
    public int Threads { get; init; }

    /// <summary><c>--k-neighbors</c>.</summary>
    public int? KNeighbors { get; init; }

    /// <summary><c>--m-neighbors</c>.</summary>
    public int? MNeighbors { get; init; }

    /// <summary><c>--n-neighbors</c>.</summary>
    public int? NNeighbors { get; init; }

    /// <summary><c>--kind</c> (<c>borderline-1</c> or <c>borderline-2</c>).</summary>
    public string? Kind { get; init; }

    /// <summary><c>--categorical</c>: features SMOTE-NC treats as categorical (null: the categorical columns).</summary>
    public IReadOnlyList<string>? Categorical { get; init; }

    /// <summary><c>--cv</c>: folds of instance hardness's cross-validated predictions.</summary>
    public int? Folds { get; init; }

    /// <summary>The classifier instance hardness asks for probabilities (null: the sampler's default).</summary>
    public ModelSelection.IClassifier? Classifier { get; init; }

    /// <summary><c>--kind-sel</c> (<c>all</c> or <c>mode</c>).</summary>
    public string? KindSel { get; init; }

    /// <summary><c>--max-iter</c>.</summary>
    public int? MaxIterations { get; init; }

    /// <summary><c>--allow-minority</c>.</summary>
    public bool AllowMinority { get; init; }

    /// <summary><c>--version</c> (NearMiss).</summary>
    public int? Version { get; init; }

    /// <summary><c>--n-neighbors-ver3</c>.</summary>
    public int? NNeighborsVer3 { get; init; }

    /// <summary><c>--voting</c> (<c>auto</c>, <c>soft</c> or <c>hard</c>).</summary>
    public string? Voting { get; init; }

    /// <summary><c>--threshold-cleaning</c>.</summary>
    public double? ThresholdCleaning { get; init; }

    /// <summary><c>--n-seeds-s</c>.</summary>
    public int? NSeedsS { get; init; }

    /// <summary><c>--kind-sel</c> read as a flag: true for <c>mode</c>.</summary>
    public bool KindSelMode => KindSel switch
    {
        null or "all" => false,
        "mode" => true,
        _ => throw new ArgumentException($"--kind-sel must be all or mode; got '{KindSel}'"),
    };

    /// <summary><c>--out-step</c>.</summary>
    public double? OutStep { get; init; }

    /// <summary><c>--clusters</c>.</summary>
    public int? Clusters { get; init; }

    /// <summary><c>--cluster-balance-threshold</c>.</summary>
    public double? ClusterBalanceThreshold { get; init; }

    /// <summary><c>--density-exponent</c>.</summary>
    public double? DensityExponent { get; init; }

    /// <summary><c>--shrinkage</c>.</summary>
    public double? Shrinkage { get; init; }

    /// <summary><c>--replacement</c>.</summary>
    public bool Replacement { get; init; }

    /// <summary>The neighbour engine these settings ask for.</summary>
    public NeighborSearch Neighbors => new(MaxDegreeOfParallelism: Threads);
}
