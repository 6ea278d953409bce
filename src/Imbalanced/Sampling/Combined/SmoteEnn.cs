using Imbalanced.Sampling.Cleaning;

namespace Imbalanced.Sampling.Combined;

/// <summary>
/// SMOTE followed by edited nearest neighbours (Batista, Prati and Monard, "A study of the behavior of several
/// methods for balancing machine learning training data", SIGKDD Explorations 6(1), 2004), as imbalanced-learn's
/// <c>SMOTEENN</c>: ENN (n_neighbors = 3, kind_sel = all) cleans every class of the over-sampled data.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/> (of SMOTE), <see cref="SamplerOptions.Seed"/>,
/// <see cref="SmoteThenCleanOptions.KNeighbors"/>, <see cref="SmoteThenCleanOptions.NNeighbors"/>.
/// <code>var result = new SmoteEnn().FitResample(data);</code></remarks>
public sealed class SmoteEnn(SmoteThenCleanOptions? options = null) : SmoteThenClean(options)
{
    /// <inheritdoc />
    protected override int[] Clean(ResampleResult oversampled, ICollection<int> allClasses)
    {
        ArgumentNullException.ThrowIfNull(oversampled);
        var (points, labels) = oversampled.CombinedRows();
        EditedNearestNeighbours.CheckNeighbors(labels.Length, Options.NNeighbors,
            nameof(SmoteThenCleanOptions.NNeighbors));
        var neighbors = Options.Neighbors.Build(points).QuerySelf(Options.NNeighbors, includeSelf: false);
        return NeighborVotes.EditedKeep(labels, oversampled.Input.Classes, allClasses, neighbors, mode: false);
    }
}
