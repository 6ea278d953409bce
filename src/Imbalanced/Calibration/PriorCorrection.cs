namespace Imbalanced.Calibration;

/// <summary>
/// Prior correction (Saerens, Latinne and Decaestecker, "Adjusting the Outputs of a Classifier to New a Priori
/// Probabilities: A Simple Procedure", Neural Computation 14, 2002): a model whose probabilities reflect class prior
/// π′ (the prior it was fitted on, after resampling or class weights) is mapped to prior π by
/// <c>p′(c|x) = p(c|x)·π_c/π′_c / Σ_k p(k|x)·π_k/π′_k</c>.
/// </summary>
/// <example>
/// <code>
/// // fitted on random-over-sampled data (50 : 50), true training prior 90 : 10
/// var correction = new PriorCorrection(truePrior: [0.9, 0.1], fittedPrior: [0.5, 0.5]);
/// double[] p = correction.Apply([0.5, 0.5], 2); // [0.9, 0.1]
/// </code>
/// </example>
public sealed class PriorCorrection : ProbabilityCalibrator
{
    private readonly double[] _ratio;

    /// <summary>The correction from <paramref name="fittedPrior"/> to <paramref name="truePrior"/>.</summary>
    /// <param name="truePrior">The class prior probabilities should reflect (class order).</param>
    /// <param name="fittedPrior">The class prior the model was fitted on (class order).</param>
    /// <exception cref="ArgumentException">The priors differ in length, or a value is negative or not finite, or a
    /// prior does not sum to a positive number.</exception>
    public PriorCorrection(IReadOnlyList<double> truePrior, IReadOnlyList<double> fittedPrior)
    {
        ArgumentNullException.ThrowIfNull(truePrior);
        ArgumentNullException.ThrowIfNull(fittedPrior);
        if (truePrior.Count != fittedPrior.Count || truePrior.Count < 2)
            throw new ArgumentException("the priors must give one value per class, for two or more classes");
        TruePrior = Normalised(truePrior, nameof(truePrior));
        FittedPrior = Normalised(fittedPrior, nameof(fittedPrior));
        _ratio = TruePrior.Zip(FittedPrior, (t, f) => f > 0 ? t / f : 0).ToArray();
    }

    /// <summary>The prior the probabilities are mapped to (normalised).</summary>
    public IReadOnlyList<double> TruePrior { get; }

    /// <summary>The prior the model was fitted on (normalised).</summary>
    public IReadOnlyList<double> FittedPrior { get; }

    /// <inheritdoc />
    public override CalibrationMethod Method => CalibrationMethod.Prior;

    /// <summary>The class shares of <paramref name="labels"/> weighted by <paramref name="weights"/> (each row 1 when
    /// null): the prior a model fitted on those rows sees.</summary>
    public static double[] PriorOf(IReadOnlyList<int> labels, int classes, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var share = new double[classes];
        for (var i = 0; i < labels.Count; i++) share[labels[i]] += weights?[i] ?? 1;
        var total = share.Sum();
        for (var c = 0; c < classes; c++) share[c] /= total;
        return share;
    }

    /// <inheritdoc />
    public override double[] Apply(ReadOnlySpan<double> probabilities, int classes)
    {
        if (classes != _ratio.Length)
            throw new ArgumentException($"the correction is for {_ratio.Length} classes, not {classes}");
        var result = new double[probabilities.Length];
        for (var o = 0; o < probabilities.Length; o += classes)
        {
            double sum = 0;
            for (var c = 0; c < classes; c++) sum += result[o + c] = probabilities[o + c] * _ratio[c];
            for (var c = 0; c < classes; c++) result[o + c] = sum > 0 ? result[o + c] / sum : TruePrior[c];
        }
        return result;
    }

    private static double[] Normalised(IReadOnlyList<double> prior, string name)
    {
        if (prior.Any(p => !double.IsFinite(p) || p < 0))
            throw new ArgumentException("prior values must be finite and at least 0", name);
        var total = prior.Sum();
        if (!(total > 0)) throw new ArgumentException("a prior must sum to more than 0", name);
        return prior.Select(p => p / total).ToArray();
    }
}
