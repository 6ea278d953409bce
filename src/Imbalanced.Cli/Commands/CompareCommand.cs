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
        var positive = new Option<string?>("--positive")
        {
            Description = "the positive class (default: the minority class)",
        };
        var defaults = new CompareOptions();
        var learners = new Option<string>("--learners")
        {
            Description = "ML.NET learners, comma-separated",
            DefaultValueFactory = _ => string.Join(",", new MlNetLearners().DefaultNames),
        };
        var techniques = new Option<string>("--techniques")
        {
            Description = "none, class-weight or resample methods, comma-separated",
            DefaultValueFactory = _ => string.Join(",", defaults.Techniques),
        };
        var tune = new Option<string>("--tune-threshold")
        {
            Description = "none, f1, f2, mcc, balanced-accuracy or gmean",
            DefaultValueFactory = _ => "none",
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
        var seed = CommonOptions.Seed();
        var report = new Option<string?>("--report")
        {
            Description = "write a self-contained HTML report (charts as inline SVG) to this file",
        };
        var json = new Option<string?>("--json") { Description = "write the results as JSON to this file" };
        var quiet = CommonOptions.Quiet();
        var command = new Command(
            "compare", "compare techniques and learners under leakage-free repeated stratified cross-validation")
        {
            input, target, drop, positive, learners, techniques, tune, folds, repeats, metric, seed, report, json,
            quiet,
        };
        command.SetAction(r =>
        {
            var options = new CompareOptions
            {
                Positive = r.GetValue(positive),
                Learners = Split(r.GetValue(learners)!),
                Techniques = Split(r.GetValue(techniques)!),
                TuneThreshold = r.GetValue(tune)!,
                Folds = r.GetValue(folds),
                Repeats = r.GetValue(repeats),
                Metric = r.GetValue(metric)!,
                Seed = r.GetValue(seed),
            };
            DistinctFiles.Check(
                [("the input", r.GetValue(input)!)], ("--json", r.GetValue(json)), ("--report", r.GetValue(report)));
            var table = TableDataset.Build(
                TableReader.Read(r.GetValue(input)!), r.GetValue(target)!, r.GetValue(drop) ?? []);
            CompareReport result;
            try
            {
                result = StatusDisplay.RunWithProgress("folds × techniques × learners", r.GetValue(quiet),
                    progress => CompareWorkflow.Run(table.Data, options, new MlNetLearners(), progress));
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            WriteHuman(result);
            using var files = new FileTransaction();
            if (r.GetValue(json) is { } path) files.Write(path, s => WriteJson(s, result));
            if (r.GetValue(report) is { } html)
            {
                var text = Report.HtmlReport.Build(result, r.GetValue(input)!);
                files.Write(html, s => s.Write(System.Text.Encoding.UTF8.GetBytes(text)));
            }
            files.Commit();
            return ExitCodes.Success;
        });
        return command;
    }

    private static string[] Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void WriteHuman(CompareReport r)
    {
        var m = r.Options.Metric;
        Console.Out.WriteLine($"{"technique",-18}{"learner",-15}{m + " (mean ± sd)",-32}");
        foreach (var x in r.Results.OrderByDescending(x => x.Metrics[m].Mean))
            Console.Out.WriteLine(
                $"{x.Technique,-18}{x.Learner,-15}{x.Metrics[m].Mean:0.0000} ± {x.Metrics[m].Std:0.0000}" +
                (x == r.Best
                    ? "   <- best"
                    : x.VersusBest!.WithinNoise
                        ? $"   within noise of the best (p = {x.VersusBest.P:0.00})"
                        : ""));
        Console.Out.WriteLine(
            "Differences are judged with the corrected resampled t-test (Nadeau and Bengio) over the paired folds, " +
            "at p < 0.05.");
    }

    private static void WriteJson(Stream stream, CompareReport r)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("dataset");
        w.WriteNumber("rows", r.Dataset.Rows);
        w.WriteStartArray("classes");
        foreach (var c in r.Dataset.Classes)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            w.WriteNumber("count", c.Count);
            w.WriteNumber("fraction", Math.Round(c.Fraction, 5));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("majority", r.Dataset.Majority);
        w.WriteString("minority", r.Dataset.Minority);
        w.WriteNumber("imbalance_ratio", Math.Round(r.Dataset.ImbalanceRatio, 3));
        w.WriteEndObject();
        w.WriteStartObject("protocol");
        w.WriteNumber("folds", r.Options.Folds);
        w.WriteNumber("repeats", r.Options.Repeats);
        w.WriteNumber("seed", r.Options.Seed);
        w.WriteString("metric", r.Options.Metric);
        if (r.Positive is not null) w.WriteString("positive", r.Positive);
        w.WriteString(
            "significance",
            "corrected resampled t-test (Nadeau and Bengio 2003) of each combination against the best " +
            "over paired folds; within noise when p >= 0.05");
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var x in r.Results)
        {
            w.WriteStartObject();
            w.WriteString("technique", x.Technique);
            w.WriteString("learner", x.Learner);
            if (x.TunedFor is not null)
            {
                w.WriteStartObject("threshold");
                w.WriteString("tuned_for", x.TunedFor);
                w.WriteFinite("mean", x.ThresholdMean!.Value);
                w.WriteEndObject();
            }
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
            if (x.VersusBest is { } versus)
            {
                w.WriteStartObject("versus_best");
                w.WriteNumber("t", double.IsFinite(versus.T) ? versus.T : Math.Sign(versus.T) * double.MaxValue);
                w.WriteFinite("p", versus.P);
                w.WriteBoolean("within_noise", versus.WithinNoise);
                w.WriteEndObject();
            }
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
