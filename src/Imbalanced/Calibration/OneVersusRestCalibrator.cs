namespace Imbalanced.Calibration;

/// <summary>
/// A calibrator that maps each class's probability on its own, as scikit-learn's <c>CalibratedClassifierCV</c>: with
/// two classes only class 1's probability is mapped and class 0 gets its complement; with more, every class is mapped
/// and each row is renormalised to sum 1 (uniform when every mapped value is 0).
/// </summary>
public abstract class OneVersusRestCalibrator : ProbabilityCalibrator
{
    /// <summary>The calibrated probability of class <paramref name="c"/> for its raw probability
    /// <paramref name="p"/>.</summary>
    protected abstract double Map(int c, double p);

    /// <inheritdoc />
    public override double[] Apply(ReadOnlySpan<double> probabilities, int classes)
    {
        var result = new double[probabilities.Length];
        for (var o = 0; o < probabilities.Length; o += classes)
        {
            if (classes == 2)
            {
                var p = Math.Clamp(Map(1, probabilities[o + 1]), 0, 1);
                result[o] = 1 - p;
                result[o + 1] = p;
                continue;
            }
            double sum = 0;
            for (var c = 0; c < classes; c++) sum += result[o + c] = Math.Clamp(Map(c, probabilities[o + c]), 0, 1);
            for (var c = 0; c < classes; c++) result[o + c] = sum > 0 ? result[o + c] / sum : 1.0 / classes;
        }
        return result;
    }

    /// <summary>The classes a one-versus-rest calibrator is fitted for: class 1 only with two classes.</summary>
    internal static IEnumerable<int> FittedClasses(int classes) => classes == 2 ? [1] : Enumerable.Range(0, classes);
}
