using Imbalanced.ModelSelection;
using Imbalanced.Numerics;

namespace Imbalanced.Tests.ModelSelection;

public class TTestTests
{
    [Theory]
    [InlineData(2.0, 9, 0.07655282377070093)] // 2 · scipy.stats.t.sf(t, df)
    [InlineData(1.0, 4, 0.373900966300059)]
    [InlineData(3.5, 19, 0.00239534668968281)]
    [InlineData(0.0, 5, 1.0)]
    public void Two_sided_p_values_match_scipy(double t, double df, double p) =>
        Assert.Equal(p, StudentT.TwoSidedP(t, df), 1e-10);

    [Fact]
    public void The_correction_widens_the_test()
    {
        double[] a = [0.80, 0.82, 0.79, 0.81, 0.83, 0.80, 0.82, 0.81, 0.80, 0.84];
        double[] b = [0.78, 0.81, 0.79, 0.80, 0.80, 0.79, 0.81, 0.80, 0.78, 0.82];
        var (tPlain, pPlain) = CorrectedResampledTTest.Compare(a, b, 0);
        var (tCorrected, pCorrected) = CorrectedResampledTTest.Compare(a, b, 1.0 / 4);
        Assert.True(tCorrected < tPlain);
        Assert.True(pCorrected > pPlain);
        Assert.Equal(1.0, CorrectedResampledTTest.Compare(a, a, 0.25).P);
    }
}
