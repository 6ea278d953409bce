using Imbalanced.Calibration;
using Imbalanced.Preprocessing;
using System.Globalization;
using System.Net;
using System.Text;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;

namespace Imbalanced.Cli.Report;

/// <summary>
/// The self-contained HTML report of <c>imbalanced compare</c>: every chart is an inline SVG drawn by ScottPlot,
/// with no script and nothing fetched, so it opens offline.
/// </summary>
internal static class HtmlReport
{
    private const int Leading = 3;

    public static string Build(CompareReport r, string input)
    {
        var html = new StringBuilder();
        var metric = r.Options.Metric;
        var ranked = Ranked(r);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>imbalanced compare</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;max-width:1100px}")
            .Append(".wide{overflow-x:auto}table{border-collapse:collapse;font-size:13px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;white-space:nowrap}")
            .Append("td:first-child,td:nth-child(2),th{text-align:left}.best{background:#dff5df;font-weight:bold}")
            .Append(".better{color:#1a7f37}.worse{color:#b42318}")
            .Append(".chart{display:inline-block;margin:6px}</style></head><body>")
            .Append($"<h1>Comparison of techniques × learners on {Esc(Path.GetFileName(input))}</h1>");

        html.Append("<h2>Protocol</h2><p>").Append(Esc(Protocol(r))).Append("</p>");
        html.Append("<h2>Recommendation</h2><p>").Append(Esc(Recommendation(r, ranked))).Append("</p><p>")
            .Append(Esc(AgainstNone(r))).Append("</p>");

        html.Append("<h2>Class distribution</h2>").Append(Chart(Charts.ClassDistribution(r.Dataset)));

        html.Append($"<h2>Results: {Esc(metric + Charts.Direction(metric))}, mean ± sd over ")
            .Append($"{r.Options.Folds * r.Options.Repeats} folds</h2>")
            .Append("<div class=\"wide\"><table><tr><th>technique</th><th>learner</th>");
        string[] preferred =
        [
            metric, "balanced_accuracy", "mcc", "geometric_mean", "roc_auc", "average_precision",
            "expected_calibration_error", "expected_cost",
        ];
        var keys = preferred.Distinct().Where(ranked[0].Metrics.ContainsKey).ToArray();
        foreach (var k in keys) html.Append($"<th>{Esc(k)}</th>");
        html.Append("<th>vs best</th><th>vs none (same learner)</th></tr>");
        foreach (var x in ranked)
        {
            html.Append(x == r.Best ? "<tr class=\"best\">" : "<tr>")
                .Append($"<td>{Esc(Charts.TechniqueName(x))}</td><td>{Esc(x.Learner)}</td>");
            foreach (var k in keys) html.Append($"<td>{F(x.Metrics[k].Mean)} ± {F(x.Metrics[k].Std)}</td>");
            html.Append($"<td>{VersusBestText(x, r.Best)}</td><td>{VersusNoneText(x)}</td></tr>");
        }
        html.Append("</table></div>");
        foreach (var left in r.LeftOut)
            html.Append($"<p>{Esc(left.Technique)} was left out: {Esc(left.Reason)}</p>");
        html.Append(Chart(Charts.Results(ranked, metric, r.Best)));

        var positive = r.Positive is null ? -1 : r.Classes.IndexOf(r.Positive);
        var leading = ranked.Take(Leading).Where(x => x.OutOfFold?.Scores is not null).ToArray();
        if (positive >= 0 && leading.Length > 0)
        {
            html.Append("<h2>Precision–recall and ROC curves of the leading combinations ")
                .Append("(pooled out-of-fold scores, first repeat)</h2>")
                .Append(Chart(Charts.PrecisionRecall(leading, positive)))
                .Append(Chart(Charts.Roc(leading, positive)))
                .Append("<h2>Reliability diagrams of the leading combinations (pooled out-of-fold probabilities of ")
                .Append($"{Esc(r.Positive!)}, first repeat; ECE: expected calibration error)</h2>")
                .Append(Chart(Charts.Reliability(leading, positive)));
        }
        if (positive >= 0 && r.Best.OutOfFold?.Scores is { } scores)
        {
            var best = r.Best;
            var objective = ThresholdObjective.Parse(
                best.TunedFor ?? (r.Options.Cost is null ? "f1" : "cost"), r.Options.Cost);
            // The objective of the pooled out-of-fold predictions at every threshold, drawn only: the thresholds
            // marked are those the workflow chose in the folds (or the most probable class's 0.5 when not tuned).
            var curve = TunedThresholdClassifier.Choose(Charts.Positives(best.OutOfFold, positive), scores, objective)
                .Curve;
            html.Append($"<h2>{Esc(ObjectiveLabel(objective))} of the pooled out-of-fold predictions against the " +
                        $"decision threshold ({Esc(Charts.Name(best))})</h2>")
                .Append(Chart(Charts.ThresholdCurve(curve, ObjectiveLabel(objective),
                    ChosenThresholds(best, r.Options.Folds), best.ThresholdMean)));
        }
        html.Append("<h2>Confusion matrices at the chosen thresholds (pooled out-of-fold, first repeat)</h2>");
        foreach (var x in ranked.Take(Leading).Where(x => x.OutOfFold is not null))
            html.Append(Confusion(x, r.Classes));

