using Imbalanced.Calibration;
using Imbalanced.Preprocessing;
using Imbalanced.Metrics;

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

    /// <summary><c>none</c> or a threshold objective by name (<see cref="ThresholdObjective.Parse"/>), tuned on the
    /// calibrated probabilities of inner folds of each training part.</summary>
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

    /// <summary>The cost of each kind of mistake (binary): needed by the objective <c>cost</c>; with it every result
    /// also has the metric <c>expected_cost</c>.</summary>
    public MisclassificationCost? Cost { get; init; }

    /// <summary>How probabilities are calibrated inside each training part.</summary>
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.Prior;

    /// <summary>What fills empty numeric cells inside each training part.</summary>
    public ImputationMethod Impute { get; init; } = ImputationMethod.Median;

    /// <summary>How many folds run at once (all cores when null); the results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Whether a technique whose sampler refuses the training part of a fold (a <see cref="DataException"/>,
    /// such as ADASYN's when no minority row has a neighbour of another class) is left out of the results and named
    /// in <see cref="CompareReport.LeftOut"/> instead of stopping the run; false by default: then every technique is
    /// one asked for, and its refusal stops the run. The command line leaves refused techniques out only when
    /// <c>--techniques</c> is not given (the default list), as scikit-learn's <c>cross_validate</c> scores a failing
    /// fit and goes on.</summary>
    public bool LeaveOutRefusedTechniques { get; init; }
}
