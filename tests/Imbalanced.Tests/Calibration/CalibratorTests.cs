using Imbalanced.Calibration;

namespace Imbalanced.Tests.Calibration;

public class CalibratorTests
{
    // 40 held-out probabilities of class 1 and their truth, from numpy's RandomState(0) (0.568 appears twice).
    private static readonly double[] F =
    [
        0.549, 0.715, 0.603, 0.545, 0.424, 0.646, 0.438, 0.892, 0.964, 0.383, 0.792, 0.529, 0.568, 0.926, 0.071, 0.087,
        0.02, 0.833, 0.778, 0.87, 0.979, 0.799, 0.461, 0.781, 0.118, 0.64, 0.143, 0.945, 0.522, 0.415, 0.265, 0.774,
        0.456, 0.568, 0.019, 0.618, 0.612, 0.617, 0.944, 0.682,
    ];

    private static readonly int[] Y =
    [
        0, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1,
        1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1,
    ];

    private static double[] Binary(IEnumerable<double> p) => p.SelectMany(v => new[] { 1 - v, v }).ToArray();

    [Fact]
    public void Platt_scaling_finds_scikit_learns_sigmoid()
    {
        // scikit-learn 1.2.1: sklearn.calibration._sigmoid_calibration(F, Y) = (-9.753346447018352, 5.654144762176172),
        // where its BFGS stops at gtol 1e-5; the optimum (scipy BFGS at gtol 1e-12) is (-9.753335676812215,
        // 5.654139928890921), which Newton's method reaches.
        var platt = PlattScaling.Fit(Binary(F), Y, 2);

        Assert.Equal(-9.753335676812215, platt.Parameters[1].A, 1e-6);
        Assert.Equal(5.654139928890921, platt.Parameters[1].B, 1e-6);
        Assert.Equal(-9.753346447018352, platt.Parameters[1].A, 1e-4);
        Assert.Equal(5.654144762176172, platt.Parameters[1].B, 1e-4);
        var p = platt.Apply(Binary([0.3]), 2);
        Assert.Equal(1 / (1 + Math.Exp(-9.753346447018352 * 0.3 + 5.654144762176172)), p[1], 1e-6);
        Assert.Equal(1, p[0] + p[1], 15);
    }

    [Fact]
    public void Isotonic_calibration_predicts_as_scikit_learns_isotonic_regression()
    {
        // scikit-learn 1.2.1: IsotonicRegression(out_of_bounds="clip").fit(F, Y).predict(q)
        double[] q = [0.0, 0.05, 0.2, 0.333, 0.5, 0.71, 0.9, 1.0];
        double[] expected = [0, 0, 0, 0, 0.14285714285714285, 1, 1, 1];

        var p = IsotonicCalibration.Fit(Binary(F), Y, 2).Apply(Binary(q), 2);

        for (var i = 0; i < q.Length; i++) Assert.Equal(expected[i], p[i * 2 + 1], 12);
    }

    [Fact]
    public void Prior_correction_maps_a_balanced_models_probabilities_back_to_the_true_prior()
    {
        var correction = new PriorCorrection([0.9, 0.1], [0.5, 0.5]);

        var back = correction.Apply([0.5, 0.5], 2);
        Assert.Equal(0.9, back[0], 12);
        Assert.Equal(0.1, back[1], 12);
        // p'(1|x) ∝ 0.8 · 0.1 / 0.5 against 0.2 · 0.9 / 0.5
        Assert.Equal(0.08 / (0.08 + 0.18), correction.Apply([0.2, 0.8], 2)[1], 12);
        Assert.Equal(0.7, new PriorCorrection([1, 3], [1, 3]).Apply([0.3, 0.7], 2)[1], 12);
    }

    [Fact]
    public void Several_classes_are_calibrated_one_versus_rest_and_renormalised()
    {
        int[] truth = [0, 1, 2, 0, 1, 2, 0, 1, 2];
        var probabilities = truth.SelectMany(t => Enumerable.Range(0, 3).Select(c => c == t ? 0.6 : 0.2)).ToArray();

        var p = IsotonicCalibration.Fit(probabilities, truth, 3).Apply(probabilities, 3);

        for (var i = 0; i < truth.Length; i++)
        {
            Assert.Equal(1, p[i * 3] + p[i * 3 + 1] + p[i * 3 + 2], 12);
            Assert.Equal(1, p[i * 3 + truth[i]], 12);
        }
    }
}
