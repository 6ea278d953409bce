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

    /// <summary>What makes the stored values unfit to calibrate the probabilities of <paramref name="classes"/>
    /// classes (each part one value per class, finite, priors class shares, isotonic points ascending), in words
    /// that follow the manifest's name; null when nothing does, and <see cref="Restore"/> then succeeds.</summary>
    public string? Problem(int classes)
    {
        string Sizes(string what, int count) => $"has a {what} calibration for {count} classes, not its {classes}";
        switch (Method)
        {
            case "none":
                return null;
            case "prior":
                if (TruePrior is null || FittedPrior is null) return "has a prior correction without its priors";
                if (TruePrior.Length != classes) return Sizes("prior", TruePrior.Length);
                if (FittedPrior.Length != classes) return Sizes("prior", FittedPrior.Length);
                return IsPrior(TruePrior) && IsPrior(FittedPrior)
                    ? null
                    : "has a prior correction whose priors are not class shares";
            case "sigmoid":
                if (Platt is null) return "has a sigmoid calibration without its parameters";
                if (Platt.Length != classes) return Sizes("sigmoid", Platt.Length);
                return Platt.All(x => x is [var a, var b] && double.IsFinite(a) && double.IsFinite(b))
                    ? null
                    : "has a sigmoid calibration whose parameters are not pairs of finite numbers";
            case "isotonic":
                if (Isotonic is null) return "has an isotonic calibration without its points";
                if (Isotonic.Length != classes) return Sizes("isotonic", Isotonic.Length);
                return Isotonic.All(IsCurve)
                    ? null
                    : "has an isotonic calibration whose points are not finite (x, y) pairs, both ascending";
            default:
                return $"has an unknown calibration '{Method}'";
        }
    }

    /// <summary>Whether <paramref name="prior"/> can be class shares: finite values of at least 0, summing to more
    /// than 0 (<see cref="PriorCorrection"/> normalises them).</summary>
    public static bool IsPrior(IReadOnlyList<double> prior) =>
        prior.All(p => double.IsFinite(p) && p >= 0) && prior.Sum() > 0;

    private static bool IsCurve(double[][]? points)
    {
        if (points is null) return false;
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i] is not [var x, var y] || !double.IsFinite(x) || !double.IsFinite(y)) return false;
            if (i > 0 && (x < points[i - 1][0] || y < points[i - 1][1])) return false;
        }
        return true;
    }

    private static ArgumentException Missing(string what) => new($"the calibration lacks its {what}");
}
