using System.Diagnostics;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;
using Imbalanced.Sampling;
using Microsoft.ML;

namespace Imbalanced.MLNet.Workflow;

/// <summary>Options of <see cref="CompareWorkflow"/>, with the command line's defaults.</summary>
public sealed record CompareOptions
{
    /// <summary>The positive class (binary); the minority class when null.</summary>
    public string? Positive { get; init; }

    /// <summary>ML.NET learners by name (<see cref="MlNetClassifier.ByName"/>).</summary>
    public IReadOnlyList<string> Learners { get; init; } = ["logistic", "lightgbm", "random-forest"];

    /// <summary><c>none</c>, <c>class-weight</c>, or any registered sampler name.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = ["none", "class-weight", "random-over", "random-under", "smote", "borderline-smote", "adasyn", "smote-tomek", "smote-enn"];

    /// <summary><c>none</c> or a threshold objective (<see cref="ThresholdObjective.Parse"/>).</summary>
    public string TuneThreshold { get; init; } = "none";

    /// <summary>Folds per repeat.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Repeats of the stratified k-fold.</summary>
    public int Repeats { get; init; } = 2;

    /// <summary>The metric that ranks the combinations (a numeric key of <c>evaluate --json</c>).</summary>
    public string Metric { get; init; } = "average_precision";

    /// <summary>Seed of the folds, samplers and learners.</summary>
    public long Seed { get; init; }
}

/// <summary>Mean, standard deviation (sample, n − 1) and per-fold values of one metric.</summary>
public sealed record MetricSummary(double Mean, double Std, IReadOnlyList<double> Folds);

/// <summary>How a combination compares with the best on the ranking metric: the corrected resampled t-test over the
/// paired fold scores; a difference with p ≥ 0.05 is within noise.</summary>
public sealed record VersusBest(double T, double P, bool WithinNoise);

/// <summary>One technique × learner combination under cross-validation.</summary>
public sealed record CompareResult(string Technique, string Learner, string? TunedFor, double? ThresholdMean,
    IReadOnlyDictionary<string, MetricSummary> Metrics, double FitSeconds)
{
    /// <summary>The comparison with the best combination (null for the best itself).</summary>
    public VersusBest? VersusBest { get; init; }

    /// <summary>Out-of-fold predictions of the first repeat, one per row (every row is tested once per repeat): the
    /// positive class's probability (binary) and the predicted class code; for pooled curves and confusion matrices.</summary>
    public OutOfFold? OutOfFold { get; init; }
}

/// <summary>Pooled out-of-fold predictions of one repeat: truth, predicted class and positive-class score per row.</summary>
public sealed record OutOfFold(int[] Truth, int[] Predicted, double[]? Scores);

/// <summary>The outcome of <see cref="CompareWorkflow.Run"/>; <paramref name="Data"/> is the data the learners saw (categorical features one-hot).</summary>
public sealed record CompareReport(ImbalanceSummary Dataset, CompareOptions Options, string? Positive, IReadOnlyList<CompareResult> Results, CompareResult Best,
    Imbalanced.Data.Dataset Data);

