using Imbalanced.Sampling.Cleaning;

namespace Imbalanced.Sampling.Combined;

/// <summary>
/// SMOTE followed by Tomek links (Batista, Bazzan and Monard, "Balancing Training Data for Automated Annotation of
/// Keywords: a Case Study", WOB 2003), as imbalanced-learn's <c>SMOTETomek</c>: the links are removed from every
/// class of the over-sampled data.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/> (of SMOTE), <see cref="SamplerOptions.Seed"/>,
/// <see cref="SmoteThenCleanOptions.KNeighbors"/>.
/// <code>var result = new SmoteTomek().FitResample(data);</code></remarks>
public sealed class SmoteTomek(SmoteThenCleanOptions? options = null) : SmoteThenClean(options)
{
    /// <inheritdoc />
    protected override int[] Clean(ResampleResult oversampled, ICollection<int> allClasses)
    {
        ArgumentNullException.ThrowIfNull(oversampled);
        var (points, labels) = oversampled.CombinedRows();
        return TomekLinks.Keep(labels, allClasses, Options.Neighbors.Build(points));
    }
}
