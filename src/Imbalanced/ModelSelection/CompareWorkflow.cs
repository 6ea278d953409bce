using System.Diagnostics;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The comparison workflow: every technique × learner under repeated stratified k-fold, with resampling, class
/// weights and threshold search inside the training part of each fold only, each test fold scored untouched with the
/// core's metrics; the combinations ranked by the chosen metric and each compared with the best by the corrected
/// resampled t-test. The learners come from an <see cref="ILearnerFactory"/>.
/// </summary>
public static class CompareWorkflow
{
    /// <summary>Inner folds of the threshold search inside each training part.</summary>
    public const int ThresholdFolds = 3;

    /// <summary>The numeric keys of an evaluation that can rank combinations.</summary>
    public static IReadOnlyDictionary<string, double> NumericMetrics(EvaluationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var metrics = new Dictionary<string, double>
        {
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

    /// <summary>The keys of <see cref="NumericMetrics"/> for a binary problem with scores, or for one
    /// without.</summary>
    public static IReadOnlyList<string> RankableMetrics(bool binary) => binary
        ? ["accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean", "roc_auc", "average_precision",
            "log_loss", "brier"]
        : ["accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean"];

    /// <summary>Whether a lower value of <paramref name="metric"/> is better: <c>log_loss</c>, <c>brier</c>,
    /// <c>expected_calibration_error</c> and <c>expected_cost</c>.</summary>
    public static bool LowerIsBetter(string metric) =>
        metric is "log_loss" or "brier" or "expected_calibration_error" or "expected_cost";

    /// <summary>Runs the comparison on <paramref name="dataset"/>; <paramref name="progress"/> hears after each fold of
    /// each combination.</summary>
    /// <exception cref="ArgumentException">An option names an unknown technique, learner, metric or
    /// objective.</exception>
    /// <exception cref="DataException">The data do not allow the options (too few rows of a class for the folds,
    /// a positive class that is not a class, threshold tuning on more than two classes).</exception>
    public static CompareReport Run(Dataset dataset, CompareOptions options, ILearnerFactory learners,
        IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(learners);
        // Option values first (usage errors), then what the data allows.
        foreach (var t in options.Techniques)
            if (!Techniques.IsKnown(t)) throw Techniques.Unknown(t);
        if (options.Learners.Count == 0) options = options with { Learners = learners.DefaultNames };
        foreach (var l in options.Learners) learners.Create(l, options.Seed);
        if (!RankableMetrics(binary: true).Contains(options.Metric))
            throw new ArgumentException(
                $"unknown metric '{options.Metric}'; the metrics are: {string.Join(", ", RankableMetrics(true))}");
        var objective = options.TuneThreshold == "none" ? null : ThresholdObjective.Parse(options.TuneThreshold);
        var data = OneHotEncoding.Encode(dataset);
        DataChecks.RequireNumericComplete(data, "compare");
        var splits = StratifiedSplits.RepeatedKFold(data.Labels, options.Folds, options.Repeats, options.Seed);
        var positive = options.Positive
            ?? (data.Classes.Count == 2 ? data.Classes[ClassCounting.Minority(data.ClassCounts())] : null);
        if (positive is not null && data.Classes.IndexOf(positive) < 0)
            throw new DataException(
                $"Positive '{positive}' is not a class; the classes are: {string.Join(", ", data.Classes.Labels)}");
        if (objective is not null && data.Classes.Count != 2)
            throw new DataException("threshold tuning (TuneThreshold) needs two classes");
        var rankable = RankableMetrics(positive is not null);
        if (!rankable.Contains(options.Metric))
            throw new DataException($"the metric '{options.Metric}' needs two classes; with {data.Classes.Count} the " +
                                    $"metrics are: {string.Join(", ", rankable)}");
        var total = options.Techniques.Count * options.Learners.Count * splits.Count;
        var done = 0;
        ResamplingExample? example = null;
        var results = new List<CompareResult>();
        foreach (var technique in options.Techniques)
            foreach (var learner in options.Learners)
            {
                var keep = example is null && Synthesizes(technique);
                var (result, resampled) = Combination(data, options, learners, splits, objective, positive, technique,
                    learner, keep, () => progress?.Report((++done, total)));
                results.Add(result);
                if (resampled is not null && resampled.AddedOrigins.Any(o => o.Source < 0)) // not only copies
                    example = new ResamplingExample(technique, learner, resampled);
            }
        if (!results[0].Metrics.ContainsKey(options.Metric))
            throw new DataException($"the metric '{options.Metric}' is not available; use one of: " +
                                    string.Join(", ", results[0].Metrics.Keys));
        var lowerIsBetter = LowerIsBetter(options.Metric);
        var best = lowerIsBetter
            ? results.MinBy(r => r.Metrics[options.Metric].Mean)!
            : results.MaxBy(r => r.Metrics[options.Metric].Mean)!;
        var ratio = 1.0 / (options.Folds - 1);
        var compared = results.Select(r => r == best ? r : r with
        {
            VersusBest = VersusBest.Of(best.Metrics[options.Metric].Folds, r.Metrics[options.Metric].Folds, ratio),
        }).ToArray();
        return new CompareReport(ImbalanceSummary.Of(dataset), options, positive, compared,
            compared[results.IndexOf(best)], data.Classes)
        { Resampling = example };
    }

    /// <summary>Whether a technique is an over-sampler or combination that may synthesise rows; the first whose
    /// resampling of the first fold made synthetic rows (not copies: the SMOTE family) is kept for the
    /// report.</summary>
    internal static bool Synthesizes(string technique) =>
        SamplerRegistry.Find(technique) is { Synthesizes: true, Kind: SamplerKind.Over or SamplerKind.Combined };

    /// <summary>One combination over every fold; with <paramref name="keep"/>, also the resampling of the first fold's
    /// whole training part.</summary>
    private static (CompareResult Result, ResampleResult? Resampled) Combination(Dataset data, CompareOptions options,
        ILearnerFactory learners, IReadOnlyList<Split> splits, ThresholdObjective? objective, string? positive,
        string technique, string learner, bool keep, Action foldDone)
    {
        var k = data.Classes.Count;
        var pos = positive is null ? -1 : data.Classes.IndexOf(positive);
        var perFold = new List<IReadOnlyDictionary<string, double>>();
        var thresholds = new List<double>();
        var oofPredicted = new int[data.RowCount];
        var oofScores = positive is null ? null : new double[data.RowCount];
        ResampleResult? firstFold = null;
        IClassifier LearnerOfFold(int fold)
        {
            // The last resampling heard in fold 0 is the fit on its whole training part (after any inner folds).
            var pipeline = Techniques.Pipeline(technique, learners.Create(learner, options.Seed), options.Seed,
                learners, keep && fold == 0 ? r => firstFold = r : null);
            return objective is null
                ? pipeline
                : new TunedThresholdClassifier(pipeline, objective, ThresholdFolds, options.Seed, pos);
        }
        var clock = Stopwatch.StartNew();
        foreach (var fold in OutOfFoldLoop.Run(data, splits, LearnerOfFold))
        {
            var (test, probabilities) = (fold.Test, fold.Probabilities);
            int[] predicted;
            if (fold.Model is ThresholdModel tuned)
            {
                thresholds.Add(tuned.Threshold);
                predicted = Enumerable.Range(0, test.RowCount).Select(i =>
                    probabilities[i * 2 + tuned.Positive] >= tuned.Threshold ? tuned.Positive : 1 - tuned.Positive)
                    .ToArray();
            }
            else
                predicted = Enumerable.Range(0, test.RowCount)
                    .Select(i => Numerics.Vectors.ArgMax(probabilities.AsSpan(i * k, k))).ToArray();
            var scores = positive is null
                ? null
                : Enumerable.Range(0, test.RowCount).Select(i => probabilities[i * k + pos]).ToArray();
            var evaluation = Evaluation.Evaluate(test.Labels.Select(l => data.Classes[l]).ToArray(),
                predicted.Select(c => data.Classes[c]).ToArray(), scores, positive);
            perFold.Add(NumericMetrics(evaluation));
            if (fold.Index < options.Folds)
                for (var i = 0; i < fold.Split.Test.Length; i++)
                {
                    oofPredicted[fold.Split.Test[i]] = predicted[i];
                    if (oofScores is not null) oofScores[fold.Split.Test[i]] = scores![i];
                }
            foldDone();
        }
        var metrics = perFold[0].Keys.Where(key => perFold.All(f => f.ContainsKey(key)))
            .ToDictionary(key => key, key => MetricSummary.Of(perFold.Select(f => f[key]).ToArray()));
        var result = new CompareResult(technique, learner, objective?.Name,
            thresholds.Count > 0 ? thresholds.Average() : null, metrics, clock.Elapsed.TotalSeconds)
        {
            FoldThresholds = thresholds,
            OutOfFold = new OutOfFold(data.Labels, oofPredicted, oofScores),
        };
        return (result, firstFold);
    }
}
