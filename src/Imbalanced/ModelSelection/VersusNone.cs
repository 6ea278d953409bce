namespace Imbalanced.ModelSelection;

/// <summary>How a combination compares with technique <c>none</c> and the same learner (same calibration and
/// threshold tuning) on the ranking metric, by the corrected resampled t-test over the paired folds.</summary>
/// <param name="Difference">The mean of this combination's metric minus that of <c>none</c> (positive when higher;
/// for a metric where lower is better a negative difference is an improvement).</param>
/// <param name="T">The t statistic (this combination minus <c>none</c>).</param>
/// <param name="P">The two-sided p-value.</param>
/// <param name="Verdict">Better, worse or within noise (p ≥ 0.05), better meaning better on the metric.</param>
public sealed record VersusNone(double Difference, double T, double P, Verdict Verdict);
