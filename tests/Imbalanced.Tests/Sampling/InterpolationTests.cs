using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Tests.Sampling;

public class InterpolationTests
{
    [Fact]
    public void Ordinary_values_use_imbalanced_learns_formula_exactly()
    {
        double[] b = [0.1, -3.7], n = [2.9, 5.3];
        var d = new double[2];
        Interpolation.Write(b, n, 0.37, d);
        Assert.Equal(0.1 + 0.37 * (2.9 - 0.1), d[0]);
        Assert.Equal(-3.7 + 0.37 * (5.3 - -3.7), d[1]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    [InlineData(1.0)]
    public void Values_near_the_largest_double_stay_finite_and_between_the_two_rows(double gap)
    {
        double[] b = [-1.7e308, double.MaxValue, -double.MaxValue], n = [1.7e308, -double.MaxValue, double.MaxValue];
        var d = new double[3];
        Interpolation.Write(b, n, gap, d);
        for (var j = 0; j < 3; j++)
        {
            Assert.True(double.IsFinite(d[j]), $"column {j}: {d[j]}");
            Assert.InRange(d[j], Math.Min(b[j], n[j]), Math.Max(b[j], n[j]));
        }
        Assert.Equal(-1.7e308 * (1 - gap) + 1.7e308 * gap, d[0], 1e295);
    }
}
