namespace Imbalanced.Sampling.Regression;

/// <summary>
/// The rows of a regression data set split as SMOTER and SMOGN split them: rows with relevance at least the threshold
/// are rare, the others common, and the target values, sorted, fall into runs (bins) of consecutive rare or common
/// values, as UBL's <c>SmoteRegress</c> and <c>SMOGNRegress</c> find their "bumps". With the box-plot relevance
/// function these are at most three: the rare low values, the common middle and the rare high values (Torgo et al.
/// 2013's <c>rareL</c>, the normal cases and <c>rareH</c>).
/// </summary>
/// <example>
/// <code>
/// var bins = RelevanceBins.Of(target, RelevanceFunction.FromBoxPlot(target), threshold: 0.8);
/// foreach (var bin in bins.Bins.Where(b => b.Rare)) Console.WriteLine($"{bin.Low}..{bin.High}: {bin.Rows.Count}");
/// </code>
/// </example>
public sealed class RelevanceBins
{
    private RelevanceBins(RelevanceBin[] bins, double threshold)
    {
        Bins = bins;
        Threshold = threshold;
    }

    /// <summary>The bins, by ascending target.</summary>
    public IReadOnlyList<RelevanceBin> Bins { get; }

    /// <summary>The relevance threshold.</summary>
    public double Threshold { get; }

    /// <summary>Number of rare rows.</summary>
    public int RareRows => Bins.Where(b => b.Rare).Sum(b => b.Rows.Count);

    /// <summary>Number of common rows.</summary>
    public int CommonRows => Bins.Where(b => !b.Rare).Sum(b => b.Rows.Count);

    /// <summary>Splits the rows of <paramref name="target"/>.</summary>
    /// <param name="target">The target values.</param>
    /// <param name="relevance">The relevance function.</param>
    /// <param name="threshold">Rows with relevance ≥ threshold are rare; in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in (0, 1].</exception>
    public static RelevanceBins Of(ReadOnlySpan<double> target, RelevanceFunction relevance, double threshold)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        CheckThreshold(threshold);
        var order = new int[target.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var values = target.ToArray();
        // Sorted by value, ties by row: equal values have equal relevance, so they share a bin.
        Array.Sort(order, (i, j) => values[i] != values[j] ? values[i].CompareTo(values[j]) : i.CompareTo(j));
        var bins = new List<RelevanceBin>();
        var start = 0;
        for (var s = 1; s <= order.Length; s++)
        {
            var rare = relevance.Of(values[order[start]]) >= threshold;
            if (s < order.Length && relevance.Of(values[order[s]]) >= threshold == rare) continue;
            var rows = order[start..s];
            Array.Sort(rows);
            bins.Add(new RelevanceBin(rare, values[order[start]], values[order[s - 1]], rows));
            start = s;
        }
        return new RelevanceBins([.. bins], threshold);
    }

    /// <summary>Refuses a threshold outside (0, 1].</summary>
    internal static void CheckThreshold(double threshold)
    {
        if (!(threshold is > 0 and <= 1))
            throw new ArgumentOutOfRangeException("RelevanceThreshold", threshold,
                $"RelevanceThreshold must be in (0, 1]; got {threshold}");
    }
}
