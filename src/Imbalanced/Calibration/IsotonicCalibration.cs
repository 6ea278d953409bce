namespace Imbalanced.Calibration;

/// <summary>
/// Isotonic calibration (Zadrozny and Elkan, "Transforming Classifier Scores into Accurate Multiclass Probability
/// Estimates", KDD 2002): the non-decreasing step function of a class's raw probability closest in squared error to
/// the held-out truth (pool adjacent violators, equal raw values pooled first), interpolated linearly between its
/// points and clipped beyond them, as scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c> inside
/// <c>CalibratedClassifierCV(method="isotonic")</c>. One-versus-rest (<see cref="OneVersusRestCalibrator"/>).
/// </summary>
/// <example><code>var isotonic = IsotonicCalibration.Fit(outOfFoldProbabilities, truth, classes: 2);</code></example>
public sealed class IsotonicCalibration : OneVersusRestCalibrator
{
    /// <summary>The fitted functions, one list of points (raw, calibrated) per class, ascending in both (class 0's
    /// empty with two classes).</summary>
    /// <exception cref="ArgumentException">A point is not finite, or a list is not ascending.</exception>
    public IsotonicCalibration(IReadOnlyList<IReadOnlyList<(double X, double Y)>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var list in points)
            for (var i = 0; i < list.Count; i++)
                if (!double.IsFinite(list[i].X) || !double.IsFinite(list[i].Y)
                    || i > 0 && (list[i].X < list[i - 1].X || list[i].Y < list[i - 1].Y))
                    throw new ArgumentException("isotonic points must be finite and ascending", nameof(points));
        Points = points;
    }

    /// <summary>The points of each class's function.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> Points { get; }

    /// <inheritdoc />
    public override CalibrationMethod Method => CalibrationMethod.Isotonic;

    /// <summary>Fits a function per class on held-out row-major <paramref name="probabilities"/>.</summary>
    public static IsotonicCalibration Fit(ReadOnlySpan<double> probabilities, IReadOnlyList<int> truth, int classes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var points = new IReadOnlyList<(double, double)>[classes];
        for (var c = 0; c < classes; c++) points[c] = [];
        foreach (var c in FittedClasses(classes))
        {
            var pairs = new (double X, double Y)[truth.Count];
            for (var i = 0; i < pairs.Length; i++) pairs[i] = (probabilities[i * classes + c], truth[i] == c ? 1 : 0);
            points[c] = FitOne(pairs);
        }
        return new IsotonicCalibration(points);
    }

    /// <inheritdoc />
    protected override double Map(int c, double p)
    {
        var pts = Points[c];
        if (pts.Count == 0) return p;
        if (p <= pts[0].X) return pts[0].Y;
        if (p >= pts[^1].X) return pts[^1].Y;
        int lo = 0, hi = pts.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (pts[mid].X <= p) lo = mid; else hi = mid;
        }
        var (x0, y0) = pts[lo];
        var (x1, y1) = pts[hi];
        return x1 == x0 ? y1 : y0 + (y1 - y0) * (p - x0) / (x1 - x0);
    }

    private static (double, double)[] FitOne((double X, double Y)[] pairs)
    {
        Array.Sort(pairs, (u, v) => u.X.CompareTo(v.X));
        // Equal raw values pooled first (weight = count), then pool adjacent violators.
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        foreach (var (px, py) in pairs)
        {
            if (x.Count > 0 && x[^1] == px)
            {
                y[^1] = (y[^1] * w[^1] + py) / (w[^1] + 1);
                w[^1]++;
            }
            else
            {
                x.Add(px);
                y.Add(py);
                w.Add(1);
            }
        }
        // blocks: value, weight, first and last index into x
        var value = new List<double>();
        var weight = new List<double>();
        var first = new List<int>();
        for (var i = 0; i < x.Count; i++)
        {
            value.Add(y[i]);
            weight.Add(w[i]);
            first.Add(i);
            while (value.Count > 1 && value[^2] > value[^1])
            {
                var total = weight[^2] + weight[^1];
                value[^2] = (value[^2] * weight[^2] + value[^1] * weight[^1]) / total;
                weight[^2] = total;
                value.RemoveAt(value.Count - 1);
                weight.RemoveAt(weight.Count - 1);
                first.RemoveAt(first.Count - 1);
            }
        }
        // Each block contributes its first and last point (the function is flat inside a block).
        var points = new List<(double, double)>();
        for (var b = 0; b < value.Count; b++)
        {
            var last = b + 1 < value.Count ? first[b + 1] - 1 : x.Count - 1;
            points.Add((x[first[b]], value[b]));
            if (last != first[b]) points.Add((x[last], value[b]));
        }
        return points.ToArray();
    }
}