        if (r.Resampling is { } example)
            html.Append("<h2>The first fold's training part in two dimensions (PCA) as ")
                .Append($"{Esc(example.Technique)} resampled it for {Esc(example.Learner)}: ")
                .Append("original and synthetic rows</h2>")
                .Append(Chart(Charts.Projection(example.Result)));
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The results best first on the ranking metric: descending, or ascending for a metric where lower is
    /// better (<see cref="CompareWorkflow.LowerIsBetter"/>); ties keep the workflow's order, as its choice of the
    /// best does.</summary>
    internal static CompareResult[] Ranked(CompareReport r) => [.. r.Ranked];

    /// <summary>The thresholds the report marks for <paramref name="x"/>: those the workflow chose in the folds of
    /// the first repeat (whose out-of-fold predictions the report pools), empty when it did not tune.</summary>
    internal static IReadOnlyList<double> ChosenThresholds(CompareResult x, int folds) =>
        x.FoldThresholds.Take(folds).ToArray();

    private static string ObjectiveLabel(ThresholdObjective objective) =>
        objective.Name == "cost" ? "cost (minus the expected cost per row)" : objective.Name;

    private static string Protocol(CompareReport r)
    {
        var o = r.Options;
        return $"Stratified {o.Folds}-fold cross-validation repeated {o.Repeats} times " +
               $"(seed {o.Seed}) on {r.Dataset.Rows} rows. " +
               "Every fitted step (imputation, encoding, resampling or class weights, calibration and the threshold " +
               "search) sees only the training part of each fold; the test part is scored untouched. " +
               o.Impute switch
               {
                   ImputationMethod.Median => "Empty numeric cells take the training part's median. ",
                   ImputationMethod.Mean => "Empty numeric cells take the training part's mean. ",
                   _ => "Empty numeric cells are not imputed (left to the learners). ",
               } +
               o.Calibration switch
               {
                   CalibrationMethod.Prior => "Probabilities are calibrated by prior correction to the class prior " +
                                              "of the unresampled training part. ",
                   CalibrationMethod.Sigmoid => "Probabilities are calibrated by Platt scaling (sigmoid) fitted on " +
                                                "inner folds of the training part. ",
                   CalibrationMethod.Isotonic => "Probabilities are calibrated by isotonic regression fitted on " +
                                                 "inner folds of the training part. ",
                   _ => "Probabilities are the models' own (not calibrated). ",
               } +
               (o.Cost is { } cost
                   ? $"Costs: a false negative costs {G(cost.FalseNegative)} and a false positive " +
                     $"{G(cost.FalsePositive)} (expected_cost is the mean cost per row). "
                   : "") +
               $"Combinations are ranked by the mean {o.Metric}{Charts.Direction(o.Metric)}" +
               (r.Positive is null ? "" : $" with '{r.Positive}' as the positive class") + ". " +
               "A combination is within noise of the best when the corrected resampled t-test (Nadeau and Bengio) " +
               "over the paired folds gives p ≥ 0.05; the same test compares each technique with technique none " +
               "and the same learner (vs none)." +
               (o.TuneThreshold == "none"
                   ? " Predictions take the most probable class."
                   : $" Decision thresholds are tuned for {o.TuneThreshold} by inner " +
                     $"{CompareWorkflow.ThresholdFolds}-fold cross-validation; each test fold is predicted with its " +
                     "own fold's threshold.");
    }

