using Imbalanced.Neighbors;
using Imbalanced.Data;
using Imbalanced.Randomness;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Sampling.Regression;

/// <summary>The one resampling loop of SMOTER and SMOGN (UBL's <c>SmoteRegress</c> and <c>SMOGNRegress</c>): bins
/// from the box-plot relevance function, a factor per bin (balance, or the over/under percentages), common bins
/// under-sampled without replacement, rare bins grown by interpolation (SMOTER) or, where the neighbour is not within
/// the seed's safe distance, by Gaussian noise (SMOGN).</summary>
internal static class RegressionResampling
{
    /// <summary>Resamples <paramref name="data"/>; <paramref name="perturbation"/> null is SMOTER, else SMOGN.
    /// </summary>
    public static RegressionResampleResult Run(RegressionDataset data, SmoterOptions options, string method,
        double? perturbation)
    {
        ArgumentNullException.ThrowIfNull(data);
        var k = options.KNeighbors;
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(SmoterOptions.KNeighbors), k,
            $"KNeighbors must be at least 1; got {k}");
        if (options.OverPercentage is { } over && !(over >= 0 && double.IsFinite(over)))
            throw new ArgumentOutOfRangeException(nameof(SmoterOptions.OverPercentage), over,
                $"OverPercentage must be at least 0; got {over}");
        if (options.UnderPercentage is { } under && !(under is >= 0 and <= 100))
            throw new ArgumentOutOfRangeException(nameof(SmoterOptions.UnderPercentage), under,
                $"UnderPercentage must be in [0, 100]; got {under}");
        if (perturbation is { } pert && !(pert > 0 && double.IsFinite(pert)))
            throw new ArgumentOutOfRangeException(nameof(SmognOptions.Perturbation), pert,
                $"Perturbation must be positive; got {pert}");
        RelevanceBins.CheckThreshold(options.RelevanceThreshold);
        var features = data.Features;
        if (features.NumericCount + features.CategoricalCount == 0)
            throw new DataException($"{method} needs at least one feature; there are none");
        DataChecks.RequireComplete(features, method);
        if (data.RowCount == 0) throw new DataException($"{method} needs rows; the data set is empty");

        var relevance = RelevanceFunction.FromBoxPlot(data.Target);
        var bins = RelevanceBins.Of(data.Target, relevance, options.RelevanceThreshold);
        RequireBothKinds(data, bins, relevance);
        var factors = Factors(data.RowCount, bins, options);
        for (var b = 0; b < factors.Length; b++)
        {
            var size = bins.Bins[b].Rows.Count;
            if (factors[b] > 1 && size <= k)
                throw new DataException($"the {(bins.Bins[b].Rare ? "rare" : "common")} range " +
                    $"[{bins.Bins[b].Low}, {bins.Bins[b].High}] of the target '{data.TargetName}' has {size} row(s), " +
                    $"too few for KNeighbors = {k} ({method} needs more rows in a range than neighbours); " +
                    (size >= 2
                        ? $"set KNeighbors to at most {size - 1}"
                        : "a range it grows needs at least 2 rows: change the relevance threshold"))
                { Parameter = nameof(SmoterOptions.KNeighbors) };
        }

        var rng = new SeededRandom(options.Seed);
        var kept = new List<int>();
        var plans = new List<(int Bin, int[] Seeds)>();
        for (var b = 0; b < factors.Length; b++)
        {
            var rows = bins.Bins[b].Rows;
            var f = factors[b];
            if (f >= 1) kept.AddRange(rows);
            else foreach (var i in rng.SampleWithoutReplacement(rows.Count, (int)(f * rows.Count))) kept.Add(rows[i]);
            if (f <= 1) continue;
            // UBL: as.integer(N − 1) rows from every row, then as.integer(n · (N − 1 − that)) from rows drawn
            // without replacement.
            var each = (int)(f - 1);
            var extra = (int)(rows.Count * (f - 1 - each));
            var seeds = new List<int>(each * rows.Count + extra);
            for (var s = 0; s < rows.Count; s++)
                for (var e = 0; e < each; e++) seeds.Add(s);
            seeds.AddRange(rng.SampleWithoutReplacement(rows.Count, extra));
            plans.Add((b, [.. seeds]));
        }
        kept.Sort();

