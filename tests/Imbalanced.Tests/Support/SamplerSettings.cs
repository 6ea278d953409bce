using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;

namespace Imbalanced.Tests.Support;

/// <summary>A bag of every sampler parameter, for tests that run many samplers with one set of values; each
/// sampler takes the ones it has (through
/// <see cref="SamplerInfo.Create(long, SamplingStrategy?, IReadOnlyDictionary{string, object?}?, NeighborSearch?)"/>).
/// </summary>
internal sealed record SamplerSettings
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

    /// <summary><c>--categorical</c>: features SMOTE-NC treats
    /// as categorical (null: the categorical columns).</summary>
    public IReadOnlyList<string>? Categorical { get; init; }

    /// <summary><c>--cv</c>: folds of instance hardness's cross-validated predictions.</summary>
    public int? Folds { get; init; }

    /// <summary>The classifier instance hardness asks for probabilities (null: the sampler's default).</summary>
    public Imbalanced.ModelSelection.IClassifier? Classifier { get; init; }

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

    /// <summary>The settings that <paramref name="info"/>'s method takes, by imbalanced-learn name.</summary>
    internal Dictionary<string, object?> ParametersFor(SamplerInfo info)
    {
        var all = new Dictionary<string, object?>
        {
            ["k_neighbors"] = KNeighbors,
            ["m_neighbors"] = MNeighbors,
            ["n_neighbors"] = NNeighbors,
            ["kind"] = Kind switch
            {
                null => null,
                "borderline-1" => BorderlineKind.Borderline1,
                "borderline-2" => BorderlineKind.Borderline2,
                _ => throw new ArgumentException($"Kind must be borderline-1 or borderline-2; got '{Kind}'",
                    nameof(Kind)),
            },
            ["categorical_features"] = Categorical,
            ["cv"] = Folds,
            ["estimator"] = Classifier,
            ["kind_sel"] = KindSel switch
            {
                null => null,
                "all" => Imbalanced.Sampling.Cleaning.KindSel.All,
                "mode" => Imbalanced.Sampling.Cleaning.KindSel.Mode,
                _ => throw new ArgumentException($"KindSel must be all or mode; got '{KindSel}'", nameof(KindSel)),
            },
            ["max_iter"] = MaxIterations,
            ["allow_minority"] = AllowMinority ? true : null,
            ["version"] = Version,
            ["n_neighbors_ver3"] = NNeighborsVer3,
            ["voting"] = Voting switch
            {
                null => null,
                "auto" => CentroidVoting.Auto,
                "soft" => CentroidVoting.Soft,
                "hard" => CentroidVoting.Hard,
                _ => throw new ArgumentException($"Voting must be auto, soft or hard; got '{Voting}'", nameof(Voting)),
            },
            ["threshold_cleaning"] = ThresholdCleaning,
            ["n_seeds_S"] = NSeedsS,
            ["out_step"] = OutStep,
            ["kmeans_estimator"] = Clusters,
            ["cluster_balance_threshold"] = ClusterBalanceThreshold,
            ["density_exponent"] = DensityExponent,
            ["shrinkage"] = Shrinkage,
            ["replacement"] = Replacement ? true : null,
        };
        return info.Parameters.Where(p => all.TryGetValue(p.Name, out var v) && v is not null)
            .ToDictionary(p => p.Name, p => all[p.Name]);
    }
}

/// <summary>Builds samplers from <see cref="SamplerSettings"/>.</summary>
internal static class SamplerSettingsExtensions
{
    /// <summary>The sampler <paramref name="info"/> names, built from <paramref name="settings"/>.</summary>
    public static ISampler Create(this SamplerInfo info, SamplerSettings settings) =>
        info.Create(settings.Seed, settings.Strategy, settings.ParametersFor(info), settings.Neighbors);
}
