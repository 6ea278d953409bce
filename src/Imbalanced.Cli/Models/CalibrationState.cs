using Imbalanced.Calibration;

namespace Imbalanced.Cli.Models;

/// <summary>A calibrator as the model file stores it.</summary>
/// <param name="Method">prior, sigmoid, isotonic or none.</param>
/// <param name="TruePrior">Prior correction: the prior mapped to.</param>
/// <param name="FittedPrior">Prior correction: the prior the model was fitted on.</param>
/// <param name="Platt">Sigmoid: (A, B) per class.</param>
/// <param name="Isotonic">Isotonic: the points (x, y) of each class.</param>
internal sealed record CalibrationState(string Method, double[]? TruePrior, double[]? FittedPrior, double[][]? Platt,
    double[][][]? Isotonic)
{
    public static CalibrationState Of(ProbabilityCalibrator calibrator) => calibrator switch
    {
        PriorCorrection p => new("prior", [.. p.TruePrior], [.. p.FittedPrior], null, null),
        PlattScaling s => new("sigmoid", null, null, s.Parameters.Select(x => new[] { x.A, x.B }).ToArray(), null),
        IsotonicCalibration i => new("isotonic", null, null, null,
            i.Points.Select(list => list.Select(x => new[] { x.X, x.Y }).ToArray()).ToArray()),
        _ => new("none", null, null, null, null),
    };

    /// <summary>The calibrator.</summary>
    /// <exception cref="ArgumentException">The stored values do not make one.</exception>
    public ProbabilityCalibrator Restore() => Method switch
    {
        "prior" => new PriorCorrection(TruePrior ?? throw Missing("truePrior"),
            FittedPrior ?? throw Missing("fittedPrior")),
        "sigmoid" => new PlattScaling((Platt ?? throw Missing("platt"))
            .Select(x => x is [var a, var b] ? (a, b) : throw Missing("platt pairs")).ToArray()),
        "isotonic" => new IsotonicCalibration((Isotonic ?? throw Missing("isotonic"))
            .Select(list => (IReadOnlyList<(double, double)>)(list ?? throw Missing("isotonic points"))
                .Select(x => x is [var a, var b] ? (a, b) : throw Missing("isotonic pairs")).ToArray())
            .ToArray()),
        "none" => ProbabilityCalibrator.Identity,
        _ => throw new ArgumentException($"unknown calibration '{Method}'"),
    };

    private static ArgumentException Missing(string what) => new($"the calibration lacks its {what}");
}
