using System.Diagnostics;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.Preprocessing;
using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The comparison workflow: every technique × learner under repeated stratified k-fold, with every fitted step —
/// imputation, one-hot encoding, resampling or class weights, calibration, threshold search — inside the training
/// part of each fold only (<see cref="TrainedCombination"/>), each test fold scored untouched with the core's metrics.
/// A technique's resampling of a training part runs once and is shared by every learner; technique × fold units run
/// in parallel, with results that do not depend on how many (<see cref="CompareOptions.Threads"/>). The combinations
/// are ranked by the chosen metric, each compared with the best and with technique <c>none</c> and the same learner
/// by the corrected resampled t-test. The learners come from an <see cref="ILearnerFactory"/>.
/// </summary>
public static class CompareWorkflow
{
    /// <summary>Inner folds of each training part, for the threshold search and for sigmoid or isotonic
    /// calibration.</summary>
    public const int ThresholdFolds = 3;

    /// <summary>The numeric top-level keys of an evaluation (those of <c>evaluate --json</c>): <c>support</c>, the
    /// rows scored, and the metrics proper.</summary>
    public static IReadOnlyDictionary<string, double> NumericMetrics(EvaluationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var metrics = new Dictionary<string, double>
        {
            ["support"] = r.Support,
            ["accuracy"] = r.Accuracy,
            ["balanced_accuracy"] = r.BalancedAccuracy,
            ["mcc"] = r.Mcc,
            ["cohen_kappa"] = r.CohenKappa,
            ["geometric_mean"] = r.GeometricMean,
        };
        if (r.RocAuc is { } roc) metrics["roc_auc"] = roc;
        if (r.AveragePrecision is { } ap) metrics["average_precision"] = ap;
        if (r.LogLoss is { } ll) metrics["log_loss"] = ll;
        if (r.Brier is { } b) metrics["brier"] = b;
        return metrics;
    }

    /// <summary>The metrics that can rank combinations: with two classes, the label metrics, the score metrics,
    /// <c>expected_calibration_error</c> and, with costs, <c>expected_cost</c>; with more, the label metrics,
    /// <c>roc_auc</c> and <c>average_precision</c> macro-averaged one versus rest, <c>log_loss</c> and
    /// <c>brier</c>; and <c>support</c>, the rows scored, a key of every result's metrics like the others (the
    /// same for every combination: ranking by it ranks nothing).</summary>
    public static IReadOnlyList<string> RankableMetrics(bool binary, bool cost = false) => binary
        ? ["support", "accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean", "roc_auc",
            "average_precision", "log_loss", "brier", "expected_calibration_error",
            .. cost ? new[] { "expected_cost" } : []]
        : ["support", "accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean", "roc_auc",
            "average_precision", "log_loss", "brier"];

    /// <summary>Whether a lower value of <paramref name="metric"/> is better: <c>log_loss</c>, <c>brier</c>,
    /// <c>expected_calibration_error</c> and <c>expected_cost</c>.</summary>
    public static bool LowerIsBetter(string metric) =>
        metric is "log_loss" or "brier" or "expected_calibration_error" or "expected_cost";

