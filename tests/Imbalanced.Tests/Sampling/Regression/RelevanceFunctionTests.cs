using System.Text.Json;
using Imbalanced.Sampling.Regression;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling.Regression;

public class RelevanceFunctionTests
{
    private static readonly Lazy<JsonElement> Fixture =
        new(() => JsonDocument.Parse(File.ReadAllText(Fixtures.Path("relevance.json"))).RootElement);

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Fixture.Value.GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static double[] Numbers(JsonElement e, string name) =>
        [.. e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble())];

    /// <summary>Box plot statistics, control points and relevance values equal those of make_relevance.py (R's
    /// fivenum and boxplot.stats, UBL's phi.control "extremes", scipy's cubic Hermite spline with slopes 0).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_fixture_computed_from_the_published_method(int index)
    {
        var c = Fixture.Value[index];
        var target = Numbers(c, "target");
        var phi = RelevanceFunction.FromBoxPlot(target);
        var box = phi.BoxPlot!;
        var five = Numbers(c, "fivenum");
        Assert.Equal(five, new[] { box.Min, box.LowerHinge, box.Median, box.UpperHinge, box.Max });
        Assert.Equal(c.GetProperty("lower_adjacent").GetDouble(), box.LowerAdjacent);
        Assert.Equal(c.GetProperty("upper_adjacent").GetDouble(), box.UpperAdjacent);
        var points = c.GetProperty("control_points").EnumerateArray()
            .Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray();
        Assert.Equal(points, phi.ControlPoints.Select(p => (p.Value, p.Relevance)));
        Assert.All(phi.ControlPoints, p => Assert.Equal(0, p.Slope));
        foreach (var (values, expected) in new[] { ("target", "relevance_of_target"), ("grid", "relevance_of_grid") })
        {
            var x = Numbers(c, values);
            var want = Numbers(c, expected);
            for (var i = 0; i < x.Length; i++) Assert.Equal(want[i], phi.Of(x[i]), 1e-12);
        }
    }

    /// <summary>Relevance is 0 at the median, 1 at and beyond an adjacent value with outliers beyond it, in [0, 1]
    /// everywhere, decreasing up to the median and increasing after it.</summary>
    [Fact]
    public void Is_zero_at_the_median_one_beyond_the_adjacent_values_and_monotone_between()
    {
        var rng = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = rng.Next(10, 200);
            var target = Enumerable.Range(0, n).Select(_ => Math.Exp(rng.NextDouble() * 3) * (rng.Next(2) * 2 - 1))
                .Concat([1e3, -1e3]).ToArray();
            var phi = RelevanceFunction.FromBoxPlot(target);
            var box = phi.BoxPlot!;
            Assert.Equal(0, phi.Of(box.Median));
            Assert.True(box.HasHighOutliers && box.HasLowOutliers);
            Assert.Equal(1, phi.Of(box.UpperAdjacent));
            Assert.Equal(1, phi.Of(box.LowerAdjacent));
            Assert.Equal(1, phi.Of(box.Max));
            Assert.Equal(1, phi.Of(box.Min));
            var previous = 1.0;
            for (var i = 0; i <= 400; i++)
            {
                var y = box.Min + (box.Max - box.Min) * i / 400;
                var r = phi.Of(y);
                Assert.InRange(r, 0, 1);
                if (y <= box.Median) Assert.True(r <= previous + 1e-15, $"not decreasing at {y}");
                else if (y - (box.Max - box.Min) / 400 > box.Median)
                    Assert.True(r >= previous - 1e-15, $"not increasing at {y}");
                previous = r;
            }
        }
    }

    /// <summary>Between the median (0) and an adjacent value (1), with slopes 0 at both, the Hermite cubic is
    /// 3t² − 2t³.</summary>
    [Fact]
    public void Between_median_and_adjacent_value_is_the_smoothstep_cubic()
    {
        double[] target = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30];
        var phi = RelevanceFunction.FromBoxPlot(target);
        var box = phi.BoxPlot!;
        Assert.Equal(6, box.Median);
        Assert.Equal(10, box.UpperAdjacent);
        foreach (var t in new[] { 0.1, 0.25, 0.5, 0.9 })
            Assert.Equal(3 * t * t - 2 * t * t * t, phi.Of(6 + 4 * t), 1e-12);
        Assert.Equal(0, phi.Of(1));
    }

    [Fact]
    public void Bins_are_runs_of_rare_or_common_sorted_targets()
    {
        double[] target = [50, 1, 48, 52, 49, 51, 200, 47, 53, 50, 49, 51, 210, -100];
        var phi = RelevanceFunction.FromBoxPlot(target);
        var bins = RelevanceBins.Of(target, phi, 0.8);
        Assert.Equal([true, false, true], bins.Bins.Select(b => b.Rare));
        // Hinges 48 and 52, adjacent values 47 and 53 (relevance 1 there); 48 and 52 have relevance 20/27 < 0.8.
        Assert.Equal([1, 7, 13], bins.Bins[0].Rows);
        Assert.Equal([6, 8, 12], bins.Bins[2].Rows);
        Assert.Equal((-100.0, 47.0), (bins.Bins[0].Low, bins.Bins[0].High));
        Assert.Equal(6, bins.RareRows);
        Assert.Throws<ArgumentOutOfRangeException>(() => RelevanceBins.Of(target, phi, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RelevanceBins.Of(target, phi, 1.5));
    }
}
