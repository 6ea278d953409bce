using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// SMOTE-NC, SMOTE for mixed nominal and continuous features (Chawla et al., 2002, section 6.1), as
/// imbalanced-learn's <c>SMOTENC</c>. For each class to over-sample, <c>m</c> is the median of the standard
/// deviations of its continuous features; every categorical feature is one-hot encoded with value <c>m / 2</c>,
/// so that a category mismatch adds <c>m² / 2</c> to the squared Euclidean distance; neighbours are found in
/// that space within the class. A new row interpolates the continuous features between a seed and one of its k
/// nearest neighbours (pair uniform, gap uniform in [0, 1)) and takes for each categorical feature the most
/// frequent category among the seed's k neighbours, ties broken at random (seeded).
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SmoteNcOptions.KNeighbors"/>, <see cref="SmoteNcOptions.CategoricalFeatures"/>.
/// All-numeric data is refused (use SMOTE), and so is all-categorical data (SMOTEN is suggested where it would
/// take the data).</para>
/// <para>The median is taken per class to over-sample, as current imbalanced-learn does; 0.10 took the
/// minority class's for every class, which is the same for binary problems.</para>
/// <code>
/// var result = new SmoteNc(new() { CategoricalFeatures = ["colour", "size"], Seed = 0 }).FitResample(mixedData);
/// </code>
/// </remarks>
public sealed class SmoteNc(SmoteNcOptions? options = null) : IClassLocalSampler
{
    private readonly SmoteNcOptions _options = options ?? new();

    /// <summary>The feature order that indices and masks refer to: numeric features, then categorical ones.</summary>
    public static IReadOnlyList<string> FeatureOrder(Dataset data) => [.. data.NumericNames, .. data.CategoricalNames];

    /// <summary>The median of the population standard deviations of the continuous features over
    /// <paramref name="rows"/>.</summary>
    public static double MedianStd(Dataset data, int[] rows, int[] continuous)
    {
        var p = data.NumericCount;
        var stds = continuous.Select(j =>
        {
            var mean = rows.Average(r => data.Numeric[r * p + j]);
            return Math.Sqrt(rows.Sum(r => (data.Numeric[r * p + j] - mean) * (data.Numeric[r * p + j] - mean))
                / rows.Length);
        }).Order().ToArray();
        var n = stds.Length;
        return n % 2 == 1 ? stds[n / 2] : (stds[n / 2 - 1] + stds[n / 2]) / 2;
    }

    /// <summary>The encoded points of <paramref name="rows"/>: continuous features,
    /// then each categorical feature one-hot with value <paramref name="medianStd"/>
    /// / 2 (numeric-as-categorical features by their distinct values). A feature's one-hot columns are those of the
    /// categories <paramref name="rows"/> hold, in category order: a column no row sets adds 0 to every distance, so
    /// the distances are those over all the data's categories, without a column per category of other rows (a
    /// column of identifiers has as many categories as the table has rows).</summary>
    public static double[] Encode(Dataset data, int[] rows, int[] continuous, int[] numericAsCategorical,
        double medianStd, out int width)
    {
        int p = data.NumericCount, q = data.CategoricalCount;
        var valueCodes = numericAsCategorical.Select(j => rows
            .Select(i => data.Numeric[i * p + j])
            .Distinct().Order().Select((v, code) => (v, code)).ToDictionary(t => t.v, t => t.code)).ToArray();
        var categoryCodes = new int[q][];
        var categoryCounts = new int[q];
        for (var f = 0; f < q; f++)
        {
            var codes = categoryCodes[f] = new int[data.Categories[f].Count];
            foreach (var r in rows) codes[data.Categorical[r * q + f]] = 1;
            for (var c = 0; c < codes.Length; c++) codes[c] = codes[c] == 1 ? categoryCounts[f]++ : -1;
        }
        width = continuous.Length + valueCodes.Sum(v => v.Count) + categoryCounts.Sum();
        var points = new double[rows.Length * width];
        var half = medianStd / 2;
        for (var i = 0; i < rows.Length; i++)
        {
            var o = i * width;
            var r = rows[i];
            foreach (var j in continuous) points[o++] = data.Numeric[r * p + j];
            for (var t = 0; t < numericAsCategorical.Length; t++)
            {
                points[o + valueCodes[t][data.Numeric[r * p + numericAsCategorical[t]]]] = half;
                o += valueCodes[t].Count;
            }
            for (var f = 0; f < q; f++)
            {
                points[o + categoryCodes[f][data.Categorical[r * q + f]]] = half;
                o += categoryCounts[f];
            }
        }
        return points;
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Resample(data, data.ClassCounts(), null);
    }

    int[]? IClassLocalSampler.ClassesRead(ClassSet classes, int[] counts) =>
        _options.Strategy.GrownClasses(counts, classes);

    ResampleResult IClassLocalSampler.FitResample(Dataset part, WholeTable whole) =>
        Resample(part, whole.Counts, whole);

