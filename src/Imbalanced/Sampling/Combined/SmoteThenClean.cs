using Imbalanced.Data;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Sampling.Combined;

/// <summary>Options of <see cref="SmoteTomek"/> and <see cref="SmoteEnn"/>.</summary>
public sealed record SmoteThenCleanOptions : SamplerOptions
{
    /// <summary>SMOTE's <c>k_neighbors</c> (5).</summary>
    [SamplerParameter("k_neighbors", "SMOTE's nearest same-class neighbours")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>ENN's <c>n_neighbors</c> (3; SMOTE-ENN only).</summary>
    [SamplerParameter("n_neighbors", "ENN's neighbours (SMOTE-ENN)")]
    public int NNeighbors { get; init; } = 3;
}

/// <summary>SMOTE, then a cleaning pass over all classes of the over-sampled data; what survives of the original
/// rows stays first, in input order, then what survives of the new rows.</summary>
public abstract class SmoteThenClean(SmoteThenCleanOptions? options) : ISampler
{
    /// <summary>The options.</summary>
    protected SmoteThenCleanOptions Options { get; } = options ?? new();

    /// <summary>Rows of <paramref name="oversampled"/> the cleaning keeps (every class targeted).</summary>
    protected abstract int[] Clean(Dataset oversampled, ICollection<int> allClasses);

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var smote = new Smote(new SmoteOptions
            {
                Strategy = Options.Strategy,
                Seed = Options.Seed,
                Neighbors = Options.Neighbors,
                KNeighbors = Options.KNeighbors,
            })
            .FitResample(data);
        var oversampled = smote.ToDataset();
        var keep = Clean(oversampled, Enumerable.Range(0, data.Classes.Count).ToArray());
        var n = smote.KeptRows.Length;
        var keptOriginals = keep.Where(i => i < n).Select(i => smote.KeptRows[i]).ToArray();
        var keptAdded = keep.Where(i => i >= n).Select(i => i - n).ToArray();
        return new ResampleResult(data, keptOriginals, smote.Added.Select(keptAdded),
            keptAdded.Select(i => smote.AddedOrigins[i]).ToArray());
    }
}

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
    protected override int[] Clean(Dataset oversampled, ICollection<int> allClasses) =>
        TomekLinks.Keep(oversampled, allClasses, Options.Neighbors);
}

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
    protected override int[] Clean(Dataset oversampled, ICollection<int> allClasses)
    {
        EditedNearestNeighbours.CheckNeighbours(oversampled, Options.NNeighbors,
            nameof(SmoteThenCleanOptions.NNeighbors));
        return NeighbourVotes.EditedKeep(oversampled, allClasses, Options.NNeighbors, mode: false, Options.Neighbors);
    }
}
