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
        var ranked = r.Results.OrderByDescending(x => x.Metrics[metric].Mean).ToArray();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>imbalanced compare</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;max-width:1100px}")
            .Append("table{border-collapse:collapse;font-size:13px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right;white-space:nowrap}")
            .Append("td:first-child,td:nth-child(2),th{text-align:left}.best{background:#dff5df;font-weight:bold}")
            .Append(".chart{display:inline-block;margin:6px}</style></head><body>")
            .Append($"<h1>Comparison of techniques × learners on {Esc(Path.GetFileName(input))}</h1>");

        html.Append("<h2>Protocol</h2><p>").Append(Esc(Protocol(r))).Append("</p>");
        html.Append("<h2>Recommendation</h2><p>").Append(Esc(Recommendation(r, ranked))).Append("</p>");

        html.Append("<h2>Class distribution</h2>").Append(Chart(Charts.ClassDistribution(r.Dataset)));

        html.Append($"<h2>Results ({Esc(metric)}, mean ± sd over {r.Options.Folds * r.Options.Repeats} folds)</h2>")
            .Append("<table><tr><th>technique</th><th>learner</th>");
        string[] preferred = [metric, "balanced_accuracy", "mcc", "geometric_mean", "roc_auc", "average_precision"];
        var keys = preferred.Distinct().Where(ranked[0].Metrics.ContainsKey).ToArray();
        foreach (var k in keys) html.Append($"<th>{Esc(k)}</th>");
        html.Append("<th>vs best</th></tr>");
        foreach (var x in ranked)
        {
            html.Append(x == r.Best ? "<tr class=\"best\">" : "<tr>")
                .Append($"<td>{Esc(x.Technique)}</td><td>{Esc(x.Learner)}</td>");
            foreach (var k in keys) html.Append($"<td>{F(x.Metrics[k].Mean)} ± {F(x.Metrics[k].Std)}</td>");
            html.Append("<td>")
                .Append(x == r.Best
                    ? "best"
                    : x.VersusBest!.WithinNoise
                        ? $"within noise (p = {x.VersusBest.P:0.00})"
                        : $"worse (p = {x.VersusBest.P:0.000})")
                .Append("</td></tr>");
        }
        html.Append("</table>").Append(Chart(Charts.Results(ranked, metric)));

        var leading = ranked.Take(Leading).Where(x => x.OutOfFold?.Scores is not null).ToArray();
        if (leading.Length > 0)
        {
            html.Append("<h2>Precision–recall and ROC curves of the leading combinations ")
                .Append("(pooled out-of-fold scores, first repeat)</h2>")
                .Append(Chart(Charts.PrecisionRecall(leading, r.Classes.IndexOf(r.Positive!))))
                .Append(Chart(Charts.Roc(leading, r.Classes.IndexOf(r.Positive!))));
            var best = leading[0];
            var objective = best.TunedFor is null ? ThresholdObjective.F1 : ThresholdObjective.Parse(best.TunedFor);
            // The objective of the pooled out-of-fold predictions at every threshold, drawn only: the thresholds
            // marked are those the workflow chose in the folds (or the most probable class's 0.5 when not tuned).
            var curve = TunedThresholdClassifier.Choose(
                best.OutOfFold!.Truth.Select(t => r.Classes[t] == r.Positive).ToArray(), best.OutOfFold.Scores!,
                objective).Curve;
            html.Append($"<h2>{Esc(objective.Name)} of the pooled out-of-fold predictions against the decision " +
                        $"threshold ({Esc(best.Technique)} + {Esc(best.Learner)})</h2>")
                .Append(Chart(Charts.ThresholdCurve(curve, objective.Name, ChosenThresholds(best, r.Options.Folds),
                    best.ThresholdMean)));
        }
        html.Append("<h2>Confusion matrices at the chosen thresholds (pooled out-of-fold, first repeat)</h2>");
        foreach (var x in ranked.Take(Leading)) html.Append(Confusion(x, r.Classes));

        if (r.Resampling is { } example)
            html.Append("<h2>The first fold's training part in two dimensions (PCA) as ")
                .Append($"{Esc(example.Technique)} resampled it for {Esc(example.Learner)}: ")
                .Append("original and synthetic rows</h2>")
                .Append(Chart(Charts.Projection(example.Result)));
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The thresholds the report marks for <paramref name="x"/>: those the workflow chose in the folds of
    /// the first repeat (whose out-of-fold predictions the report pools), empty when it did not tune.</summary>
    internal static IReadOnlyList<double> ChosenThresholds(CompareResult x, int folds) =>
        x.FoldThresholds.Take(folds).ToArray();

    private static string Protocol(CompareReport r) =>
        $"Stratified {r.Options.Folds}-fold cross-validation repeated {r.Options.Repeats} times " +
        $"(seed {r.Options.Seed}) on {r.Dataset.Rows} rows. " +
        "In every fold, resampling, class weights and the threshold search (when asked) use only the training part; " +
        "the test part is scored untouched. " +
        $"Combinations are ranked by the mean {r.Options.Metric}" +
        (r.Positive is null ? "" : $" with '{r.Positive}' as the positive class") + ". " +
        "A combination is within noise of the best when the corrected resampled t-test (Nadeau and Bengio) " +
        "over the paired folds gives p ≥ 0.05." +
        (r.Options.TuneThreshold == "none"
            ? " Predictions take the most probable class."
            : $" Decision thresholds are tuned for {r.Options.TuneThreshold} by inner " +
              $"{CompareWorkflow.ThresholdFolds}-fold cross-validation; each test fold is predicted with its own " +
              "fold's threshold.");

    private static string Recommendation(CompareReport r, CompareResult[] ranked)
    {
        var tied = ranked.Where(x => x != r.Best && x.VersusBest!.WithinNoise).ToArray();
        var simplest = tied.Concat([r.Best]).FirstOrDefault(x => x.Technique == "none")
                       ?? tied.Concat([r.Best]).FirstOrDefault(x => x.Technique == "class-weight");
        var text = $"Best: {r.Best.Technique} with {r.Best.Learner} " +
                   $"({r.Options.Metric} {F(r.Best.Metrics[r.Options.Metric].Mean)}). ";
        if (tied.Length > 0) text += $"{tied.Length} other combination(s) are within noise of it. ";
        if (simplest is not null && simplest != r.Best)
            text += $"{simplest.Technique} with {simplest.Learner} is as good within noise and simpler: " +
                    "prefer it unless the difference matters to you. ";
        return text + "Train it with: imbalanced train INPUT --target COL " +
               $"--technique {r.Best.Technique} --learner {r.Best.Learner}" +
               (r.Options.TuneThreshold == "none" ? "" : $" --tune-threshold {r.Options.TuneThreshold}") +
               " --model model.zip";
    }

    private static string Confusion(CompareResult x, ClassSet classes)
    {
        var oof = x.OutOfFold!;
        var m = new ConfusionMatrix(oof.Truth, oof.Predicted, classes.Count);
        var html = new StringBuilder($"<div class=\"chart\"><p>{Esc(x.Technique)} + {Esc(x.Learner)}</p>")
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

    private static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