    private static string Recommendation(CompareReport r, CompareResult[] ranked)
    {
        var tied = ranked.Where(x => x != r.Best && x.VersusBest?.WithinNoise == true).ToArray();
        var simplest = tied.Concat([r.Best]).FirstOrDefault(x => x.Technique == "none")
                       ?? tied.Concat([r.Best]).FirstOrDefault(x => x.Technique == "class-weight");
        var o = r.Options;
        var text = $"Best: {Charts.TechniqueName(r.Best)} with {r.Best.Learner} " +
                   $"({o.Metric} {F(r.Best.Metrics[o.Metric].Mean)}). ";
        if (tied.Length > 0) text += $"{tied.Length} other combination(s) are within noise of it. ";
        if (simplest is not null && simplest != r.Best)
            text += $"{simplest.Technique} with {simplest.Learner} is as good within noise and simpler: " +
                    "prefer it unless the difference matters to you. ";
        return text + "Train it with: imbalanced train INPUT --target COL " +
               $"--technique {r.Best.Technique} --learner {r.Best.Learner}" +
               (o.TuneThreshold == "none" ? "" : $" --tune-threshold {o.TuneThreshold}") +
               (o.Cost is null ? "" : $" --cost {o.Cost}") +
               (o.Calibration == CalibrationMethod.Prior ? "" : $" --calibration {Lower(o.Calibration)}") +
               (o.Impute == ImputationMethod.Median ? "" : $" --impute {Lower(o.Impute)}") +
               " --model model.zip";
    }

    /// <summary>Which techniques beat doing nothing (technique none with the same learner) beyond noise, said
    /// plainly, including when none did.</summary>
    internal static string AgainstNone(CompareReport r)
    {
        var metric = r.Options.Metric;
        var others = Ranked(r).Where(x => x.Technique != "none").ToArray();
        if (others.Length == 0) return "Only technique none was compared.";
        var judged = others.Where(x => x.VersusNone is not null).ToArray();
        if (judged.Length == 0)
            return r.Results.Any(x => x.Technique == "none")
                ? "No comparison with doing nothing (technique none, same learner) is available."
                : "Technique none was not compared, so no technique is tested against doing nothing; add none to " +
                  "--techniques to test it.";
        var better = judged.Where(x => x.VersusNone!.Verdict == Verdict.Better).ToArray();
        var worse = judged.Count(x => x.VersusNone!.Verdict == Verdict.Worse);
        var text = better.Length == 0
            ? $"No technique beat doing nothing (technique none with the same learner) beyond noise on {metric}. "
            : $"Beat doing nothing (technique none with the same learner) beyond noise on {metric}: " +
              string.Join("; ", better.Select(x =>
                  $"{Charts.Name(x)} ({Signed(x.VersusNone!.Difference)}, {P(x.VersusNone.P)})")) + ". ";
        var within = judged.Length - better.Length - worse;
        return text + $"Of the {judged.Length} combination(s) compared with none, {better.Length} did better, " +
               $"{within} within noise and {worse} worse.";
    }

    private static string VersusBestText(CompareResult x, CompareResult best) =>
        x == best ? "best"
        : x.VersusBest is not { } v ? "—"
        : $"<span class=\"{Css(v.Verdict)}\">{Words(v.Verdict)}</span> ({Esc(P(v.P))})";

    private static string VersusNoneText(CompareResult x) =>
        x.VersusNone is not { } v
            ? x.Technique == "none" ? "(this is none)" : "—"
            : $"{Signed(v.Difference)} ({Esc(P(v.P))}) <span class=\"{Css(v.Verdict)}\">{Words(v.Verdict)}</span>";

    private static string Words(Verdict v) => v switch
    {
        Verdict.Better => "better",
        Verdict.Worse => "worse",
        _ => "within noise",
    };

    private static string Css(Verdict v) => v switch
    {
        Verdict.Better => "better",
        Verdict.Worse => "worse",
        _ => "noise",
    };

    /// <summary>A p-value as the report and the summary table print it: three decimals, or below 0.001.</summary>
    internal static string P(double p) =>
        p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double v) => (v >= 0 ? "+" : "") + F(v);

    private static string G(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Confusion(CompareResult x, ClassSet classes)
    {
        var oof = x.OutOfFold!;
        var m = new ConfusionMatrix(oof.Truth, oof.Predicted, classes.Count);
        var html = new StringBuilder($"<div class=\"chart\"><p>{Esc(Charts.Name(x))}</p>")
            .Append("<table><tr><th>true \\ predicted</th>");
        foreach (var c in classes.Labels) html.Append($"<th>{Esc(c)}</th>");
        html.Append("</tr>");
        for (var i = 0; i < classes.Count; i++)
        {
            html.Append($"<tr><td>{Esc(classes[i])}</td>");
            for (var j = 0; j < classes.Count; j++)
                html.Append($"<td>{m[i, j].ToString(CultureInfo.InvariantCulture)}</td>");
            html.Append("</tr>");
        }
        return html.Append("</table></div>").ToString();
    }

    private static string Chart(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return $"<div class=\"chart\">{svg[start..]}</div>";
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    private static string F(double v) => Charts.Number(v);
}