    private ResampleResult Resample(Dataset data, int[] counts, WholeTable? whole)
    {
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        var categorical = CategoricalSelection(data);
        var numericAsCategorical = Enumerable.Range(0, data.NumericCount).Where(j => categorical[j]).ToArray();
        var continuous = Enumerable.Range(0, data.NumericCount).Where(j => !categorical[j]).ToArray();
        if (numericAsCategorical.Length + data.CategoricalCount == 0)
            throw new DataException("every feature is numeric, and smote-nc needs categorical features too; use " +
                "smote, or name the categorical columns in CategoricalFeatures")
            { Parameter = nameof(SmoteNcOptions.CategoricalFeatures) };
        if (continuous.Length == 0) throw AllCategorical(data, strategy, whole);
        DataChecks.RequireComplete(data, "smote-nc", whole);
        var k = _options.KNeighbors;
        foreach (var (c, n) in strategy)
            if (n > 0)
                DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(SmoteNcOptions.KNeighbors), "smote-nc");
        var rng = new SeededRandom(_options.Seed);
        int p = data.NumericCount, q = data.CategoricalCount;
        var added = new SyntheticRows(data, strategy.Values.Sum());
        var tied = new List<double>();
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var points = Encode(data, rows, continuous, numericAsCategorical, MedianStd(data, rows, continuous),
                out var width);
            var neighbors = _options.Neighbors.Build(points, rows.Length, width).QuerySelf(k, includeSelf: false);
            for (var s = 0; s < n; s++)
            {
                var pair = rng.NextInt(rows.Length * k);
                var gap = rng.NextDouble();
                int seed = rows[pair / k], neighbor = rows[neighbors.Indices[pair]];
                var row = added.Add(c, new RowOrigin(true, -1, seed, neighbor, gap));
                Interpolation.Write(data.NumericRow(seed), data.NumericRow(neighbor), gap, row.Numeric);
                var members = neighbors.IndicesOf(pair / k);
                foreach (var j in numericAsCategorical)
                    row.Numeric[j] = Mode(members, m => data.Numeric[rows[m] * p + j], rng, tied);
                for (var f = 0; f < q; f++)
                    row.Categorical[f] = (int)Mode(members, m => data.Categorical[rows[m] * q + f], rng, tied);
            }
        }
        return added.ToResult();
    }

    /// <summary>The refusal of data whose every feature is categorical: it suggests SMOTEN only where SMOTEN, which
    /// treats every feature as categorical, would take the data with the same strategy and neighbours.</summary>
    private DataException AllCategorical(Dataset data, IReadOnlyDictionary<int, int> strategy, WholeTable? whole)
    {
        const string refusal = "every feature is categorical, and smote-nc needs continuous features too";
        try
        {
            Smoten.Validate(data, strategy, _options.KNeighbors, whole);
        }
        catch (DataException e)
        {
            return new DataException($"{refusal}; nor would smoten take this data: {e.Message}", e);
        }
        return new DataException($"{refusal}; use smoten, which treats every feature as categorical");
    }

    /// <summary>The most frequent value among the members, ties broken uniformly at random.</summary>
    private static double Mode(ReadOnlySpan<int> members, Func<int, double> value, SeededRandom rng, List<double> tied)
    {
        var votes = new Dictionary<double, int>();
        foreach (var m in members) votes[value(m)] = votes.GetValueOrDefault(value(m)) + 1;
        var best = votes.Values.Max();
        tied.Clear();
        tied.AddRange(votes.Where(kv => kv.Value == best).Select(kv => kv.Key).Order());
        return tied.Count == 1 ? tied[0] : tied[rng.NextInt(tied.Count)];
    }

    private bool[] CategoricalSelection(Dataset data)
    {
        var order = FeatureOrder(data);
        var mask = new bool[order.Count];
        if (_options.CategoricalMask is { } given)
        {
            if (given.Count != order.Count)
                throw new DataException($"the categorical mask has {given.Count} entries for {order.Count} features");
            for (var i = 0; i < mask.Length; i++) mask[i] = given[i];
        }
        else if (_options.CategoricalIndices is { } indices)
        {
            foreach (var i in indices)
                mask[i >= 0 && i < order.Count ? i : throw new DataException($"categorical feature index {i} is out " +
                    $"of range: there are {order.Count} features")] = true;
        }
        else if (_options.CategoricalFeatures is { } names)
        {
            foreach (var name in names)
            {
                var i = order.ToList().IndexOf(name);
                if (i < 0)
                    throw new DataException($"no feature named '{name}' for CategoricalFeatures; the features are: " +
                        $"{string.Join(", ", order)}")
                    { Parameter = nameof(SmoteNcOptions.CategoricalFeatures) };
                mask[i] = true;
            }
        }
        else
        {
            for (var i = data.NumericCount; i < mask.Length; i++) mask[i] = true;
        }
        for (var f = 0; f < data.CategoricalCount; f++)
            if (!mask[data.NumericCount + f])
                throw new DataException($"column '{data.CategoricalNames[f]}' is not numeric, so smote-nc must treat " +
                    "it as categorical; add it to CategoricalFeatures")
                { Parameter = nameof(SmoteNcOptions.CategoricalFeatures) };
        return mask;
    }
}
