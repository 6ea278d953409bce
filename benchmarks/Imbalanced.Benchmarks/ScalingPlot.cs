using System.Globalization;
using ScottPlot;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>plot-scaling CSV PNG</c>: how cost grows with rows, from a CSV of <c>rows,series,seconds</c> lines (one per
/// measurement, as <c>benchmarks/approximate_neighbors.sh</c> appends them), drawn on log-log axes with one line per
/// series.
/// </summary>
internal static class ScalingPlot
{
    public static int Draw(string csv, string png)
    {
        var points = File.ReadLines(csv).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(f => (Rows: double.Parse(f[0], CultureInfo.InvariantCulture), Series: f[1],
                Seconds: double.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToArray();
        var plot = new Plot();
        foreach (var series in points.GroupBy(p => p.Series))
        {
            var sorted = series.OrderBy(p => p.Rows).ToArray();
            var line = plot.Add.Scatter(sorted.Select(p => Math.Log10(p.Rows)).ToArray(),
                sorted.Select(p => Math.Log10(p.Seconds)).ToArray());
            line.LegendText = series.Key;
            line.MarkerSize = 8;
        }
        var (rowTicks, rowLabels) = LogTicks(points.Select(p => p.Rows));
        var (secondTicks, secondLabels) = LogTicks(points.Select(p => p.Seconds));
        plot.Axes.Bottom.SetTicks(rowTicks, rowLabels);
        plot.Axes.Left.SetTicks(secondTicks, secondLabels);
        plot.XLabel("rows (log scale)");
        plot.YLabel("seconds (log scale)");
        plot.Title("5-NN of every row, 20 features: how cost grows with rows");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(png, 900, 560);
        Console.WriteLine($"wrote {png} ({points.Length} points)");
        return 0;
    }

    // Ticks at 1, 2 and 5 times each power of ten the values span, placed on the log10 axis.
    private static (double[] Positions, string[] Labels) LogTicks(IEnumerable<double> values)
    {
        var logs = values.Select(Math.Log10).ToArray();
        var ticks = new List<double>();
        for (var d = (int)Math.Floor(logs.Min()); d <= (int)Math.Ceiling(logs.Max()); d++)
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                var v = m * Math.Pow(10, d);
                if (Math.Log10(v) >= logs.Min() - 0.3 && Math.Log10(v) <= logs.Max() + 0.3) ticks.Add(v);
            }
        return ([.. ticks.Select(Math.Log10)],
            [.. ticks.Select(v => v.ToString("#,0.##", CultureInfo.InvariantCulture))]);
    }
}
