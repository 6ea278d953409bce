namespace Imbalanced.ModelSelection;

/// <summary>How a combination compares with the best on the ranking metric: the corrected resampled t-test over the
/// paired fold scores; a difference with p ≥ 0.05 is within noise.</summary>
/// <param name="T">The t statistic (best minus this combination).</param>
/// <param name="P">The two-sided p-value.</param>
/// <param name="WithinNoise">Whether p ≥ 0.05.</param>
public sealed record VersusBest(double T, double P, bool WithinNoise)
{
    /// <summary><see cref="ModelSelection.Verdict.WithinNoise"/> or <see cref="ModelSelection.Verdict.Worse"/>.
    /// </summary>
    public Verdict Verdict => WithinNoise ? Verdict.WithinNoise : Verdict.Worse;

    /// <summary>The test of <paramref name="other"/>'s fold scores against <paramref name="best"/>'s, on the same folds
    /// (<paramref name="testToTrainRatio"/> as <see cref="CorrectedResampledTTest.Compare"/>).</summary>
    internal static VersusBest Of(IReadOnlyList<double> best, IReadOnlyList<double> other, double testToTrainRatio)
    {
        var (t, p) = CorrectedResampledTTest.Compare(best, other, testToTrainRatio);
        return new VersusBest(t, p, p >= 0.05);
    }
}
