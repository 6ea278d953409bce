namespace Imbalanced.Calibration;

/// <summary>
/// Platt scaling (Platt, "Probabilistic Outputs for Support Vector Machines", 1999): the calibrated probability of a
/// class is <c>1 / (1 + exp(A·f + B))</c> of its raw probability f, with A and B minimising the log loss against
/// Platt's smoothed targets <c>(N₊ + 1)/(N₊ + 2)</c> and <c>1/(N₋ + 2)</c>, as scikit-learn's
/// <c>CalibratedClassifierCV(method="sigmoid")</c>; solved by Newton's method with backtracking (Lin, Lin and Weng,
/// Machine Learning 68, 2007). One-versus-rest (<see cref="OneVersusRestCalibrator"/>).
/// </summary>
/// <example><code>var platt = PlattScaling.Fit(outOfFoldProbabilities, truth, classes: 2);</code></example>
public sealed class PlattScaling : OneVersusRestCalibrator
{
    /// <summary>The fitted curves, one (A, B) per class (class 0's unused with two classes).</summary>
    /// <param name="parameters">(A, B) of each class.</param>
    /// <exception cref="ArgumentException">A parameter is not finite.</exception>
    public PlattScaling(IReadOnlyList<(double A, double B)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Any(p => !double.IsFinite(p.A) || !double.IsFinite(p.B)))
            throw new ArgumentException("Platt parameters must be finite", nameof(parameters));
        Parameters = parameters.ToArray();
    }

    /// <summary>(A, B) of each class.</summary>
    public IReadOnlyList<(double A, double B)> Parameters { get; }

    /// <inheritdoc />
    public override CalibrationMethod Method => CalibrationMethod.Sigmoid;

    /// <summary>Fits a curve per class on held-out row-major <paramref name="probabilities"/>.</summary>
    public static PlattScaling Fit(ReadOnlySpan<double> probabilities, IReadOnlyList<int> truth, int classes)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var parameters = new (double, double)[classes];
        var f = new double[truth.Count];
        foreach (var c in FittedClasses(classes))
        {
            for (var i = 0; i < f.Length; i++) f[i] = probabilities[i * classes + c];
            parameters[c] = FitOne(f, truth.Select(t => t == c).ToArray());
        }
        return new PlattScaling(parameters);
    }

    /// <inheritdoc />
    protected override double Map(int c, double p) => Sigmoid(-(Parameters[c].A * p + Parameters[c].B));

    private static (double A, double B) FitOne(double[] f, bool[] y)
    {
        double positives = y.Count(v => v), negatives = y.Length - positives;
        double hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2);
        var t = y.Select(v => v ? hi : lo).ToArray();
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var loss = Loss(f, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            // gradient and Hessian of the loss in (a, b); p = P(y = 1) = σ(−(a f + b)), ∂loss/∂z = t − p, z = a f + b
            double g1 = 0, g2 = 0, h11 = 1e-12, h22 = 1e-12, h21 = 0;
            for (var i = 0; i < f.Length; i++)
            {
                var p = Sigmoid(-(a * f[i] + b));
                var d = t[i] - p;
                var w = p * (1 - p);
                g1 += f[i] * d;
                g2 += d;
                h11 += f[i] * f[i] * w;
                h22 += w;
                h21 += f[i] * w;
            }
            if (Math.Abs(g1) < 1e-10 && Math.Abs(g2) < 1e-10) break;
            var det = h11 * h22 - h21 * h21;
            var da = -(h22 * g1 - h21 * g2) / det;
            var db = -(-h21 * g1 + h11 * g2) / det;
            var gd = g1 * da + g2 * db;
            var step = 1.0;
            for (; step >= 1e-10; step /= 2)
            {
                var candidate = Loss(f, t, a + step * da, b + step * db);
                if (candidate < loss + 1e-4 * step * gd)
                {
                    a += step * da;
                    b += step * db;
                    loss = candidate;
                    break;
                }
            }
            if (step < 1e-10) break;
        }
        return (a, b);
    }

    private static double Loss(double[] f, double[] t, double a, double b)
    {
        double loss = 0;
        for (var i = 0; i < f.Length; i++)
        {
            // log-sum-exp safe form of −(t log p + (1 − t) log(1 − p)), p = σ(−z)
            var z = a * f[i] + b;
            loss += z >= 0 ? t[i] * z + Math.Log(1 + Math.Exp(-z)) : (t[i] - 1) * z + Math.Log(1 + Math.Exp(z));
        }
        return loss;
    }

    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