    /// <summary>Runs the comparison on <paramref name="dataset"/>; <paramref name="progress"/> hears after each
    /// technique × fold (all its learners). Every option is checked against the data before the first fit.</summary>
    /// <exception cref="ArgumentException">An option names an unknown technique, learner, metric or objective, or is
    /// out of range.</exception>
    /// <exception cref="DataException">The data do not allow the options (too few rows of a class for the folds,
    /// a positive class that is not a class, threshold tuning or costs on more than two classes, a sampler that
    /// needs categorical features on data without them, empty cells left empty for a learner that needs every
    /// value).</exception>
    public static CompareReport Run(Dataset dataset, CompareOptions options, ILearnerFactory learners,
        IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(learners);
        if (options.Learners.Count == 0) options = options with { Learners = learners.DefaultNames };
        var data = Preprocessor.EmptyAsCategory(dataset);
        var plan = CompareValidation.Check(data, options, learners, options.Folds);
        var splits = StratifiedSplits.RepeatedKFold(data.Labels, options.Folds, options.Repeats, options.Seed);
        // "Did it help?" needs technique none for every learner: run it even when not asked, report only what was.
        var techniques = options.Techniques.Contains(Techniques.None)
            ? options.Techniques
            : [.. options.Techniques, Techniques.None];
        var runs = techniques.Select(t => new TechniqueRun(t, data, options, learners, plan.SmallestPart)).ToArray();
        var (T, L, S) = (runs.Length, options.Learners.Count, splits.Count);
        // Every sampler meets the data (first fold) before the first model is fitted, all at once; the first
        // technique (in the order asked) that fails is reported, whatever the threads.
        var refused = new string?[T, splits.Count];
        PreparedTraining? Prepare(int t, int f)
        {
            try
            {
                return runs[t].Prepare(data.Select(splits[f].Train), plan.InnerFolds);
            }
            catch (DataException e) when (options.LeaveOutRefusedTechniques && runs[t].Sampler is not null)
            {
                refused[t, f] = e.Message;
                return null;
            }
        }
        var first = new PreparedTraining?[T];
        OutOfFoldLoop.Parallel(T, options.Threads, t => first[t] = Prepare(t, 0));
        var example = Enumerable.Range(0, T)
            .Where(t => Synthesizes(runs[t].RanAs)
                        && first[t]?.Outer.Resampled?.AddedOrigins.Any(o => o.Source < 0) == true)
            .Select(t => new ResamplingExample(runs[t].Technique, options.Learners[0], first[t]!.Outer.Resampled!))
            .FirstOrDefault();
        var outcomes = new FoldOutcome[T, L, S];
        var done = 0;
        OutOfFoldLoop.Parallel(T * S, options.Threads, unit =>
        {
            var (t, f) = (unit / S, unit % S);
            var clock = Stopwatch.StartNew();
            PreparedTraining? prepared;
            if (f == 0)
            {
                prepared = first[t];
                first[t] = null;
            }
            else prepared = refused[t, 0] is null ? Prepare(t, f) : null;
            if (prepared is null) return;
            var test = data.Select(splits[f].Test);
            var share = clock.Elapsed.TotalSeconds / L;
            for (var l = 0; l < L; l++)
            {
                clock.Restart();
                var trained = TrainedCombination.FitLearner(prepared, runs[t], options.Learners[l], learners,
                    options, plan.Objective, plan.Positive);
                outcomes[t, l, f] = Score(trained, test, options, clock, share);
            }
            var now = Interlocked.Increment(ref done);
            lock (outcomes) progress?.Report((now, T * S));
        });

        var leftOut = LeftOut(runs, refused);
        if (leftOut.Count > 0 && options.Techniques.All(x => leftOut.Any(l => l.Technique == x)))
            throw new DataException(leftOut[0].Reason);
        var all = new List<CompareResult>();
        foreach (var t in Enumerable.Range(0, T).Where(t => leftOut.All(x => x.Technique != runs[t].Technique)))
            for (var l = 0; l < L; l++)
                all.Add(Result(runs[t], options.Learners[l], plan, data, splits, options,
                    Enumerable.Range(0, S).Select(f => outcomes[t, l, f]).ToArray()));
        var metric = options.Metric;
        var lower = LowerIsBetter(metric);
        var ratio = 1.0 / (options.Folds - 1);
        all = all.Select(r => r.Technique == Techniques.None ? r : r with
        {
            VersusNone = Versus(r, all.First(x => x.Technique == Techniques.None && x.Learner == r.Learner), metric,
                lower, ratio),
        }).ToList();
        var results = all.Where(r => options.Techniques.Contains(r.Technique)).ToList();
        var best = lower
            ? results.MinBy(r => r.Metrics[metric].Mean)!
            : results.MaxBy(r => r.Metrics[metric].Mean)!;
        var compared = results.Select(r => r == best ? r : r with
        {
            VersusBest = VersusBest.Of(best.Metrics[metric].Folds, r.Metrics[metric].Folds, ratio),
        }).ToArray();
        return new CompareReport(ImbalanceSummary.Of(dataset), options, plan.Positive is { } p ? data.Classes[p] : null,
            compared, compared[results.IndexOf(best)], data.Classes)
        { Resampling = example, LeftOut = leftOut };
    }

    /// <summary>The techniques whose sampler refused a fold, each with the first fold it refused.</summary>
    private static List<LeftOutTechnique> LeftOut(TechniqueRun[] runs, string?[,] refused)
    {
        var leftOut = new List<LeftOutTechnique>();
        for (var t = 0; t < runs.Length; t++)
            for (var f = 0; f < refused.GetLength(1); f++)
                if (refused[t, f] is { } reason)
                {
                    leftOut.Add(new LeftOutTechnique(runs[t].Technique, f, reason));
                    break;
                }
        return leftOut;
    }

