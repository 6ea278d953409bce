using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Workflow;

/// <summary>
/// ML.NET's learners for the comparison workflow (<see cref="CompareWorkflow"/>) and the command line's <c>train</c>,
/// by the names of <see cref="MlNetClassifier.ByName"/>; each learner gets its own <see cref="MLContext"/> seeded by
/// the workflow's seed, and a sampler that asks a classifier (instance hardness) gets ML.NET's random forest, as
/// imbalanced-learn's default estimator is a random forest.
/// </summary>
public sealed class MlNetLearners : ILearnerFactory
{
    /// <inheritdoc />
    public IReadOnlyList<string> DefaultNames { get; } = ["logistic", "lightgbm", "random-forest"];

    /// <summary>Every learner name <see cref="Create"/> knows.</summary>
    public IReadOnlyList<string> Names { get; } = ["logistic", "lightgbm", "random-forest", "fasttree"];

    /// <inheritdoc />
    public IClassifier Create(string name, long seed) =>
        MlNetClassifier.ByName(new MLContext(unchecked((int)seed)), name);

    /// <inheritdoc />
    public IClassifier? SamplerEstimator(long seed) =>
        MlNetClassifier.RandomForest(new MLContext(unchecked((int)seed)));
}
