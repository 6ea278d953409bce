using Imbalanced.Calibration;
using Imbalanced.Data;
using Imbalanced.Preprocessing;

namespace Imbalanced.ModelSelection;

/// <summary>
/// A technique and a learner fitted on a training set exactly as in one fold of <see cref="CompareWorkflow"/>:
/// preprocessing (imputation, one-hot encoding) fitted on it, the technique applied to it, the learner fitted on the
/// result, the probabilities calibrated (<see cref="CalibrationMethod"/>) and, when asked, the decision threshold
/// tuned on calibrated out-of-fold probabilities of inner folds. Scoring new rows applies the same preprocessing and
/// calibration and never resamples.
/// </summary>
/// <example>
/// <code>
/// var trained = TrainedCombination.Fit(data, "smote", "lightgbm", new MlNetLearners(),
///     new CompareOptions { TuneThreshold = "f1" });
/// double[] p = trained.PredictProbabilities(newRows); // rows × classes, calibrated
/// int[] decided = trained.Decide(p);
/// </code>
/// </example>
public sealed class TrainedCombination
{
    /// <summary>A fitted combination from its parts (as a saved model restores it).</summary>
    /// <param name="technique">The technique.</param>
    /// <param name="ranAs">The sampler that ran for it.</param>
    /// <param name="learner">The learner's name.</param>
    /// <param name="classes">The classes, in class order.</param>
    /// <param name="preprocessor">The preprocessing.</param>
    /// <param name="model">The fitted model (on encoded rows).</param>
    /// <param name="calibrator">The calibration of the model's probabilities.</param>
    /// <param name="trainingPrior">The class shares of the training rows before resampling.</param>
    /// <param name="positive">The positive class code (binary), or null.</param>
    /// <param name="threshold">The decision threshold on the positive class's calibrated probability, or null for
    /// the most probable class.</param>
    public TrainedCombination(string technique, string ranAs, string learner, ClassSet classes,
        Preprocessor preprocessor, IClassifierModel model, ProbabilityCalibrator calibrator,
        IReadOnlyList<double> trainingPrior, int? positive, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (threshold is not null && (positive is null || classes.Count != 2))
            throw new ArgumentException("a decision threshold needs two classes and a positive class",
                nameof(threshold));
        if (positive is { } p && (p < 0 || p >= classes.Count))
            throw new ArgumentOutOfRangeException(nameof(positive), p, "the positive class must be a class code");
        if (trainingPrior.Count != classes.Count)
            throw new ArgumentException("the training prior needs one share per class", nameof(trainingPrior));
        Technique = technique;
        RanAs = ranAs;
        Learner = learner;
        Classes = classes;
        Preprocessor = preprocessor;
        Model = model;
        Calibrator = calibrator;
        TrainingPrior = trainingPrior;
        Positive = positive;
        Threshold = threshold;
    }

    /// <summary>The technique.</summary>
    public string Technique { get; }

    /// <summary>The sampler that ran (<see cref="CompareResult.RanAs"/>).</summary>
    public string RanAs { get; }

    /// <summary>The learner's name.</summary>
    public string Learner { get; }

    /// <summary>The classes, in class order.</summary>
    public ClassSet Classes { get; }

    /// <summary>The preprocessing fitted on the training rows.</summary>
    public Preprocessor Preprocessor { get; }

    /// <summary>The model fitted on the preprocessed, resampled training rows.</summary>
    public IClassifierModel Model { get; }

    /// <summary>The calibration of the model's probabilities.</summary>
    public ProbabilityCalibrator Calibrator { get; }

    /// <summary>The class shares of the training rows before resampling: the prior calibrated probabilities
    /// reflect.</summary>
    public IReadOnlyList<double> TrainingPrior { get; }

    /// <summary>The positive class code of a binary problem, or null.</summary>
    public int? Positive { get; }

    /// <summary>The decision threshold on the positive class's calibrated probability, or null.</summary>
    public double? Threshold { get; }