        int p = features.NumericCount, q = features.CategoricalCount;
        var total = plans.Sum(x => x.Seeds.Length);
        var added = new SyntheticRows(features, total);
        var addedTarget = new double[total];
        var made = 0;
        foreach (var (b, seeds) in plans)
        {
            var rows = bins.Bins[b].Rows;
            var space = new BinSpace(features, rows);
            var search = space.Heom is { } heom ? options.Neighbors with { Metric = heom } : options.Neighbors;
            var neighbors = search.Build(space.Points, rows.Count, space.Dimensions).QuerySelf(k, includeSelf: false);
            var noise = perturbation is null ? null : new NoiseScales(data, rows, space, search);
            var point = new double[space.Dimensions];
            foreach (var s in seeds)
            {
                int seed = rows[s], j = rng.NextInt(k), n = neighbors.Indices[s * k + j], neighbor = rows[n];
                if (noise is not null && !(neighbors.Distances[s * k + j] < noise.SafeDistance[s]))
                {
                    var scale = Math.Min(perturbation!.Value, noise.SafeDistance[s]);
                    var row = added.Add(features.Labels[seed], new RowOrigin(true, -1, seed, -1, double.NaN));
                    var baseRow = features.NumericRow(seed);
                    for (var c = 0; c < p; c++) row.Numeric[c] = baseRow[c] + rng.NextGaussian() * noise.Std[c] * scale;
                    for (var a = 0; a < q; a++) row.Categorical[a] = noise.DrawCategory(a, rng);
                    addedTarget[made++] = data.Target[seed] + rng.NextGaussian() * noise.TargetStd * scale;
                    continue;
                }
                var gap = rng.NextDouble();
                var interpolated = added.Add(features.Labels[seed], new RowOrigin(true, -1, seed, neighbor, gap));
                Interpolation.Write(features.NumericRow(seed), features.NumericRow(neighbor), gap,
                    interpolated.Numeric);
                if (q == 0)
                {
                    addedTarget[made++] = Target(data.Target[seed], data.Target[neighbor], gap,
                        features.NumericRow(seed), features.NumericRow(neighbor));
                    continue;
                }
                // UBL: each category is the neighbour's or the seed's, with one uniform draw each; the target is the
                // distance-weighted average of the two targets under HEOM.
                var seedCodes = features.CategoricalRow(seed);
                var neighborCodes = features.CategoricalRow(neighbor);
                for (var a = 0; a < q; a++)
                    interpolated.Categorical[a] = rng.NextDouble() <= 0.5 ? neighborCodes[a] : seedCodes[a];
                interpolated.Numeric.CopyTo(point);
                for (var a = 0; a < q; a++) point[p + a] = interpolated.Categorical[a];
                double d1 = space.Distance(point, space.Point(s)), d2 = space.Distance(point, space.Point(n));
                double ys = data.Target[seed], yn = data.Target[neighbor];
                addedTarget[made++] = d1 == d2 ? (ys + yn) / 2 : (d2 * ys + d1 * yn) / (d1 + d2);
            }
        }
        var rowsAdded = added.ToResult();
        var result = new ResampleResult(features, [.. kept], rowsAdded.Added, rowsAdded.AddedOrigins);
        return new RegressionResampleResult(data, result, addedTarget, bins, relevance);
    }

    /// <summary>The target of a row at <paramref name="gap"/> between a seed and its neighbour: Torgo et al.'s
    /// distance-weighted average <c>(d2 · y_seed + d1 · y_neighbour) / (d1 + d2)</c>, d1 and d2 the distances of the
    /// new row to the seed and to the neighbour, the plain mean when they are equal (UBL). On the segment,
    /// <c>d1 = gap · D</c> and <c>d2 = (1 − gap) · D</c> for any norm, so the average is the interpolation
    /// <c>y_seed + gap · (y_neighbour − y_seed)</c>, computed that way for exact rounding.</summary>
    internal static double Target(double seedTarget, double neighborTarget, double gap, ReadOnlySpan<double> seed,
        ReadOnlySpan<double> neighbor)
    {
        if (seed.SequenceEqual(neighbor)) return (seedTarget + neighborTarget) / 2;
        Span<double> y = stackalloc double[1];
        Interpolation.Write([seedTarget], [neighborTarget], gap, y);
        return y[0];
    }

    /// <summary>Refuses targets without rare rows or without common rows: there is nothing to rebalance.</summary>
    private static void RequireBothKinds(RegressionDataset data, RelevanceBins bins, RelevanceFunction relevance)
    {
        var box = relevance.BoxPlot!;
        if (bins.RareRows == 0)
            throw new DataException($"no value of the target '{data.TargetName}' is rare (relevance at least " +
                $"{bins.Threshold}): it has no values beyond its box plot's adjacent values {box.LowerAdjacent} and " +
                $"{box.UpperAdjacent}, so there is nothing to rebalance; lower RelevanceThreshold if some are near " +
                "them")
            { Parameter = nameof(SmoterOptions.RelevanceThreshold) };
        if (bins.CommonRows == 0)
            throw new DataException($"every value of the target '{data.TargetName}' is rare (relevance at least " +
                $"{bins.Threshold}); raise RelevanceThreshold")
            { Parameter = nameof(SmoterOptions.RelevanceThreshold) };
    }

    /// <summary>The size factor of each bin: UBL's <c>C.perc</c>. Balance: <c>round(n / bins) / size</c>; else
    /// <c>1 + over / 100</c> for a rare bin and <c>under / 100</c> for a common one.</summary>
    private static double[] Factors(int n, RelevanceBins bins, SmoterOptions options)
    {
        var factors = new double[bins.Bins.Count];
        var balance = options.OverPercentage is null && options.UnderPercentage is null;
        var target = Math.Round((double)n / factors.Length, MidpointRounding.ToEven);
        for (var b = 0; b < factors.Length; b++)
            factors[b] = balance ? target / bins.Bins[b].Rows.Count
                : bins.Bins[b].Rare ? 1 + (options.OverPercentage ?? 0) / 100 : (options.UnderPercentage ?? 100) / 100;
        return factors;
    }

    /// <summary>SMOGN's per-bin quantities: each seed's safe distance, half the median of its distances to every row
    /// of the bin, itself included (UBL's <c>maxDM</c>: <c>summary(DM[i, ])[3] / 2</c>, as the smogn package too); the
    /// sample standard deviation of every numeric column and of the target within the bin; the frequencies of each
    /// category, from which a noise row draws its categories (UBL).</summary>
    private sealed class NoiseScales
    {
        private readonly int[][] _categoryCounts;
        private readonly int _rows;

        public NoiseScales(RegressionDataset data, IReadOnlyList<int> rows, BinSpace space, NeighborSearch search)
        {
            var features = data.Features;
            var metric = search.EffectiveMetric;
            var m = rows.Count;
            _rows = m;
            SafeDistance = new double[m];
            // Every seed on its own: the same numbers whatever the thread count.
            Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = search.Threads }, s =>
            {
                var distances = new double[m];
                var seed = space.Point(s);
                for (var r = 0; r < m; r++)
                    distances[r] = r == s ? 0 : metric.FromReduced(metric.Reduced(seed, space.Point(r)));
                Array.Sort(distances);
                var median = m % 2 == 1 ? distances[m / 2] : (distances[m / 2 - 1] + distances[m / 2]) / 2;
                SafeDistance[s] = median / 2;
            });
            var p = features.NumericCount;
            Std = new double[p];
            for (var c = 0; c < p; c++)
                Std[c] = SampleStd(rows.Select(r => features.Numeric[r * p + c]));
            TargetStd = SampleStd(rows.Select(r => data.Target[r]));
            var q = features.CategoricalCount;
            _categoryCounts = new int[q][];
            for (var a = 0; a < q; a++)
            {
                _categoryCounts[a] = new int[features.Categories[a].Count];
                foreach (var r in rows) _categoryCounts[a][features.Categorical[r * q + a]]++;
            }
        }

        /// <summary>A category of column <paramref name="a"/> drawn with the bin's frequencies.</summary>
        public int DrawCategory(int a, Randomness.SeededRandom rng)
        {
            var u = rng.NextInt(_rows);
            var counts = _categoryCounts[a];
            for (var c = 0; c < counts.Length; c++)
            {
                if (u < counts[c]) return c;
                u -= counts[c];
            }
            throw new InvalidOperationException("category counts do not add up to the bin's rows");
        }

        public double[] SafeDistance { get; }

        public double[] Std { get; }

        public double TargetStd { get; }

        private static double SampleStd(IEnumerable<double> values)
        {
            var v = values.ToArray();
            var mean = v.Average();
            var sum = 0.0;
            foreach (var x in v) sum += (x - mean) * (x - mean);
            return Math.Sqrt(sum / (v.Length - 1));
        }
    }
}
