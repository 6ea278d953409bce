using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>Options of <see cref="NeighbourhoodCleaningRule"/>.</summary>
public sealed record NeighbourhoodCleaningRuleOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c> (3).</summary>
    public int NNeighbors { get; init; } = 3;

    /// <summary>imbalanced-learn's <c>threshold_cleaning</c> (0.5).</summary>
    public double ThresholdCleaning { get; init; } = 0.5;
}

/// <summary>
/// The neighbourhood cleaning rule (Laurikkala, "Improving Identification of Difficult Small Classes by Balancing
/// Class Distribution", AIME 2001), as current imbalanced-learn defines it: removes (A1) the rows of the classes to
/// clean that edited nearest neighbours with <c>kind_sel='mode'</c> would remove, and (A2) the neighbours, of a
/// class to clean that has more than <c>threshold_cleaning</c> × the minority count rows, of every minority row
/// that its n nearest neighbours misclassify (majority vote).
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="NeighbourhoodCleaningRuleOptions.NNeighbors"/>,
/// <see cref="NeighbourhoodCleaningRuleOptions.ThresholdCleaning"/>. Deterministic.</para>
/// <para>Differences from the paper: the paper edits with the 3-NN rule and cleans A2 only around misclassified
/// rows of the class of interest, with the size condition |C| &gt; 0.5 · |class of interest|, which is what is done
/// here with the minority as the class of interest; imbalanced-learn 0.10 compared the size with the whole data
/// set and, with its default <c>kind_sel='all'</c>, never found an A2 row when labels are strings.</para>
/// <code>var result = new NeighbourhoodCleaningRule().FitResample(data);</code>
/// </remarks>
public sealed class NeighbourhoodCleaningRule(NeighbourhoodCleaningRuleOptions? options = null) : ISampler
{
    private readonly NeighbourhoodCleaningRuleOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var targeted = _options.Strategy.Resolve(counts, data.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
        int k = _options.NNeighbors;
        EditedNearestNeighbours.CheckNeighbours(data, k, "n_neighbors");
        // One neighbour search serves both the edited rows (A1) and the neighbours of misclassified minority rows (A2).
        var neighbours = NeighbourVotes.Neighbours(data, k, _options.Neighbors);
        var edited = NeighbourVotes.EditedKeep(data, targeted, neighbours, mode: true).ToHashSet();
        var minority = ClassCounting.Minority(counts);
        var toClean = targeted.Where(c => counts[c] > _options.ThresholdCleaning * counts[minority]).ToHashSet();
        var removed = new HashSet<int>(Enumerable.Range(0, data.RowCount).Where(i => !edited.Contains(i)));
        var votes = new int[data.Classes.Count];
        foreach (var i in data.RowsOfClass(minority))
        {
            var near = neighbours.IndicesOf(i);
            if (NeighbourVotes.Mode(data, near, votes) == minority) continue;
            foreach (var j in near) if (toClean.Contains(data.Labels[j])) removed.Add(j);
        }
        return ResampleResult.Keep(data, Enumerable.Range(0, data.RowCount).Where(i => !removed.Contains(i)).ToArray());
    }
}
