namespace Imbalanced.Sampling.Regression;

/// <summary>
/// A relevance function φ: target value → [0, 1], the notion of rarity of imbalanced regression (Ribeiro,
/// "Utility-based Regression", PhD thesis, University of Porto, 2011; Torgo et al. 2013; Branco et al. 2017). It
/// interpolates control points with a piecewise cubic Hermite polynomial whose slopes are made monotone by Fritsch
/// and Carlson's algorithm (1980), and is constant beyond the first and the last control point, as UBL's and IRon's
/// <c>phi</c> (<c>pchip.c</c>) are.
/// </summary>
/// <remarks>
/// <para>The automatic, box-plot based function (<see cref="FromBoxPlot"/>, UBL's
/// <c>phi.control(y, method = "extremes", extr.type = "both", coef = 1.5)</c>) puts relevance 0 at the median and
/// relevance 1 at each adjacent value (whisker end) beyond which the target has outliers, all with slope 0; on a
/// side without outliers the control point is the minimum (or maximum) with relevance 0. Between the median (0) and
/// an adjacent value (1) the relevance is then <c>3t² − 2t³</c>, t the position between them in [0, 1]; beyond
/// the adjacent value it is 1.</para>
/// </remarks>
/// <example>
/// <code>
/// var phi = RelevanceFunction.FromBoxPlot(target);
/// bool rare = phi.Of(120_000) &gt;= 0.8;
/// </code>
/// </example>
public sealed class RelevanceFunction
{
    private readonly double[] _x;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _c;
    private readonly double[] _d;

    private RelevanceFunction(RelevanceControlPoint[] points, BoxPlotStatistics? boxPlot)
    {
        var n = points.Length;
        ControlPoints = points;
        BoxPlot = boxPlot;
        _x = points.Select(p => p.Value).ToArray();
        _a = points.Select(p => p.Relevance).ToArray();
        var m = points.Select(p => p.Slope).ToArray();
        var h = new double[Math.Max(0, n - 1)];
        var delta = new double[h.Length];
        for (var i = 0; i < h.Length; i++)
        {
            h[i] = _x[i + 1] - _x[i];
            delta[i] = (_a[i + 1] - _a[i]) / h[i];
        }
        MonotoneSlopes(m, delta);
        _b = m;
        _c = new double[h.Length];
        _d = new double[h.Length];
        for (var i = 0; i < h.Length; i++)
        {
            _c[i] = (3 * delta[i] - 2 * m[i] - m[i + 1]) / h[i];
            _d[i] = (m[i] - 2 * delta[i] + m[i + 1]) / (h[i] * h[i]);
        }
    }

    /// <summary>The control points, by ascending value.</summary>
    public IReadOnlyList<RelevanceControlPoint> ControlPoints { get; }

    /// <summary>The box plot statistics the function was built from (<see cref="FromBoxPlot"/>), else null.</summary>
    public BoxPlotStatistics? BoxPlot { get; }

    /// <summary>The automatic relevance function of <paramref name="target"/> (UBL's
    /// <c>phi.control(method = "extremes", extr.type = "both")</c>): relevance 1 at the adjacent values beyond which
    /// there are outliers, 0 at the median (and at the minimum or maximum of a side without outliers).</summary>
    /// <param name="target">The target values (finite, at least one).</param>
    /// <param name="coef">How far the whiskers reach, in IQRs (1.5).</param>
    public static RelevanceFunction FromBoxPlot(ReadOnlySpan<double> target, double coef = 1.5)
    {
        var box = BoxPlotStatistics.Of(target, coef);
        var sorted = target.ToArray();
        Array.Sort(sorted);
        var points = new List<RelevanceControlPoint>();
        // An adjacent value equal to the median (a hinge spread of 0) would give two control points at one value,
        // which UBL leaves undefined (a division by 0); the nearest outlier takes relevance 1 there instead.
        if (box.HasLowOutliers)
            points.Add(new(box.LowerAdjacent < box.Median ? box.LowerAdjacent
                : sorted.Last(v => v < box.LowerAdjacent), 1, 0));
        else points.Add(new(box.Min, 0, 0));
        // As UBL: the median only when it differs from the minimum, the maximum only when it differs from the median.
        if (box.Median != box.Min) points.Add(new(box.Median, 0, 0));
        if (box.HasHighOutliers)
            points.Add(new(box.UpperAdjacent > box.Median ? box.UpperAdjacent
                : sorted.First(v => v > box.UpperAdjacent), 1, 0));
        else if (box.Median != box.Max) points.Add(new(box.Max, 0, 0));
        return new RelevanceFunction([.. points], box);
    }

    /// <summary>A relevance function through the given control points (UBL's <c>method = "range"</c> with slopes).
    /// </summary>
    /// <param name="points">Control points with strictly increasing values and relevance in [0, 1].</param>
    public static RelevanceFunction FromControlPoints(IReadOnlyList<RelevanceControlPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("at least one control point is needed", nameof(points));
        for (var i = 0; i < points.Count; i++)
        {
            if (!(points[i].Relevance is >= 0 and <= 1) || !double.IsFinite(points[i].Value)
                || !double.IsFinite(points[i].Slope))
                throw new ArgumentException($"control point {i}: relevance must be in [0, 1], value and slope finite",
                    nameof(points));
            if (i > 0 && !(points[i].Value > points[i - 1].Value))
                throw new ArgumentException("control point values must increase strictly", nameof(points));
        }
        return new RelevanceFunction([.. points], null);
    }

    /// <summary>The relevance of target value <paramref name="y"/>, in [0, 1].</summary>
    public double Of(double y)
    {
        var n = _x.Length;
        // The interval [x_i, x_{i+1}) holding y; below the first and from the last point on, the end point's value
        // (pchip.c's linear extrapolation with the end slope, which the box-plot method sets to 0).
        var i = Array.BinarySearch(_x, y);
        if (i < 0) i = ~i - 1;
        if (i < 0) return Math.Clamp(_a[0] + _b[0] * (y - _x[0]), 0, 1);
        if (i >= n - 1) return Math.Clamp(_a[n - 1] + _b[n - 1] * (y - _x[n - 1]), 0, 1);
        var s = y - _x[i];
        return Math.Clamp(_a[i] + s * (_b[i] + s * (_c[i] + s * _d[i])), 0, 1);
    }

    /// <summary>Fritsch and Carlson's (1980) change of the slopes <paramref name="m"/> so that every piece is monotone
    /// (as UBL's <c>pchip_slope_monoFC</c>, after R's <c>splinefunH</c>).</summary>
    private static void MonotoneSlopes(double[] m, double[] delta)
    {
        for (var k = 0; k < delta.Length; k++)
        {
            var sk = delta[k];
            var k1 = k + 1;
            if (sk == 0)
            {
                m[k] = m[k1] = 0;
                continue;
            }
            double alpha = m[k] / sk, beta = m[k1] / sk;
            if (m[k] != 0 && alpha < 0)
            {
                m[k] = -m[k];
                alpha = m[k] / sk;
            }
            if (m[k1] != 0 && beta < 0)
            {
                m[k1] = -m[k1];
                beta = m[k1] / sk;
            }
            double a2b3 = 2 * alpha + beta - 3, ab23 = alpha + 2 * beta - 3;
            if (a2b3 > 0 && ab23 > 0 && alpha * (a2b3 + ab23) < a2b3 * a2b3)
            {
                var tauS = 3 * sk / Math.Sqrt(alpha * alpha + beta * beta);
                m[k] = tauS * alpha;
                m[k1] = tauS * beta;
            }
        }
    }
}