/// <summary>
/// The workflow of <c>imbalanced compare</c>: every technique × learner under repeated stratified k-fold, with
/// resampling, class weights and threshold search inside the training part of each fold only, each test fold scored
/// untouched with the core's metrics; the combinations ranked by the chosen metric.
/// </summary>
public static class CompareWorkflow
{
    /// <summary>The numeric keys of an evaluation that can rank combinations.</summary>
    public static IReadOnlyDictionary<string, double> NumericMetrics(EvaluationResult r)
    {
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = r.Accuracy, ["balanced_accuracy"] = r.BalancedAccuracy, ["mcc"] = r.Mcc, ["cohen_kappa"] = r.CohenKappa,
            ["geometric_mean"] = r.GeometricMean,
        };
        if (r.RocAuc is { } roc) metrics["roc_auc"] = roc;
        if (r.AveragePrecision is { } ap) metrics["average_precision"] = ap;
        if (r.LogLoss is { } ll) metrics["log_loss"] = ll;
        if (r.Brier is { } b) metrics["brier"] = b;
        return metrics;
    }

    /// <summary>The keys of <see cref="NumericMetrics"/> for a binary problem with scores, or for one without.</summary>
    public static IReadOnlyList<string> RankableMetrics(bool binary) => binary
        ? ["accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean", "roc_auc", "average_precision",
            "log_loss", "brier"]
        : ["accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean"];

    /// <summary>Runs the comparison; <paramref name="progress"/> hears after each fold of each combination.</summary>
    public static CompareReport Run(TableDataset table, CompareOptions options, IProgress<(int Done, int Total)>? progress = null)
    {
        // Option values first (usage errors), then what the data allows.
        foreach (var t in options.Techniques)
            if (!Techniques.IsKnown(t)) throw new ArgumentException($"unknown technique '{t}'; use none, class-weight or a resample method");
        foreach (var l in options.Learners) MlNetClassifier.ByName(new MLContext(0), l);
        if (!RankableMetrics(binary: true).Contains(options.Metric))
            throw new ArgumentException(
                $"unknown metric '{options.Metric}'; the metrics are: {string.Join(", ", RankableMetrics(true))}");
        var objective = options.TuneThreshold == "none" ? null : ThresholdObjective.Parse(options.TuneThreshold);
        var data = OneHot(table.Data);
        DataChecks.RequireNumericComplete(data, "compare");
        var splits = StratifiedSplits.RepeatedKFold(data.Labels, options.Folds, options.Repeats, options.Seed);
        var positive = options.Positive ?? (data.Classes.Count == 2 ? data.Classes[ClassCounting.Minority(data.ClassCounts())] : null);
        if (positive is not null && data.Classes.IndexOf(positive) < 0)
            throw new DataException($"--positive '{positive}' is not a class; the classes are: {string.Join(", ", data.Classes.Labels)}");
        if (objective is not null && data.Classes.Count != 2) throw new DataException("--tune-threshold needs two classes");
        var rankable = RankableMetrics(positive is not null);
        if (!rankable.Contains(options.Metric))
            throw new DataException(
                $"the metric '{options.Metric}' needs two classes; with {data.Classes.Count} the metrics are: {string.Join(", ", rankable)}");
        var total = options.Techniques.Count * options.Learners.Count * splits.Count;
        var done = 0;
        var results = new List<CompareResult>();
        foreach (var technique in options.Techniques)
            foreach (var learner in options.Learners)
            {
                var perFold = new List<IReadOnlyDictionary<string, double>>();
                var thresholds = new List<double>();
                var oofPredicted = new int[data.RowCount];
                var oofScores = positive is null ? null : new double[data.RowCount];
                var foldIndex = 0;
                var clock = Stopwatch.StartNew();
                foreach (var split in splits)
                {
                    var pipeline = Techniques.Create(new MLContext((int)options.Seed), technique, learner, options.Seed);
                    var train = data.Select(split.Train);
                    var test = data.Select(split.Test);
                    var k = data.Classes.Count;
                    int[] predicted;
                    double[] probabilities;
                    if (objective is not null)
                    {
                        var tuner = new TunedThresholdClassifier(pipeline, objective, folds: 3, seed: options.Seed, positive: data.Classes.IndexOf(positive!));
                        var model = (ThresholdModel)tuner.Fit(train);
                        thresholds.Add(model.Threshold);
                        probabilities = model.PredictProbabilities(test);
                        predicted = model.Predict(test);
                    }
                    else
                    {
                        probabilities = pipeline.Fit(train).PredictProbabilities(test);
                        predicted = Enumerable.Range(0, test.RowCount).Select(i => Numerics.Vectors.ArgMax(probabilities.AsSpan(i * k, k))).ToArray();
                    }
                    var scores = positive is null ? null : Enumerable.Range(0, test.RowCount).Select(i => probabilities[i * k + data.Classes.IndexOf(positive)]).ToArray();
                    var evaluation = Evaluation.Evaluate(test.Labels.Select(l => data.Classes[l]).ToArray(), predicted.Select(c => data.Classes[c]).ToArray(), scores, positive);
                    perFold.Add(NumericMetrics(evaluation));
                    if (foldIndex++ < options.Folds)
                        for (var i = 0; i < split.Test.Length; i++)
                        {
                            oofPredicted[split.Test[i]] = predicted[i];
                            if (oofScores is not null) oofScores[split.Test[i]] = scores![i];
                        }
                    progress?.Report((++done, total));
                }
                var metrics = perFold[0].Keys.Where(key => perFold.All(f => f.ContainsKey(key))).ToDictionary(key => key, key => Summary(perFold.Select(f => f[key]).ToArray()));
                results.Add(new CompareResult(technique, learner, objective?.Name, thresholds.Count > 0 ? thresholds.Average() : null, metrics, clock.Elapsed.TotalSeconds)
                {
                    OutOfFold = new OutOfFold(data.Labels, oofPredicted, oofScores),
                });
            }
        if (!results[0].Metrics.ContainsKey(options.Metric))
            throw new DataException($"--metric '{options.Metric}' is not available; use one of: {string.Join(", ", results[0].Metrics.Keys)}");
        var lowerIsBetter = options.Metric is "log_loss" or "brier";
        var best = lowerIsBetter ? results.MinBy(r => r.Metrics[options.Metric].Mean)! : results.MaxBy(r => r.Metrics[options.Metric].Mean)!;
        var ratio = 1.0 / (options.Folds - 1);
        var compared = results.Select(r => r == best ? r : r with
        {
            VersusBest = Versus(best.Metrics[options.Metric].Folds, r.Metrics[options.Metric].Folds, ratio),
        }).ToArray();
        return new CompareReport(ImbalanceSummary.Of(table), options, positive, compared, compared[results.IndexOf(best)], data);
    }

    private static VersusBest Versus(IReadOnlyList<double> best, IReadOnlyList<double> other, double ratio)
    {
        var (t, p) = CorrectedResampledTTest.Compare(best, other, ratio);
        return new VersusBest(t, p, p >= 0.05);
    }

    private static MetricSummary Summary(double[] values)
    {
        var mean = values.Average();
        var std = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
        return new MetricSummary(mean, std, values);
    }

    /// <summary>Categorical features one-hot encoded into numeric ones (missing categories stay missing), for the learners.</summary>
    public static Dataset OneHot(Dataset data)
    {
        if (data.CategoricalCount == 0) return data;
        var names = data.NumericNames.ToList();
        for (var f = 0; f < data.CategoricalCount; f++) names.AddRange(data.Categories[f].Select(c => $"{data.CategoricalNames[f]}={c}"));
        var width = names.Count;
        var numeric = new double[data.RowCount * width];
        for (var i = 0; i < data.RowCount; i++)
        {
            data.NumericRow(i).CopyTo(numeric.AsSpan(i * width));
            var o = i * width + data.NumericCount;
            for (var f = 0; f < data.CategoricalCount; f++)
            {
                var code = data.CategoricalRow(i)[f];
                if (code < 0) for (var c = 0; c < data.Categories[f].Count; c++) numeric[o + c] = double.NaN;
                else numeric[o + code] = 1;
                o += data.Categories[f].Count;
            }
        }
        return new Dataset(numeric, names, [], [], [], data.Labels, data.Classes);
    }
}
