using System.Globalization;
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

    /// <summary>Pixels per combination in the results chart: room for one line of label text and a gap.</summary>
    private const int RowHeight = 22;

    /// <summary>The equal-width bins of the reliability diagrams (as the metric expected_calibration_error).</summary>
    private const int ReliabilityBins = 10;

    private static readonly Color BestColor = Colors.SeaGreen;
    private static readonly Color TiedColor = Colors.SteelBlue;
    private static readonly Color WorseColor = Colors.LightGray;

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

    /// <summary>One horizontal bar per combination, in rank order from the top, labelled "technique + learner": the
    /// mean of <paramref name="metric"/> with its sd as an error bar and written after it, coloured by the verdict
    /// against <paramref name="best"/>. Each row has <see cref="RowHeight"/> pixels, so that every label stays legible
    /// however many rows there are.</summary>
    public static string Results(IReadOnlyList<CompareResult> ranked, string metric, CompareResult best)
    {
        var plot = new Plot();
        var bars = ranked.Select((x, i) => new Bar
        {
            Position = -i,
            Value = x.Metrics[metric].Mean,
            Error = x.Metrics[metric].Std,
            FillColor = VerdictColor(x, best),
        }).ToArray();
        plot.Add.Bars(bars).Horizontal = true;
        foreach (var (x, bar) in ranked.Zip(bars))
        {
            var value = plot.Add.Text($"{Number(bar.Value)} ± {Number(bar.Error)}", bar.Value + bar.Error,
                bar.Position);
            value.LabelFontSize = 11;
            value.LabelAlignment = Alignment.MiddleLeft;
            value.OffsetX = 4;
            value.LabelBold = x == best;
        }
        plot.Axes.Left.SetTicks(bars.Select(b => b.Position).ToArray(), ranked.Select(Name).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var low = bars.Min(b => b.Value - b.Error);
        var high = bars.Max(b => b.Value + b.Error);
        var span = Math.Max(high - low, Math.Max(Math.Abs(high), 1) * 0.01);
        // Bars start at 0 but the axis starts near the lowest value (at 0 at most for a metric that is never
        // negative), so that differences show; the room on the right is for the written values.
        plot.Axes.SetLimits(low >= 0 ? Math.Max(0, low - 0.1 * span) : low - 0.1 * span, high + 0.45 * span,
            0.6 - ranked.Count, 0.6);
        foreach (var (text, color) in new[]
                 {
                     ("best", BestColor), ("within noise of the best", TiedColor),
                     ("worse than the best beyond noise", WorseColor),
                 })
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
        plot.ShowLegend(Edge.Bottom);
        plot.XLabel($"{metric}{Direction(metric)}, mean ± sd");
        plot.Title("Results, best at the top");
        return plot.GetSvgXml(Width + 380, 220 + RowHeight * ranked.Count);
    }

    public static string PrecisionRecall(IReadOnlyList<CompareResult> leading, int positive)
    {
        var plot = Overlay(leading, positive, (truth, scores) =>
        {
            var (precision, recall, _) = RankingMetrics.PrecisionRecallCurve(truth, scores);
            return (recall, precision, "");
        }, Alignment.LowerLeft);
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.Title("Precision–recall");
        return plot.GetSvgXml(Width, Height);
    }

    public static string Roc(IReadOnlyList<CompareResult> leading, int positive)
    {
        var plot = Overlay(leading, positive, (truth, scores) =>
        {
            var (fpr, tpr, _) = RankingMetrics.RocCurve(truth, scores);
            return (fpr, tpr, "");
        }, Alignment.LowerRight, diagonal: true);
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate");
        plot.Title("ROC");
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>The reliability diagram of each of <paramref name="leading"/>: the observed fraction of positives
    /// against the mean predicted probability in each non-empty one of <see cref="ReliabilityBins"/> equal-width bins
    /// of the pooled out-of-fold probabilities, with the diagonal of perfect calibration and each curve's expected
    /// calibration error (over the same bins) in the legend.</summary>
    public static string Reliability(IReadOnlyList<CompareResult> leading, int positive)
    {
        var plot = Overlay(leading, positive, (truth, scores) =>
        {
            var bins = RankingMetrics.ReliabilityCurve(truth, scores, ReliabilityBins);
            var ece = RankingMetrics.ExpectedCalibrationError(truth, scores, ReliabilityBins);
            return (bins.Select(b => b.Predicted).ToArray(), bins.Select(b => b.Observed).ToArray(),
                $" (ECE {Number(ece)})");
        }, Alignment.UpperLeft, diagonal: true, markers: true);
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.XLabel($"mean predicted probability ({ReliabilityBins} equal-width bins)");
        plot.YLabel("observed fraction of positives");
        plot.Title("Reliability (dashed: perfectly calibrated)");
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>A curve for each of <paramref name="leading"/> from its pooled out-of-fold truth and positive-class
    /// probabilities, legend "technique + learner" and what <paramref name="curve"/> adds; with
    /// <paramref name="diagonal"/>, over the dashed diagonal.</summary>
    private static Plot Overlay(IReadOnlyList<CompareResult> leading, int positive,
        Func<bool[], double[], (double[] X, double[] Y, string Legend)> curve, Alignment legendAt,
        bool diagonal = false, bool markers = false)
    {
        var plot = new Plot();
        foreach (var x in leading)
        {
            var (xs, ys, legend) = curve(Positives(x.OutOfFold!, positive), x.OutOfFold!.Scores!);
            var line = plot.Add.Scatter(xs, ys);
            line.MarkerSize = markers ? 6 : 0;
            line.LegendText = Name(x) + legend;
        }
        if (diagonal)
        {
            var line = plot.Add.Line(0, 0, 1, 1);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
        }
        plot.ShowLegend(legendAt);
        return plot;
    }

    /// <summary>Whether each row of <paramref name="oof"/> is of class <paramref name="positive"/>.</summary>
    public static bool[] Positives(OutOfFold oof, int positive) => oof.Truth.Select(t => t == positive).ToArray();

    /// <summary>A combination as the report names it: "technique + learner".</summary>
    public static string Name(CompareResult x) => $"{TechniqueName(x)} + {x.Learner}";

    /// <summary>The technique, and the sampler that ran for it when that differs ("smote (as smote-nc)").</summary>
    public static string TechniqueName(CompareResult x) =>
        x.RanAs == x.Technique ? x.Technique : $"{x.Technique} (as {x.RanAs})";

    /// <summary>" (lower is better)" after a metric where it is (<see cref="CompareWorkflow.LowerIsBetter"/>), else
    /// nothing.</summary>
    public static string Direction(string metric) => CompareWorkflow.LowerIsBetter(metric) ? " (lower is better)" : "";

    /// <summary>A metric's value as the report prints it (4 decimals, invariant culture).</summary>
    public static string Number(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static Color VerdictColor(CompareResult x, CompareResult best) =>
        x == best ? BestColor : x.VersusBest?.Verdict == Verdict.WithinNoise ? TiedColor : WorseColor;

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
        threshold.ToString("0.###", CultureInfo.InvariantCulture);

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
