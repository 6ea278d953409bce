using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary><c>inspect</c> draws the class distribution as a bar chart, as the seeds plot value_counts().</summary>
public class InspectChartTests
{
    [Fact]
    public void Inspect_draws_one_bar_per_class_as_long_as_its_count()
    {
        var rows = string.Concat(Enumerable.Range(0, 60)
            .Select(i => $"{i * 0.1},{(i < 40 ? "big" : i < 55 ? "mid" : "rare")}\n"));
        var r = Run("inspect", Write("a,y\n" + rows), "--target", "y");
        Assert.Equal(0, r.ExitCode);
        var bars = r.Stdout.Split('\n').Where(l => l.Contains('█')).Select(l => l.TrimStart()).ToList();
        Assert.Equal(3, bars.Count);
        Assert.StartsWith("big", bars[0]);
        Assert.StartsWith("mid", bars[1]);
        Assert.StartsWith("rare", bars[2]);
        var lengths = bars.Select(l => l.Count(c => c == '█')).ToList();
        Assert.True(lengths[0] > lengths[1] && lengths[1] > lengths[2], string.Join(",", lengths));
        Assert.InRange(lengths[0] / (double)lengths[2], 5.0, 16.0); // 40 : 5, bars rounded to whole characters
    }
}
