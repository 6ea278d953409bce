using System.CommandLine;
using Imbalanced.Cli.Display;
using Imbalanced.Data;
using Spectre.Console;

namespace Imbalanced.Cli.Commands;

/// <summary><c>imbalanced inspect INPUT --target COL [--json]</c>: the class distribution and what to trust.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var target = CommonOptions.Target();
        var drop = CommonOptions.Drop();
        var json = CommonOptions.Json("print one JSON object instead of tables");
        var task = CommonOptions.Task();
        var threshold = new Option<string>("--relevance-threshold")
        {
            Description = "--task regression: rows whose target has relevance at least this are rare, in (0, 1]",
            DefaultValueFactory = _ => "0.8",
        };
        var command = new Command("inspect",
            "show class counts (or the target's distribution and rare ranges), the imbalance ratio, feature kinds, " +
            "missing values and advice")
        {
            input, target, drop, json, task, threshold, CommonOptions.Quiet(),
        };
        command.SetAction(r =>
        {
            var regression = CommonOptions.IsRegression(r.GetValue(task)!);
            if (!regression)
            {
                if (r.GetResult(threshold) is { Implicit: false })
                    throw new UsageException("--relevance-threshold applies to --task regression only");
                return Run(r.GetValue(input)!, r.GetValue(target)!, r.GetValue(drop) ?? [], r.GetValue(json));
            }
            var text = r.GetValue(threshold)!;
            var value = CommonOptions.Finite(text)
                ?? throw new UsageException($"--relevance-threshold: '{text}' is not a finite number");
            return RegressionInspection.Run(r.GetValue(input)!, r.GetValue(target)!, r.GetValue(drop) ?? [], value,
                r.GetValue(json));
        });
        return command;
    }

    private static int Run(string input, string target, string[] drop, bool json)
    {
        var summary = TableScan.Summarize(input, target, drop);
        foreach (var warning in LabelSpellings.Warnings(summary.Classes.Select(c => c.Label)))
            Console.Error.WriteLine(warning);
        if (json) WriteJson(summary, target);
        else WriteHuman(summary, target, input);
        return ExitCodes.Success;
    }

    private static void WriteJson(ImbalanceSummary s, string target) =>
        JsonOutput.ToStdout(w => w.WriteSummary(s, target));

    private static void WriteHuman(ImbalanceSummary s, string target, string input)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.MarkupLine($"[bold]{Markup.Escape(input)}[/]: {s.Rows} rows, target [bold]{Markup.Escape(target)}[/]");
        var table = new Table()
            .AddColumn("class")
            .AddColumn(new TableColumn("count").RightAligned())
            .AddColumn(new TableColumn("percent").RightAligned());
        foreach (var c in s.Classes)
            table.AddRow(Markup.Escape(c.Label), c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{c.Fraction * 100:0.00}%");
        console.Write(table);
        // The class distribution as a bar chart, as value_counts().plot(kind="bar") shows it.
        var chart = new BarChart().Width(Math.Min(60, Math.Max(20, console.Profile.Width - 2)));
        foreach (var c in s.Classes) chart.AddItem(Markup.Escape(c.Label), c.Count, Color.Default);
        console.Write(chart);
        console.MarkupLine($"imbalance ratio: [bold]{s.ImbalanceRatio:0.###}[/] (majority " +
            $"'{Markup.Escape(s.Majority)}' / minority '{Markup.Escape(s.Minority)}')");
        console.MarkupLine($"numeric features ({s.NumericFeatures.Count}): " +
            $"{Markup.Escape(string.Join(", ", s.NumericFeatures))}");
        console.MarkupLine($"categorical features ({s.CategoricalFeatures.Count}): " +
            $"{Markup.Escape(string.Join(", ", s.CategoricalFeatures))}");
        console.MarkupLine(s.Missing.Count == 0
            ? "missing values: none"
            : $"missing values: {Markup.Escape(string.Join(", ", s.Missing.Select(m => $"{m.Key} ({m.Value})")))}");
        console.MarkupLine($"advice: {Markup.Escape(s.Advice)}");
    }
}