    /// <summary>Whether a technique is an over-sampler or combination that may synthesise rows; the first whose
    /// resampling of the first fold made synthetic rows (not copies: the SMOTE family) is kept for the
    /// report.</summary>
    internal static bool Synthesizes(string technique) =>
        SamplerRegistry.Find(technique) is { Synthesizes: true, Kind: SamplerKind.Over or SamplerKind.Combined };

    /// <summary>Scores one fitted combination on a fold's untouched test part.</summary>
    private static FoldOutcome Score(TrainedCombination trained, Dataset test, CompareOptions options,
        Stopwatch clock, double share)
    {
        var k = test.Classes.Count;
        var probabilities = trained.PredictProbabilities(test);
        var predicted = trained.Decide(probabilities);
        var seconds = clock.Elapsed.TotalSeconds + share;
        double[]? scores = null;
        IReadOnlyDictionary<string, double> metrics;
        var truth = test.Labels.Select(l => test.Classes[l]).ToArray();
        var decided = predicted.Select(c => test.Classes[c]).ToArray();
        if (trained.Positive is { } pos)
        {
            scores = Enumerable.Range(0, test.RowCount).Select(i => probabilities[i * k + pos]).ToArray();
            var evaluation = Evaluation.Evaluate(truth, decided, scores, test.Classes[pos]);
            var m = new Dictionary<string, double>(NumericMetrics(evaluation));
            var isPositive = test.Labels.Select(l => l == pos).ToArray();
            m["expected_calibration_error"] = RankingMetrics.ExpectedCalibrationError(isPositive, scores);
            if (options.Cost is { } cost)
                m["expected_cost"] = ClassificationMetrics.ExpectedCost(
                    new ConfusionMatrix(isPositive.Select(b => b ? 1 : 0).ToArray(),
                        predicted.Select(c => c == pos ? 1 : 0).ToArray(), 2), cost);
            metrics = m;
        }
        else
        {
            var m = new Dictionary<string, double>(NumericMetrics(Evaluation.Evaluate(truth, decided)))
            {
                ["roc_auc"] = RankingMetrics.RocAucOneVersusRest(test.Labels, probabilities, k),
                ["average_precision"] = RankingMetrics.AveragePrecisionOneVersusRest(test.Labels, probabilities, k),
                ["log_loss"] = RankingMetrics.LogLoss(test.Labels, probabilities, k),
                ["brier"] = RankingMetrics.Brier(test.Labels, probabilities, k),
            };
            metrics = m;
        }
        return new FoldOutcome(metrics, trained.Threshold, predicted, scores, seconds);
    }

    /// <summary>One combination's result from its folds' outcomes.</summary>
    private static CompareResult Result(TechniqueRun run, string learner, ComparePlan plan, Dataset data,
        IReadOnlyList<Split> splits, CompareOptions options, FoldOutcome[] folds)
    {
        var metrics = folds[0].Metrics.Keys.Where(key => folds.All(f => f.Metrics.ContainsKey(key)))
            .ToDictionary(key => key, key => MetricSummary.Of(folds.Select(f => f.Metrics[key]).ToArray()));
        var oofPredicted = new int[data.RowCount];
        var oofScores = plan.Positive is null ? null : new double[data.RowCount];
        for (var f = 0; f < Math.Min(options.Folds, folds.Length); f++)
            for (var i = 0; i < splits[f].Test.Length; i++)
            {
                oofPredicted[splits[f].Test[i]] = folds[f].Predicted[i];
                if (oofScores is not null) oofScores[splits[f].Test[i]] = folds[f].Scores![i];
            }
        var thresholds = folds.Where(f => f.Threshold is not null).Select(f => f.Threshold!.Value).ToArray();
        return new CompareResult(run.Technique, learner, plan.Objective?.Name,
            thresholds.Length > 0 ? thresholds.Average() : null, metrics, folds.Sum(f => f.Seconds))
        {
            RanAs = run.RanAs,
            Parameters = run.Adjusted,
            FoldThresholds = thresholds,
            OutOfFold = new OutOfFold(data.Labels, oofPredicted, oofScores),
        };
    }

    /// <summary>A combination against technique none with the same learner, on <paramref name="metric"/>.</summary>
    private static VersusNone Versus(CompareResult r, CompareResult none, string metric, bool lower, double ratio)
    {
        var (a, b) = (r.Metrics[metric], none.Metrics[metric]);
        var (t, p) = CorrectedResampledTTest.Compare(a.Folds, b.Folds, ratio);
        var difference = a.Mean - b.Mean;
        var verdict = p >= 0.05 || difference == 0 ? Verdict.WithinNoise
            : difference > 0 != lower ? Verdict.Better : Verdict.Worse;
        return new VersusNone(difference, t, p, verdict);
    }
}
