namespace Imbalanced.ModelSelection;

/// <summary>Options of <see cref="CompareWorkflow"/>.</summary>
public sealed record CompareOptions
{
    /// <summary>The positive class (binary); the minority class when null.</summary>
    public string? Positive { get; init; }

    /// <summary>Learners by name, as the <see cref="ILearnerFactory"/> knows them; empty for its
    /// <see cref="ILearnerFactory.DefaultNames"/>.</summary>
    public IReadOnlyList<string> Learners { get; init; } = [];

    /// <summary><c>none</c>, <c>class-weight</c>, or any registered sampler name (see
    /// <see cref="ModelSelection.Techniques"/>).</summary>
    public IReadOnlyList<string> Techniques { get; init; } =
    [
        "none", "class-weight", "random-over", "random-under", "smote", "borderline-smote", "adasyn", "smote-tomek",
        "smote-enn",
    ];

    /// <summary><c>none</c> or a threshold objective (<see cref="ThresholdObjective.Parse"/>).</summary>
    public string TuneThreshold { get; init; } = "none";

    /// <summary>Folds per repeat.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Repeats of the stratified k-fold.</summary>
    public int Repeats { get; init; } = 2;

    /// <summary>The metric that ranks the combinations (a key of
    /// <see cref="CompareWorkflow.NumericMetrics"/>).</summary>
    public string Metric { get; init; } = "average_precision";

    /// <summary>Seed of the folds, samplers and learners.</summary>
    public long Seed { get; init; }
}
