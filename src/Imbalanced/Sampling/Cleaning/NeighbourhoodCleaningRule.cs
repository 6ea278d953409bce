using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// The neighbourhood cleaning rule (Laurikkala, "Improving Identification of Difficult Small Classes by Balancing
/// Class Distribution", AIME 2001), as the paper states it: removes (A1) the rows of the classes to clean that
/// edited nearest neighbours with <c>kind_sel='mode'</c> would remove, and (A2) the n nearest neighbours, of a class
/// to clean that has more than <c>threshold_cleaning</c> × the minority count rows, of every minority row that the
/// majority vote of its n nearest neighbours misclassifies, the row itself not voting.
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="NeighbourhoodCleaningRuleOptions.NNeighbors"/>,
/// <see cref="NeighbourhoodCleaningRuleOptions.ThresholdCleaning"/>. Deterministic; tied votes break as
/// <see cref="NeighborVotes.Mode(Dataset, ReadOnlySpan{int}, int[])"/> says.</para>
/// <para>How this relates to imbalanced-learn. A minority row's own vote is left out, as in the paper and in
/// imbalanced-learn 0.10 (its n nearest neighbours other than itself vote). Current imbalanced-learn (0.12 on)
/// instead asks a <c>KNeighborsClassifier(n_neighbors)</c> fitted on the whole data set, so that the row itself is
/// one of the n voters (itself and its n − 1 nearest neighbours), and a minority row next to another minority
/// row is less often found misclassified: this class keeps the paper's rule. The size condition
/// |C| &gt; 0.5 · |minority| is the paper's and current imbalanced-learn's; imbalanced-learn 0.10 compared |C|
/// with half the whole data set and, with its default <c>kind_sel='all'</c>, never found an A2 row when labels
/// are strings.</para>
/// <code>var result = new NeighbourhoodCleaningRule().FitResample(data);</code>
/// </remarks>
public sealed class NeighbourhoodCleaningRule(NeighbourhoodCleaningRuleOptions? options = null) : ISampler
{
    private readonly NeighbourhoodCleaningRuleOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Current imbalanced-learn's range, (0, ∞): a share of the minority's size.
        if (!(_options.ThresholdCleaning > 0) || !double.IsFinite(_options.ThresholdCleaning))
            throw new ArgumentOutOfRangeException(nameof(NeighbourhoodCleaningRuleOptions.ThresholdCleaning),
                _options.ThresholdCleaning,
                $"ThresholdCleaning must be a finite number above 0; got {_options.ThresholdCleaning}");
        var counts = data.ClassCounts();
        var targeted = _options.Strategy.Resolve(counts, data.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
        int k = _options.NNeighbors;
        EditedNearestNeighbours.CheckNeighbors(data, k, nameof(NeighbourhoodCleaningRuleOptions.NNeighbors));
        // One neighbour search serves both the edited rows (A1) and the neighbours of misclassified minority rows (A2).
        var neighbors = NeighborVotes.Neighbors(data, k, _options.Neighbors);
        // Rows kept as a mask, not as sets of row numbers: on millions of rows the sets weighed more than the
        // neighbours themselves.
        var kept = new bool[data.RowCount];
        foreach (var i in NeighborVotes.EditedKeep(data, targeted, neighbors, mode: true)) kept[i] = true;
        var minority = ClassCounting.Minority(counts);
        var toClean = targeted.Where(c => counts[c] > _options.ThresholdCleaning * counts[minority]).ToHashSet();
        var votes = new int[data.Classes.Count];
        foreach (var i in data.RowsOfClass(minority))
        {
            var near = neighbors.IndicesOf(i);
            if (NeighborVotes.Mode(data, near, votes) == minority) continue;
            foreach (var j in near) if (toClean.Contains(data.Labels[j])) kept[j] = false;
        }
        return ResampleResult.Keep(data, Enumerable.Range(0, data.RowCount).Where(i => kept[i]).ToArray());
    }
}
