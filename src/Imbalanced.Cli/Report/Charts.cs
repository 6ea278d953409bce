using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;
using Imbalanced.Numerics;
using Imbalanced.Sampling;
using ScottPlot;

namespace Imbalanced.Cli.Report;

/// <summary>The report's charts, as SVG drawn by ScottPlot.</summary>
internal static class Charts
{
    private const int Width = 520;
    private const int Height = 360;

    public static string ClassDistribution(ImbalanceSummary s)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(s.Classes.Select(c => (double)c.Count).ToArray());
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, s.Classes.Count).Select(i => (double)i).ToArray(),
            s.Classes.Select(c => c.Label).ToArray());
        plot.Title($"Rows per class (imbalance ratio {s.ImbalanceRatio:0.##})");
        plot.Axes.Margins(bottom: 0);
        _ = bars;
        return plot.GetSvgXml(Width, Height);
    }

    public static string Results(IReadOnlyList<CompareResult> ranked, string metric)
    {
        var plot = new Plot();
        var shown = ranked.Take(15).ToArray();
        var bars = shown.Select((x, i) => new Bar
        {
            Position = i,
            Value = x.Metrics[metric].Mean,
            Error = x.Metrics[metric].Std,
            FillColor = i == 0 ? Colors.SeaGreen : Colors.SteelBlue,
        }).ToArray();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            Enumerable.Range(0, shown.Length).Select(i => (double)i).ToArray(),
            shown.Select(x => $"{x.Technique}\n{x.Learner}").ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        var low = shown.Min(x => x.Metrics[metric].Mean - x.Metrics[metric].Std);
        var high = shown.Max(x => x.Metrics[metric].Mean + x.Metrics[metric].Std);
        plot.Axes.SetLimitsY(Math.Max(0, low - 0.05), Math.Min(1.05, high + 0.02));
        plot.Title($"{metric}: mean ± sd (best in green)");
        return plot.GetSvgXml(Width + 200, Height + 120);
    }

    public static string PrecisionRecall(IReadOnlyList<CompareResult> leading, int positive)
    {
        var plot = new Plot();
        foreach (var x in leading)
        {
            var (precision, recall, _) = RankingMetrics.PrecisionRecallCurve(
                x.OutOfFold!.Truth.Select(t => t == positive).ToArray(), x.OutOfFold.Scores!);
            var line = plot.Add.ScatterLine(recall, precision);
            line.LegendText = $"{x.Technique} + {x.Learner}";
        }
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.Title("Precision–recall");
        plot.ShowLegend();
        return plot.GetSvgXml(Width, Height);
    }

    public static string Roc(IReadOnlyList<CompareResult> leading, int positive)
    {
        var plot = new Plot();
        foreach (var x in leading)
        {
            var (fpr, tpr, _) = RankingMetrics.RocCurve(
                x.OutOfFold!.Truth.Select(t => t == positive).ToArray(), x.OutOfFold.Scores!);
            var line = plot.Add.ScatterLine(fpr, tpr);
            line.LegendText = $"{x.Technique} + {x.Learner}";
        }
        plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        plot.Title("ROC");
        plot.ShowLegend();
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>The objective against the threshold, with a dashed line at each threshold the workflow chose (at 0.5,
    /// the most probable class, when it chose none).</summary>
    public static string ThresholdCurve(IReadOnlyList<(double Threshold, double Score)> curve, string objective,
        IReadOnlyList<double> chosen, double? chosenMean)
    {
        var plot = new Plot();
        var points = curve.Where(c => double.IsFinite(c.Score)).ToArray();
        plot.Add.ScatterLine(points.Select(c => c.Threshold).ToArray(), points.Select(c => c.Score).ToArray());
        foreach (var t in chosen.Count > 0 ? chosen : [0.5]) plot.Add.VerticalLine(t).LinePattern = LinePattern.Dashed;
        plot.XLabel("threshold on the positive class's probability");
        plot.YLabel(objective);
        plot.Title(chosenMean is { } mean
            ? $"thresholds chosen in the folds (dashed): mean {Format(mean)}"
            : "not tuned: the most probable class (dashed: 0.5)");
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>A threshold as the report prints it.</summary>
    public static string Format(double threshold) =>
        threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    public static string Projection(ResampleResult resampled)
    {
        var data = resampled.ToDataset();
        var scores = PrincipalComponents.Scores(data.Numeric, data.RowCount, data.NumericCount, 2);
        var x = Enumerable.Range(0, data.RowCount).Select(i => scores[i * 2]).ToArray();
        var y = Enumerable.Range(0, data.RowCount).Select(i => scores[i * 2 + 1]).ToArray();
        var plot = new Plot();
        var n = resampled.KeptRows.Length;
        var original = plot.Add.ScatterPoints(x[..n], y[..n]);
        original.LegendText = "original rows";
        original.MarkerSize = 4;
        if (data.RowCount > n)
        {
            var synthetic = plot.Add.ScatterPoints(x[n..], y[n..]);
            synthetic.LegendText = "synthetic rows";
            synthetic.MarkerSize = 4;
            synthetic.Color = Colors.OrangeRed;
        }
        plot.XLabel("first principal component");
        plot.YLabel("second principal component");
        plot.ShowLegend();
        return plot.GetSvgXml(Width + 100, Height + 40);
    }
}
