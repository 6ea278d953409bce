using Imbalanced.Data;

namespace Imbalanced.Sampling.Regression;

/// <summary>
/// SMOGN (Branco, Torgo and Ribeiro, "SMOGN: a Pre-processing Approach for Imbalanced Regression", LIDTA 2017, PMLR
/// 74), after UBL's <c>SMOGNRegress</c>: SMOTER (<see cref="Smoter"/>) where the chosen neighbour is near, Gaussian
/// noise where it is not. Bins, under-sampling and counts are SMOTER's; for each new row of a rare bin a seed's
/// neighbour is drawn among its k nearest of the bin; when its distance is below the seed's safe distance (half the
/// median of the seed's distances to all rows of its bin, itself included, as UBL and the smogn package compute it)
/// the row is SMOTER's interpolation, otherwise it is the seed plus
/// Gaussian noise: every feature and the target get <c>N(0, (s · σ)²)</c>, σ the column's sample standard deviation
/// within the bin and <c>s = min(Perturbation, safe distance)</c> as in UBL and the smogn package; each category is
/// drawn with its frequency in the bin (UBL).
/// </summary>
/// <remarks>
/// <para>Parameters: those of <see cref="Smoter"/> and <see cref="SmognOptions.Perturbation"/> (0.02). Interpolated
/// rows record base row, neighbour row and gap; noise rows record their base row only.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = new Smogn(new() { Perturbation = 0.02, Seed = 0 }).FitResample(data);
/// foreach (var origin in result.Rows.AddedRowOrigins)
///     Console.WriteLine(origin.Neighbor &lt; 0 ? $"noise around {origin.Base}"
///         : $"{origin.Base}→{origin.Neighbor}");
/// </code>
/// </example>
public sealed class Smogn(SmognOptions? options = null) : IRegressionSampler
{
    private readonly SmognOptions _options = options ?? new();

    /// <inheritdoc />
    public RegressionResampleResult FitResample(RegressionDataset data) =>
        RegressionResampling.Run(data, _options, "smogn", _options.Perturbation);
}
