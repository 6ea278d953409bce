using System.CommandLine;
using System.Text.Json;
using Imbalanced.Cli.Display;
using Imbalanced.Cli.Files;
using Imbalanced.Data;
using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;

namespace Imbalanced.Cli.Commands;

/// <summary>
/// <c>imbalanced compare INPUT --target COL [options]</c>: techniques × learners under repeated stratified CV.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var target = CommonOptions.Target();
        var drop = CommonOptions.Drop();
        var workflow = new WorkflowFlags();
        var defaults = new CompareOptions();
        var learners = new Option<string>("--learners")
        {
            Description = "learners, comma-separated: " + string.Join(", ", new MlNetLearners().Names),
            DefaultValueFactory = _ => string.Join(",", new MlNetLearners().DefaultNames),
        };
        var techniques = new Option<string>("--techniques")
        {
            Description = "none, class-weight or resample methods, comma-separated",
            DefaultValueFactory = _ => string.Join(",", defaults.Techniques),
        };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5, Description = "folds per repeat" };
        var repeats = new Option<int>("--repeats")
        {
            DefaultValueFactory = _ => 2,
            Description = "repeats of the stratified k-fold",
        };
        var metric = new Option<string>("--metric")
        {
            DefaultValueFactory = _ => "average_precision",
            Description = "the metric that ranks the combinations",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "folds run at once (default: all cores); the results do not depend on it",
        };
        var report = CommonOptions.Path(new Option<string?>("--report")
        {
            Description = "write a self-contained HTML report (charts as inline SVG) to this file",
        });
        var json = CommonOptions.Path(
            new Option<string?>("--json") { Description = "write the results as JSON to this file" });
        var quiet = CommonOptions.Quiet();
        var command = new Command(
            "compare", "compare techniques and learners under leakage-free repeated stratified cross-validation")
        {
            input, target, drop, learners, techniques, folds, repeats, metric, threads, report, json, quiet,
        };
        foreach (var option in workflow.All) command.Options.Add(option);
        command.SetAction(r =>
        {
            var options = workflow.Read(r) with
            {
                Learners = Split(r.GetValue(learners)!, "--learners", "learner"),
                Techniques = Split(r.GetValue(techniques)!, "--techniques", "technique"),
                // The default list was not asked for technique by technique: one the data refuse is left out.
                LeaveOutRefusedTechniques = r.GetResult(techniques) is not { Implicit: false },
                Folds = r.GetValue(folds),
                Repeats = r.GetValue(repeats),
                Metric = r.GetValue(metric)!,
                Threads = r.GetValue(threads),
            };
            DistinctFiles.Check(
                [("the input", r.GetValue(input)!)], ("--json", r.GetValue(json)), ("--report", r.GetValue(report)));
            var inputPath = r.GetValue(input)!;
            var table = InputErrors.Of(inputPath, () => TableDataset.Build(
                TableReader.Read(inputPath), r.GetValue(target)!, r.GetValue(drop) ?? []));
            TableWarnings.Write(inputPath, table.Data);
            var result = InputErrors.Of(inputPath, () => StatusDisplay.RunWithProgress("techniques × folds",
                r.GetValue(quiet),
                progress => CompareWorkflow.Run(table.Data, options, new MlNetLearners(), progress)));
            foreach (var left in result.LeftOut)
                Console.Error.WriteLine($"warning: {left.Technique} left out (a default technique; fold " +
                    $"{left.Fold + 1} refused it): {left.Reason}");
            using var files = new FileTransaction();
            // The dataset block is inspect's: the table's columns by kind and its empty cells, before imputation.
            var summary = ImbalanceSummary.Of(table.Data, table.Missing);
            if (r.GetValue(json) is { } path)
                files.Write(path, s => WriteJson(s, result, summary, r.GetValue(target)!));
            if (r.GetValue(report) is { } html)
            {
                var text = Report.HtmlReport.Build(result, r.GetValue(input)!);
                files.Write(html, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));
            }
            // The table is printed once the files are written in full, before they are put in place: a run whose
            // --json or --report cannot be written prints nothing but the error, and one whose stdout cannot be
            // written leaves no file.
            files.Commit(() => StandardOutput.Write(Human(result)));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The names of a list option; a list that names nothing, or a name twice, is a usage error.</summary>
    private static string[] Split(string text, string option, string kind)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new UsageException($"{option}: {kind} '{twice.Key}' is named twice; name each once");
        return names.Length > 0 ? names : throw new UsageException($"{option}: '{text}' names no {kind}");
    }

    /// <summary>The summary table printed on stdout.</summary>
    private static string Human(CompareReport r)
    {
        var text = new StringWriter();
        var m = r.Options.Metric;
        text.WriteLine($"{"technique",-18}{"learner",-24}{m + " (mean ± sd)",-30}{"vs none",-34}vs best");
        foreach (var x in r.Ranked)
        {
            var technique = x.RanAs == x.Technique ? x.Technique : $"{x.Technique} ({x.RanAs})";
            var none = x.VersusNone is { } v
                ? $"{Verdict(v.Verdict)} ({v.Difference:+0.0000;-0.0000}, {Report.HtmlReport.P(v.P)})"
                : "";
            var best = x == r.Best ? "<- best"
                : $"{Verdict(x.VersusBest!.Verdict)} ({Report.HtmlReport.P(x.VersusBest.P)})";
            text.WriteLine($"{technique,-18}{x.Learner,-24}" +
                $"{x.Metrics[m].Mean:0.0000} ± {x.Metrics[m].Std:0.0000}{"",-13}{none,-34}{best}");
        }
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var x in r.Results.Where(x => x.Parameters.Count > 0).DistinctBy(x => x.Technique))
            text.WriteLine($"{x.Technique} ran with " +
                string.Join(", ", x.Parameters.Select(p => string.Create(invariant, $"{p.Key} = {p.Value}"))) +
                ": a class of a training part has too few rows for its default.");
        foreach (var left in r.LeftOut)
            text.WriteLine($"{left.Technique} was left out: {left.Reason}");
        var helped = r.Results.Where(x => x.VersusNone?.Verdict == ModelSelection.Verdict.Better)
            .Select(x => $"{x.Technique} with {x.Learner}").ToArray();
        text.WriteLine(helped.Length == 0
            ? $"No technique beat doing nothing (technique none, same learner) on {m} beyond noise."
            : $"Beat doing nothing (technique none, same learner) on {m} beyond noise: {string.Join(", ", helped)}.");
        text.WriteLine(
            "Differences are judged with the corrected resampled t-test (Nadeau and Bengio) over the paired folds, " +
            "at p < 0.05.");
        return text.ToString();
    }

    /// <summary>A verdict as the contract spells it.</summary>
    internal static string Verdict(Verdict verdict) => verdict switch
    {
        ModelSelection.Verdict.Better => "better",
        ModelSelection.Verdict.Worse => "worse",
        _ => "within noise",
    };

    /// <summary>A t statistic as a JSON number: an infinite one (folds that all differ by the same amount) as the
    /// largest finite number of its sign; none (NaN) as 0, no difference shown.</summary>
    private static double Bounded(double t) =>
        double.IsNaN(t) ? 0 : double.IsFinite(t) ? t : Math.Sign(t) * double.MaxValue;

    private static void WriteJson(Stream stream, CompareReport r, ImbalanceSummary dataset, string target)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WritePropertyName("dataset");
        w.WriteSummary(dataset, target);
        w.WriteStartObject("protocol");
        w.WriteNumber("folds", r.Options.Folds);
        w.WriteNumber("repeats", r.Options.Repeats);
        w.WriteNumber("seed", r.Options.Seed);
        w.WriteString("metric", r.Options.Metric);
        if (r.Positive is not null) w.WriteString("positive", r.Positive);
        w.WriteString("calibration", Flags.Kebab(r.Options.Calibration.ToString()));
        w.WriteString("impute", Flags.Kebab(r.Options.Impute.ToString()));
        if (r.Options.Cost is { } cost)
        {
            w.WriteStartObject("cost");
            w.WriteNumber("fn", cost.FalseNegative);
            w.WriteNumber("fp", cost.FalsePositive);
            w.WriteEndObject();
        }
        w.WriteString("tune_threshold", r.Options.TuneThreshold);
        w.WriteString(
            "significance",
            "corrected resampled t-test (Nadeau and Bengio 2003) of each combination against the best and " +
            "against technique none with the same learner, over paired folds; within noise when p >= 0.05");
        w.WriteEndObject();
        w.WriteStartArray("left_out");
        foreach (var left in r.LeftOut)
        {
            w.WriteStartObject();
            w.WriteString("technique", left.Technique);
            w.WriteNumber("fold", left.Fold + 1);
            w.WriteString("reason", left.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("results");
        foreach (var x in r.Results)
        {
            w.WriteStartObject();
            w.WriteString("technique", x.Technique);
            w.WriteString("ran_as", x.RanAs);
            if (x.Parameters.Count > 0)
            {
                w.WriteStartObject("parameters");
                foreach (var (name, value) in x.Parameters)
                    if (value is int number) w.WriteNumber(name, number);
                    else w.WriteString(name,
                        Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }
            w.WriteString("learner", x.Learner);
            // Every result has the key as an object. Without tuning the most probable class is predicted: for two
            // classes that is the threshold 0.5 on the positive class's probability; with more there is none.
            w.WriteStartObject("threshold");
            w.WriteString("tuned_for", x.TunedFor ?? "none");
            if (x.ThresholdMean is { } mean) w.WriteFinite("mean", mean);
            else if (dataset.Classes.Count == 2) w.WriteNumber("mean", 0.5);
            else w.WriteNull("mean");
            w.WriteEndObject();
            w.WriteStartObject("metrics");
            foreach (var (name, s) in x.Metrics)
            {
                w.WriteStartObject(name);
                w.WriteFinite("mean", s.Mean);
                w.WriteFinite("std", s.Std);
                w.WriteStartArray("folds");
                foreach (var v in s.Folds) w.WriteFiniteValue(v);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteNumber("fit_seconds", Math.Round(x.FitSeconds, 3));
            // Every result has both objects. The best compared with itself, and technique none with itself, differ
            // by nothing: t = 0, p = 1, within noise.
            var versus = x.VersusBest;
            w.WriteStartObject("versus_best");
            w.WriteNumber("t", versus is null ? 0 : Bounded(versus.T));
            w.WriteFinite("p", versus?.P ?? 1);
            w.WriteBoolean("within_noise", versus?.WithinNoise ?? true);
            w.WriteString("verdict", Verdict(versus?.Verdict ?? ModelSelection.Verdict.WithinNoise));
            w.WriteEndObject();
            var none = x.VersusNone;
            w.WriteStartObject("versus_none");
            w.WriteFinite("difference", none?.Difference ?? 0);
            w.WriteNumber("t", none is null ? 0 : Bounded(none.T));
            w.WriteFinite("p", none?.P ?? 1);
            w.WriteString("verdict", Verdict(none?.Verdict ?? ModelSelection.Verdict.WithinNoise));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("best");
        w.WriteString("technique", r.Best.Technique);
        w.WriteString("learner", r.Best.Learner);
        w.WriteString("metric", r.Options.Metric);
        w.WriteFinite("mean", r.Best.Metrics[r.Options.Metric].Mean);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
