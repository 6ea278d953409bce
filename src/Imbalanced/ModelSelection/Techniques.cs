using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>Technique names: <c>none</c>, <c>class-weight</c> or a registered sampler; <see cref="Create"/> puts one
/// in front of a learner as a <see cref="ResamplingPipeline"/>, and the comparison workflow's technique runs take
/// their sampler parameters from <see cref="SamplerParametersFor"/>.</summary>
public static class Techniques
{
    /// <summary>The technique that leaves the training data and its weights as they are.</summary>
    public const string None = "none";

    /// <summary>The technique that weighs training rows by <see cref="ClassWeights.Balanced"/>.</summary>
    public const string ClassWeight = "class-weight";

    /// <summary>Whether <paramref name="technique"/> is known.</summary>
    public static bool IsKnown(string technique) =>
        technique is None or ClassWeight || SamplerRegistry.Find(technique) is not null;

    /// <summary>The learner for <paramref name="technique"/> in front of <paramref name="learner"/>; a sampler that
    /// asks a classifier gets <paramref name="learners"/>' <see cref="ILearnerFactory.SamplerEstimator"/>.</summary>
    /// <exception cref="ArgumentException">The technique is unknown.</exception>
    public static IClassifier Create(string technique, IClassifier learner, long seed,
        ILearnerFactory? learners = null)
    {
        if (technique == None) return new ResamplingPipeline(null, learner);
        if (technique == ClassWeight) return new ResamplingPipeline(null, learner, classWeights: true);
        var sampler = (SamplerRegistry.Find(technique) ?? throw Unknown(technique))
            .Create(seed, parameters: SamplerParametersFor(technique, seed, learners));
        return new ResamplingPipeline(sampler, learner);
    }

    /// <summary>The parameters a resample technique runs with beyond its defaults: for a sampler that asks a
    /// classifier (instance hardness) <paramref name="learners"/>' <see cref="ILearnerFactory.SamplerEstimator"/> as
    /// its <c>estimator</c>; none otherwise.</summary>
    public static Dictionary<string, object?> SamplerParametersFor(string technique, long seed,
        ILearnerFactory? learners = null) =>
        SamplerRegistry.Find(technique) is { UsesClassifier: true } && learners?.SamplerEstimator(seed) is { } e
            ? new() { ["estimator"] = e }
            : [];

    /// <summary>The error for an unknown technique.</summary>
    internal static ArgumentException Unknown(string technique) =>
        new($"unknown technique '{technique}'; use {None}, {ClassWeight} or a registered sampler");
}
