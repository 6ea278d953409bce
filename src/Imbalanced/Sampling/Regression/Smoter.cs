using Imbalanced.Data;

namespace Imbalanced.Sampling.Regression;

/// <summary>
/// SMOTE for regression (Torgo, Ribeiro, Pfahringer and Branco, "SMOTE for Regression", EPIA 2013, LNCS 8154), after
/// UBL's <c>SmoteRegress</c>: the box-plot relevance function (<see cref="RelevanceFunction.FromBoxPlot"/>) marks rows
/// whose relevance is at least <see cref="SmoterOptions.RelevanceThreshold"/> as rare; the sorted target splits into
/// bins of consecutive rare or common values (<see cref="RelevanceBins"/>: rare low values, common middle, rare high
/// values); common bins are under-sampled without replacement and rare bins grown by SMOTE within the bin: a new row
/// lies at a uniform gap in [0, 1) on the segment from a rare seed to one of its k nearest neighbours of the same
/// bin, and its target is the average of the two targets weighted by the inverse of the new row's distance to each,
/// which on the segment is <c>y_seed + gap · (y_neighbour − y_seed)</c> (the mean when seed and neighbour coincide).
/// </summary>
/// <remarks>
/// <para>How much: without <see cref="SmoterOptions.OverPercentage"/> and <see cref="SmoterOptions.UnderPercentage"/>,
/// every bin is brought to <c>round(rows / bins)</c> rows (UBL's <c>C.perc = "balance"</c>); otherwise a rare bin
/// gains <c>OverPercentage</c> percent of its rows (200: two new rows per row) and a common bin keeps
/// <c>UnderPercentage</c> percent of its rows.
/// A factor f &gt; 1 makes <c>⌊f − 1⌋</c> rows from every row and <c>⌊n · (f − 1 − ⌊f − 1⌋)⌋</c> more from rows
/// drawn without replacement, as UBL does. Neighbours are Euclidean on the raw numeric features
/// (<see cref="SamplerOptions.Neighbors"/>); with categorical features they are UBL's HEOM (numeric differences over
/// the bin's range, 1 per differing category), each category of a new row is the seed's or the neighbour's (one
/// uniform draw each), and the target is the HEOM-distance-weighted average.
/// </para>
/// <para>Parameters: <see cref="SamplerOptions.Seed"/>, <see cref="SamplerOptions.Neighbors"/>,
/// <see cref="SmoterOptions.RelevanceThreshold"/> (0.8), <see cref="SmoterOptions.KNeighbors"/> (5),
/// <see cref="SmoterOptions.OverPercentage"/> and <see cref="SmoterOptions.UnderPercentage"/> (balance). The strategy
/// is not used.
/// Numeric and categorical features, without missing values. Every new row records its base row, neighbour row and
/// gap.</para>
/// </remarks>
/// <example>
/// <code>
/// var data = RegressionDataset.FromRows(rows, prices);
/// var result = new Smoter(new() { RelevanceThreshold = 0.8, KNeighbors = 5, Seed = 0 }).FitResample(data);
/// var resampled = result.ToDataset();
/// </code>
/// </example>
public sealed class Smoter(SmoterOptions? options = null) : IRegressionSampler
{
    private readonly SmoterOptions _options = options ?? new();

    /// <inheritdoc />
    public RegressionResampleResult FitResample(RegressionDataset data) =>
        RegressionResampling.Run(data, _options, "smoter", perturbation: null);
}
