using Imbalanced.ModelSelection;
using Imbalanced.Sampling;
using Microsoft.ML;

namespace Imbalanced.MLNet.Workflow;

/// <summary>The one place a technique name and a learner name become a learner: <c>none</c>, <c>class-weight</c> or a
/// registered sampler, in front of an ML.NET learner.</summary>
public static class Techniques
{
    /// <summary>Whether <paramref name="technique"/> is known.</summary>
    public static bool IsKnown(string technique) => technique is "none" or "class-weight" || SamplerRegistry.Find(technique) is not null;

    /// <summary>The learner for <paramref name="technique"/> and <paramref name="learner"/>.</summary>
    public static IClassifier Create(MLContext ml, string technique, string learner, long seed) => technique switch
    {
        "none" => new ResamplingPipeline(null, MlNetClassifier.ByName(ml, learner)),
        "class-weight" => new ResamplingPipeline(null, MlNetClassifier.ByName(ml, learner), classWeights: true),
        _ => new ResamplingPipeline((SamplerRegistry.Find(technique) ?? throw new ArgumentException($"unknown technique '{technique}'; use none, class-weight or a resample method"))
            .Create(SamplerSettingsFor(technique, seed)), MlNetClassifier.ByName(ml, learner)),
    };

    /// <summary>
    /// The settings a resample technique runs with in the workflow: the seed, and for a sampler that asks a
    /// classifier (instance hardness) ML.NET's random forest seeded alike, as imbalanced-learn's default estimator
    /// is a random forest.
    /// </summary>
    public static SamplerSettings SamplerSettingsFor(string technique, long seed) => new()
    {
        Seed = seed,
        Classifier = SamplerRegistry.Find(technique) is { UsesClassifier: true }
            ? MlNetClassifier.RandomForest(new MLContext(unchecked((int)seed)))
            : null,
    };
}
