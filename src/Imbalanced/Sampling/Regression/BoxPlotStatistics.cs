namespace Imbalanced.Sampling.Regression;

/// <summary>
/// The box plot statistics of a set of values as R's <c>boxplot.stats</c> computes them, which the automatic
/// relevance function of Ribeiro (2011) and UBL's <c>phi.control(method = "extremes")</c> read: Tukey's five-number
/// summary (<c>fivenum</c>: minimum, lower hinge, median, upper hinge, maximum) and the adjacent values, the most
/// extreme values within <c>coef · (upper hinge − lower hinge)</c> of the hinges.
/// </summary>
/// <param name="Count">Number of values.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="LowerAdjacent">Smallest value not below <c>LowerHinge − coef · IQR</c>.</param>
/// <param name="LowerHinge">Tukey's lower hinge (the first quartile of <c>fivenum</c>).</param>
/// <param name="Median">The median.</param>
/// <param name="UpperHinge">Tukey's upper hinge (the third quartile of <c>fivenum</c>).</param>
/// <param name="UpperAdjacent">Largest value not above <c>UpperHinge + coef · IQR</c>.</param>
/// <param name="Max">Largest value.</param>
/// <example><code>var box = BoxPlotStatistics.Of([1, 2, 3, 4, 100]); // UpperAdjacent 4, Max 100</code></example>
public sealed record BoxPlotStatistics(int Count, double Min, double LowerAdjacent, double LowerHinge, double Median,
    double UpperHinge, double UpperAdjacent, double Max)
{
    /// <summary>Whether some value lies below the lower adjacent value (a low outlier).</summary>
    public bool HasLowOutliers => Min < LowerAdjacent;

    /// <summary>Whether some value lies above the upper adjacent value (a high outlier).</summary>
    public bool HasHighOutliers => Max > UpperAdjacent;

    /// <summary>The statistics of <paramref name="values"/> (finite, at least one).</summary>
    /// <param name="values">The values, in any order.</param>
    /// <param name="coef">How far the whiskers reach, in IQRs (R's default 1.5).</param>
    public static BoxPlotStatistics Of(ReadOnlySpan<double> values, double coef = 1.5)
    {
        if (values.IsEmpty) throw new ArgumentException("no values", nameof(values));
        if (!(coef > 0)) throw new ArgumentOutOfRangeException(nameof(coef), coef, "coef must be positive");
        var x = values.ToArray();
        Array.Sort(x);
        var n = x.Length;
        // fivenum: n4 = floor((n + 3) / 2) / 2; d = (1, n4, (n + 1) / 2, n + 1 − n4, n), 1-based; each statistic is
        // the mean of x[floor(d)] and x[ceiling(d)].
        var n4 = Math.Floor((n + 3) / 2.0) / 2;
        double At(double d) => 0.5 * (x[(int)Math.Floor(d) - 1] + x[(int)Math.Ceiling(d) - 1]);
        double lower = At(n4), median = At((n + 1) / 2.0), upper = At(n + 1 - n4);
        var iqr = upper - lower;
        double low = lower - coef * iqr, high = upper + coef * iqr;
        var lowerAdjacent = x.First(v => v >= low);
        var upperAdjacent = x.Last(v => v <= high);
        return new BoxPlotStatistics(n, x[0], lowerAdjacent, lower, median, upper, upperAdjacent, x[^1]);
    }
}
