namespace Imbalanced.Sampling.Regression;

/// <summary>Options of <see cref="Smogn"/>: those of SMOTER and the Gaussian perturbation.</summary>
public sealed record SmognOptions : SmoterOptions
{
    /// <summary>Scale of the Gaussian noise, as a fraction of each column's standard deviation within the bin
    /// (0.02; Branco et al.'s <c>pert</c>). A seed whose safe distance is smaller uses that instead.</summary>
    [SamplerParameter("perturbation", "Gaussian noise, as a fraction of each column's standard deviation")]
    public double Perturbation { get; init; } = 0.02;
}
