using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="Smoten"/>.</summary>
public sealed record SmotenOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c>: the neighbourhood whose modes make a new row (5).</summary>
    public int KNeighbors { get; init; } = 5;
}

/// <summary>
/// SMOTEN, SMOTE for nominal features (Chawla et al., 2002, section 6.2), as imbalanced-learn's <c>SMOTEN</c>:
/// distances are the <see cref="ValueDifferenceMetric"/> learnt on the whole data set; for each new row a seed is
/// drawn uniformly among the rows of the class, and each feature of the new row is the most frequent category
/// among the seed and its k nearest rows of the class (ties to the first category in ordinal order, as SciPy's
/// <c>mode</c>). Categorical features only.
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SmotenOptions.KNeighbors"/>. A new row records its seed as base; it has no neighbour or gap, being
/// made from the whole neighbourhood.</para>
/// <para>Where this differs from imbalanced-learn 0.10, on purpose: neighbours are the nearest by the VDM itself
/// (imbalanced-learn searches Euclidean neighbours among the rows of the VDM distance matrix), with ties to the
/// lower row index.</para>
/// <code>
/// var result = new Smoten(new() { KNeighbors = 5, Seed = 0 }).FitResample(categoricalData);
/// </code>
/// </remarks>
public sealed class Smoten(SmotenOptions? options = null) : ISampler
{
    private readonly SmotenOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        if (data.NumericCount > 0)
            throw new DataException($"column '{data.NumericNames[0]}' is numeric, and smoten needs categorical features only; use smote-nc for mixed data or smote for numeric data");
        if (data.CategoricalCount == 0) throw new DataException("smoten needs at least one categorical feature; there are none");
        DataChecks.RequireComplete(data, "smoten");
        var k = _options.KNeighbors;
        foreach (var (c, n) in strategy)
            if (n > 0) DataChecks.RequireNeighbours(data, c, counts[c], k, "k_neighbors", "smoten");
        var metric = ValueDifferenceMetric.Fit(data).AsMetric();
        var search = _options.Neighbors with { Metric = metric, Algorithm = NeighborAlgorithm.BruteForce };
        var rng = new SeededRandom(_options.Seed);
        int q = data.CategoricalCount;
        var added = new SyntheticRows(data, strategy.Values.Sum());
        var votes = new int[data.Categories.Max(c => c.Count)];
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var codes = data.Select(rows).Categorical.Select(v => (double)v).ToArray();
            var neighbourhoods = search.Build(codes, rows.Length, q).QuerySelf(k + 1, includeSelf: true);
            for (var s = 0; s < n; s++)
            {
                var seed = rng.NextInt(rows.Length);
                var row = added.Add(c, new RowOrigin(true, -1, rows[seed], -1, double.NaN));
                var members = neighbourhoods.IndicesOf(seed);
                for (var f = 0; f < q; f++)
                {
                    Array.Clear(votes);
                    foreach (var m in members) votes[data.Categorical[rows[m] * q + f]]++;
                    var best = 0;
                    for (var v = 1; v < data.Categories[f].Count; v++) if (votes[v] > votes[best]) best = v;
                    row.Categorical[f] = best;
                }
            }
        }
        return added.ToResult();
    }
}
