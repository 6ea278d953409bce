using System.Globalization;
using Imbalanced.Cli.Display;
using Imbalanced.Data;
using Imbalanced.Sampling.Regression;
using Spectre.Console;

namespace Imbalanced.Cli.Commands;

/// <summary><c>imbalanced inspect INPUT --target COL --task regression</c>: the target's distribution and its rare
/// ranges under the box-plot relevance function and the threshold.</summary>
internal static class RegressionInspection
{
    public static int Run(string input, string target, string[] drop, double threshold, bool json)
    {
        RelevanceBins.CheckThreshold(threshold);
        var table = TableDataset.BuildRegression(TableReader.Read(input), target, drop);
        var data = table.Regression!;
        var y = data.TargetValues.Span;
        var relevance = RelevanceFunction.FromBoxPlot(y);
        var bins = RelevanceBins.Of(y, relevance, threshold);
        var box = relevance.BoxPlot!;
        var (mean, std) = MeanAndStd(y, 1.0);
        // Values near the largest double overflow the sums: then they are taken over the values divided by the
        // largest magnitude, and scaled back (finite whenever the mean and the deviation themselves are).
        if (!double.IsFinite(mean) || !double.IsFinite(std))
        {
            var largest = 0.0;
            foreach (var v in y) largest = Math.Max(largest, Math.Abs(v));
            var (scaledMean, scaledStd) = MeanAndStd(y, largest);
            (mean, std) = (scaledMean * largest, scaledStd * largest);
        }
        var rare = bins.Bins.Where(b => b.Rare).ToArray();
        if (json) WriteJson(table, target, box, mean, std, bins, rare);
        else WriteHuman(input, table, target, box, mean, std, bins, rare);
        return ExitCodes.Success;
    }

    /// <summary>The mean and the sample standard deviation (0 for one value) of the values divided by
    /// <paramref name="scale"/>.</summary>
    private static (double Mean, double Std) MeanAndStd(ReadOnlySpan<double> y, double scale)
    {
        var mean = 0.0;
        foreach (var v in y) mean += v / scale;
        mean /= y.Length;
        var squares = 0.0;
        foreach (var v in y) squares += (v / scale - mean) * (v / scale - mean);
        return (mean, y.Length > 1 ? Math.Sqrt(squares / (y.Length - 1)) : 0);
    }

    private static string Side(RelevanceBin bin, BoxPlotStatistics box) => bin.High < box.Median ? "low" : "high";

    private static string Advice(RelevanceBins bins) => bins.RareRows == 0
        ? "no target value is rare at this threshold: the target has no outliers beyond its box plot's adjacent " +
          "values; a plain regression setup fits"
        : "judge models on the rare ranges too (for example the error on rows with relevance at least the " +
          "threshold), not only overall RMSE; resample only training data (resample --task regression --method " +
          "smoter or smogn)";

    private static void WriteJson(TableDataset table, string target, BoxPlotStatistics box, double mean, double std,
        RelevanceBins bins, RelevanceBin[] rare)
    {
        JsonOutput.ToStdout(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("rows", box.Count);
            w.WriteString("target", target);
            w.WriteString("task", "regression");
            w.WriteStartObject("distribution");
            w.WriteNumber("count", box.Count);
            w.WriteNumber("min", box.Min);
            w.WriteNumber("q1", box.LowerHinge);
            w.WriteNumber("median", box.Median);
            w.WriteNumber("q3", box.UpperHinge);
            w.WriteNumber("max", box.Max);
            w.WriteFinite("mean", mean);
            w.WriteFinite("std", std);
            w.WriteNumber("lower_adjacent", box.LowerAdjacent);
            w.WriteNumber("upper_adjacent", box.UpperAdjacent);
            w.WriteEndObject();
            w.WriteNumber("relevance_threshold", bins.Threshold);
            w.WriteStartArray("rare_ranges");
            foreach (var bin in rare)
            {
                w.WriteStartObject();
                w.WriteString("side", Side(bin, box));
                w.WriteNumber("low", bin.Low);
                w.WriteNumber("high", bin.High);
                w.WriteNumber("rows", bin.Rows.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("rare_rows", bins.RareRows);
            w.WriteNumber("rare_fraction", Math.Round((double)bins.RareRows / box.Count, 5));
            w.WriteStartArray("numeric_features");
            foreach (var f in table.Data.NumericNames) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteStartArray("categorical_features");
            foreach (var f in table.Data.CategoricalNames) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteStartObject("missing");
            foreach (var (column, count) in table.Missing) w.WriteNumber(column, count);
            w.WriteEndObject();
            w.WriteString("advice", Advice(bins));
            w.WriteEndObject();
        });
    }

    private static void WriteHuman(string input, TableDataset table, string target, BoxPlotStatistics box,
        double mean, double std, RelevanceBins bins, RelevanceBin[] rare)
    {
        var c = CultureInfo.InvariantCulture;
        string N(double v) => v.ToString("G6", c);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        console.MarkupLine($"[bold]{Markup.Escape(input)}[/]: {box.Count} rows, numeric target " +
            $"[bold]{Markup.Escape(target)}[/] (regression)");
        var stats = new Table().AddColumn("statistic").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in new[]
                 {
                     ("count", (double)box.Count), ("min", box.Min), ("q1 (lower hinge)", box.LowerHinge),
                     ("median", box.Median), ("q3 (upper hinge)", box.UpperHinge), ("max", box.Max),
                     ("mean", mean), ("std", std), ("lower adjacent value", box.LowerAdjacent),
                     ("upper adjacent value", box.UpperAdjacent),
                 })
            stats.AddRow(name, N(value));
        console.Write(stats);
        console.MarkupLine($"relevance: box-plot based (0 at the median, 1 at and beyond the adjacent values); rare " +
            $"when at least {N(bins.Threshold)}");
        if (rare.Length == 0) console.MarkupLine("rare ranges: none");
        else
        {
            var ranges = new Table().AddColumn("rare range").AddColumn("from").AddColumn("to")
                .AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("percent").RightAligned());
            foreach (var bin in rare)
                ranges.AddRow(Side(bin, box), N(bin.Low), N(bin.High), bin.Rows.Count.ToString(c),
                    $"{100.0 * bin.Rows.Count / box.Count:0.00}%");
            console.Write(ranges);
        }
        console.MarkupLine($"rare rows: [bold]{bins.RareRows}[/] of {box.Count} " +
            $"({100.0 * bins.RareRows / box.Count:0.00}%)");
        console.MarkupLine($"numeric features ({table.Data.NumericCount}): " +
            $"{Markup.Escape(string.Join(", ", table.Data.NumericNames))}");
        console.MarkupLine($"categorical features ({table.Data.CategoricalCount}): " +
            $"{Markup.Escape(string.Join(", ", table.Data.CategoricalNames))}");
        console.MarkupLine(table.Missing.Count == 0
            ? "missing values: none"
            : "missing values: " +
              Markup.Escape(string.Join(", ", table.Missing.Select(m => $"{m.Key} ({m.Value})"))));
        console.MarkupLine($"advice: {Markup.Escape(Advice(bins))}");
    }
}