    /// <summary>Fits <paramref name="technique"/> and <paramref name="learner"/> on all of <paramref name="data"/>
    /// with <paramref name="options"/>' positive class, calibration, imputation, threshold objective, cost and seed
    /// (every option checked before the first fit, as in <see cref="CompareWorkflow.Run"/>).</summary>
    /// <exception cref="ArgumentException">An option names an unknown technique, learner or objective.</exception>
    /// <exception cref="DataException">The data do not allow the options.</exception>
    public static TrainedCombination Fit(Dataset data, string technique, string learner, ILearnerFactory learners,
        CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(learners);
        options = (options ?? new CompareOptions()) with { Techniques = [technique], Learners = [learner] };
        data = Preprocessor.EmptyAsCategory(data);
        var plan = CompareValidation.Check(data, options, learners, outerFolds: 1);
        var run = new TechniqueRun(technique, data, options, learners, plan.SmallestPart);
        var prepared = run.Prepare(data, plan.InnerFolds);
        return FitLearner(prepared, run, learner, learners, options, plan.Objective, plan.Positive);
    }

    /// <summary>The sampler's parameters set away from their defaults for this data
    /// (<see cref="CompareResult.Parameters"/>); empty when none was, or when the combination was loaded.</summary>
    internal IReadOnlyDictionary<string, object?> Adjusted { get; init; } = new Dictionary<string, object?>();

    /// <summary>The calibrated class probabilities of <paramref name="data"/>'s rows (row-major, rows × classes); its
    /// features must be those trained on (categories matched by name; an unseen one encodes as zeros).</summary>
    public double[] PredictProbabilities(Dataset data)
    {
        var x = Preprocessor.Transform(Preprocessor.EmptyAsCategory(data));
        return Calibrator.Apply(Model.PredictProbabilities(x), Classes.Count);
    }

    /// <summary>The class code decided for each row of row-major <paramref name="probabilities"/>: positive when
    /// its probability reaches <see cref="Threshold"/>, otherwise the most probable class.</summary>
    public int[] Decide(ReadOnlySpan<double> probabilities)
    {
        var k = Classes.Count;
        var decided = new int[probabilities.Length / k];
        for (var i = 0; i < decided.Length; i++)
            decided[i] = Threshold is { } t && Positive is { } pos
                ? probabilities[i * k + pos] >= t ? pos : 1 - pos
                : Numerics.Vectors.ArgMax(probabilities.Slice(i * k, k));
        return decided;
    }

    /// <summary>One learner fitted on a prepared training part, calibrated, its threshold tuned when asked.</summary>
    internal static TrainedCombination FitLearner(PreparedTraining prepared, TechniqueRun run, string learner,
        ILearnerFactory learners, CompareOptions options, ThresholdObjective? objective, int? positive)
    {
        var train = prepared.Train;
        var k = train.Classes.Count;
        var balances = learners.BalancesClasses(learner);
        ProbabilityCalibrator PriorOf(PreparedPart part) => options.Calibration == CalibrationMethod.Prior
            ? new PriorCorrection(part.TruePrior, balances ? Enumerable.Repeat(1.0 / k, k).ToArray() : part.FittedPrior)
            : ProbabilityCalibrator.Identity;
        var outer = prepared.Outer;
        var model = learners.Create(learner, options.Seed).Fit(outer.Fit, outer.Weights);
        var heldOutFitted = options.Calibration is CalibrationMethod.Sigmoid or CalibrationMethod.Isotonic;
        var calibrator = PriorOf(outer);
        double? threshold = null;
        if (prepared.Inner.Count > 0)
        {
            var oof = new double[train.RowCount * k];
            foreach (var (part, heldOut, encoded) in prepared.Inner)
            {
                var p = learners.Create(learner, options.Seed).Fit(part.Fit, part.Weights)
                    .PredictProbabilities(encoded);
                if (!heldOutFitted) p = PriorOf(part).Apply(p, k);
                OutOfFoldLoop.Scatter(oof, k, heldOut, p);
            }
            if (heldOutFitted)
            {
                calibrator = ProbabilityCalibrator.Fit(options.Calibration, oof, train.Labels, k);
                oof = calibrator.Apply(oof, k);
            }
            if (objective is not null && positive is { } pos)
                threshold = TunedThresholdClassifier.Choose(train.Labels.Select(l => l == pos).ToArray(),
                    Enumerable.Range(0, train.RowCount).Select(i => oof[i * k + pos]).ToArray(), objective).Threshold;
        }
        return new TrainedCombination(run.Technique, run.RanAs, learner, train.Classes, outer.Preprocessor, model,
            calibrator, outer.TruePrior, positive, threshold)
        { Adjusted = run.Adjusted };
    }
}
