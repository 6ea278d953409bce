using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// SMOTEN, SMOTE for nominal features (Chawla et al., 2002, section 6.2), as imbalanced-learn's <c>SMOTEN</c>:
/// every feature is categorical, numeric columns too (integer-coded categories are common), each distinct value
/// of a numeric column being one category. Distances are the <see cref="ValueDifferenceMetric"/> learnt on the
/// whole data set; for each new row a seed is drawn uniformly among the rows of the class, and each feature of the
/// new row is the most frequent category among the seed and its k nearest rows of the class (ties to the first
/// category in ordinal order, as SciPy's <c>mode</c> over imbalanced-learn's ordinal codes: the smallest value of a
/// numeric column), so a new row's value is always one its class already has.
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
public sealed class Smoten(SmotenOptions? options = null) : IClassLocalSampler
{
    private readonly SmotenOptions _options = options ?? new();

    /// <summary>
    /// Throws the <see cref="DataException"/> SMOTEN would throw before resampling <paramref name="data"/> to
    /// <paramref name="strategy"/> with <paramref name="k"/> neighbours (no features, an empty or non-finite cell,
    /// a class too small for k); returns when SMOTEN accepts it.
    /// </summary>
    public static void Validate(Dataset data, IReadOnlyDictionary<int, int> strategy, int k)
        => Validate(data, strategy, k, null);

    /// <summary>As <see cref="Validate(Dataset, IReadOnlyDictionary{int, int}, int)"/>, where
    /// <paramref name="data"/> may hold only part of the table described by <paramref name="whole"/>.</summary>
    internal static void Validate(Dataset data, IReadOnlyDictionary<int, int> strategy, int k, WholeTable? whole)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategy);
        if (data.NumericCount + data.CategoricalCount == 0)
            throw new DataException("smoten needs at least one feature; there are none");
        DataChecks.RequireComplete(data, "smoten", whole);
        var counts = whole?.Counts ?? data.ClassCounts();
        foreach (var (c, n) in strategy)
            if (n > 0) DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(SmotenOptions.KNeighbors), "smoten");
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Resample(data, data.ClassCounts(), null);
    }

    int[]? IClassLocalSampler.ClassesRead(ClassSet classes, int[] counts) =>
        _options.Strategy.GrownClasses(counts, classes);

    bool IClassLocalSampler.ReadsCategoryCounts => true;

    ResampleResult IClassLocalSampler.FitResample(Dataset part, WholeTable whole)
    {
        if (part.NumericCount > 0 || whole.CategoryCounts is null)
            throw new InvalidOperationException("SMOTEN reads part of a table only when every feature is " +
                "categorical and the whole table's category counts are given");
        return Resample(part, whole.Counts, whole);
    }

    private ResampleResult Resample(Dataset data, int[] counts, WholeTable? whole)
    {
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        var k = _options.KNeighbors;
        Validate(data, strategy, k, whole);
        var (coded, values) = AllCategorical(data);
        var metric = ValueDifferenceMetric.Fit(coded, whole?.CategoryCounts).AsMetric();
        var search = _options.Neighbors with { Metric = metric, Algorithm = NeighborAlgorithm.BruteForce };
        var rng = new SeededRandom(_options.Seed);
        int q = coded.CategoricalCount, p = data.NumericCount;
        // A new row depends on its seed alone: each seed's row of modes is made once, and the result holds only
        // the seed of each new row, the row being copied when asked for or written.
        var total = strategy.Values.Sum();
        var labels = new int[total];
        var bases = new int[total];
        var prototypeOf = new int[data.RowCount];
        Array.Fill(prototypeOf, -1);
        var held = data.ClassCounts();
        var seeds = strategy.Where(s => s.Value > 0).Sum(s => held[s.Key]);
        var numeric = new double[(long)seeds * p];
        var categorical = new int[(long)seeds * data.CategoricalCount];
        var prototypeLabels = new int[seeds];
        var votes = new int[coded.Categories.Max(c => c.Count)];
        int added = 0, made = 0;
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = coded.RowsOfClass(c);
            var codes = coded.Select(rows).Categorical.Select(v => (double)v).ToArray();
            var neighborhoods = search.Build(codes, rows.Length, q).QuerySelf(k + 1, includeSelf: true);
            for (var r = 0; r < rows.Length; r++, made++)
            {
                prototypeOf[rows[r]] = made;
                prototypeLabels[made] = c;
                var members = neighborhoods.IndicesOf(r);
                for (var f = 0; f < q; f++)
                {
                    // The most frequent category among the members, ties to the smallest code; the votes are
                    // taken back after, so the work is the neighbourhood's, not the feature's category count.
                    foreach (var m in members) votes[coded.Categorical[(long)rows[m] * q + f]]++;
                    var best = coded.Categorical[(long)rows[members[0]] * q + f];
                    foreach (var m in members)
                    {
                        var v = coded.Categorical[(long)rows[m] * q + f];
                        if (votes[v] > votes[best] || (votes[v] == votes[best] && v < best)) best = v;
                    }
                    foreach (var m in members) votes[coded.Categorical[(long)rows[m] * q + f]] = 0;
                    if (f < p) numeric[(long)made * p + f] = values[f][best];
                    else categorical[(long)made * (q - p) + f - p] = best;
                }
            }
            for (var s = 0; s < n; s++, added++)
            {
                labels[added] = c;
                bases[added] = rows[rng.NextInt(rows.Length)];
            }
        }
        var prototypes = data.WithRows(numeric, categorical, prototypeLabels);
        return ResampleResult.Prototyped(data, labels, bases, prototypes, prototypeOf, []);
    }

    /// <summary>
    /// <paramref name="data"/> with every feature categorical: numeric features first, each coded by its distinct
    /// values in ascending order (imbalanced-learn's ordinal encoding), then the categorical ones as they are;
    /// <c>Values[j]</c> maps the codes of numeric feature j back to its values.
    /// </summary>
    private static (Dataset Coded, double[][] Values) AllCategorical(Dataset data)
    {
        int p = data.NumericCount, q = data.CategoricalCount, n = data.RowCount, width = p + q;
        if (p == 0) return (data, []);
        var codes = new int[n * width];
        var values = new double[p][];
        var categories = new List<IReadOnlyList<string>>(width);
        for (var j = 0; j < p; j++)
        {
            var column = new double[n];
            for (var i = 0; i < n; i++) column[i] = data.Numeric[i * p + j];
            values[j] = [.. column.Distinct().Order()];
            var code = new Dictionary<double, int>(values[j].Length);
            for (var c = 0; c < values[j].Length; c++) code[values[j][c]] = c;
            for (var i = 0; i < n; i++) codes[i * width + j] = code[column[i]];
            categories.Add([.. values[j].Select(v => v.ToString("R", CultureInfo.InvariantCulture))]);
        }
        for (var f = 0; f < q; f++)
        {
            for (var i = 0; i < n; i++) codes[i * width + p + f] = data.Categorical[i * q + f];
            categories.Add(data.Categories[f]);
        }
        var coded = new Dataset([], [], codes, [.. data.NumericNames, .. data.CategoricalNames], categories,
            data.Labels, data.Classes);
        return (coded, values);
    }
}
