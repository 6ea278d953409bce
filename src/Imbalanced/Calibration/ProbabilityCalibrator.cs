namespace Imbalanced.Calibration;

/// <summary>
/// Maps a model's class probabilities to calibrated ones. Fitted on the training part only (prior correction from its
/// class counts; <see cref="PlattScaling"/> and <see cref="IsotonicCalibration"/> from out-of-fold probabilities of
/// inner folds), then applied unchanged to every row scored.
/// </summary>
public abstract class ProbabilityCalibrator
{
    /// <summary>The method.</summary>
    public abstract CalibrationMethod Method { get; }

    /// <summary>The calibrated probabilities of row-major <paramref name="probabilities"/> (rows ×
    /// <paramref name="classes"/>), in a new array; each row sums to 1.</summary>
    public abstract double[] Apply(ReadOnlySpan<double> probabilities, int classes);

    /// <summary>The calibrator that changes nothing (<see cref="CalibrationMethod.None"/>).</summary>
    public static ProbabilityCalibrator Identity { get; } = new IdentityCalibration();

    /// <summary>Fits <see cref="PlattScaling"/> or <see cref="IsotonicCalibration"/> on held-out probabilities.
    /// </summary>
    /// <param name="method"><see cref="CalibrationMethod.Sigmoid"/> or <see cref="CalibrationMethod.Isotonic"/>.
    /// </param>
    /// <param name="probabilities">Row-major out-of-fold probabilities, rows × <paramref name="classes"/>.</param>
    /// <param name="truth">The class code of each row.</param>
    /// <param name="classes">The number of classes.</param>
    /// <exception cref="ArgumentException">The method is not one fitted on held-out probabilities.</exception>
    public static ProbabilityCalibrator Fit(CalibrationMethod method, ReadOnlySpan<double> probabilities,
        IReadOnlyList<int> truth, int classes) => method switch
        {
            CalibrationMethod.Sigmoid => PlattScaling.Fit(probabilities, truth, classes),
            CalibrationMethod.Isotonic => IsotonicCalibration.Fit(probabilities, truth, classes),
            _ => throw new ArgumentException($"{method} is not fitted on held-out probabilities", nameof(method)),
        };

    private sealed class IdentityCalibration : ProbabilityCalibrator
    {
        public override CalibrationMethod Method => CalibrationMethod.None;

        public override double[] Apply(ReadOnlySpan<double> probabilities, int classes) => probabilities.ToArray();
    }
}
