using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;

namespace Imbalanced.Sampling;

/// <summary>
/// The one list of samplers. The command line, the ML.NET wrapper, the comparison workflow and the common
/// checks all read it, so a sampler registered here is reachable and tested everywhere.
/// </summary>
public static class SamplerRegistry
{
    private static readonly SamplerInfo[] Entries =
    [
        new("random-over", "RandomOverSampler", SamplerKind.Over, ["shrinkage"],
            s => new RandomOverSampler(new RandomOverSamplerOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, Shrinkage = s.Shrinkage }),
            "duplicate random rows of the classes to grow (smoothed bootstrap with --shrinkage)")
        { AllowsMissing = true, AllowsCategorical = true },
        new("smote", "SMOTE", SamplerKind.Over, ["k-neighbors"],
            s => new Smote(new SmoteOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5 }),
            "interpolate between a row and one of its k nearest neighbours of the same class"),
        new("random-under", "RandomUnderSampler", SamplerKind.Under, ["replacement"],
            s => new RandomUnderSampler(new RandomUnderSamplerOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, Replacement = s.Replacement }),
            "keep a random subset of the classes to shrink")
        { AllowsMissing = true, AllowsCategorical = true },
    ];

    /// <summary>Every registered sampler, in the order of the command line's method table.</summary>
    public static IReadOnlyList<SamplerInfo> All => Entries;

    /// <summary>The sampler registered as <paramref name="name"/>, or null.</summary>
    public static SamplerInfo? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
