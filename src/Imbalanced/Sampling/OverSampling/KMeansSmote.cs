using Imbalanced.Clustering;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// K-Means-SMOTE (Douzas, Bacao and Last, "Improving imbalanced learning through a heuristic oversampling method
/// based on k-means and SMOTE", Information Sciences 465, 2018), as imbalanced-learn's <c>KMeansSMOTE</c>:
/// cluster all rows with <see cref="KMeans"/> (k-means++, seeded); keep the clusters where the class's share is at
/// least the balance threshold and that hold at least <c>k + 1</c> rows of the class; weight each kept cluster by
/// its sparsity, <c>mean distance^density_exponent / rows</c> over the class's rows in it; make
/// <c>ceil(n · weight)</c> rows in each kept cluster by SMOTE among the class's rows there.
/// </summary>
/// <remarks>
/// Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="KMeansSmoteOptions.KNeighbors"/>, <see cref="KMeansSmoteOptions.Clusters"/>,
/// <see cref="KMeansSmoteOptions.ClusterBalanceThreshold"/>, <see cref="KMeansSmoteOptions.DensityExponent"/>.
/// The rounding up can make a few rows more than asked, as in imbalanced-learn. imbalanced-learn's default
/// estimator is scikit-learn's MiniBatchKMeans; this uses full k-means, so clusters (not the rules) differ.
/// <code>
/// var result = new KMeansSmote(new() { Clusters = 10, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class KMeansSmote(KMeansSmoteOptions? options = null) : ISampler
{
    private readonly KMeansSmoteOptions _options = options ?? new();

    /// <summary>The sparsity of a cluster's class rows: mean pairwise
    /// distance to the density exponent, over the row count.</summary>
    public static double Sparsity(double[] points, int count, int dimensions, double? densityExponent)
    {
        var total = 0.0;
        for (var i = 0; i < count; i++)
            for (var j = 0; j < count; j++)
                if (i != j)
                    total += Math.Sqrt(DistanceMetric.Euclidean.Reduced(points.AsSpan(i * dimensions, dimensions),
                        points.AsSpan(j * dimensions, dimensions)));
        var mean = total / ((double)count * count - count);
        var exponent = densityExponent ?? Math.Pow(Math.Log(count, 1.6), 1.8) * 0.16;
        return Math.Pow(mean, exponent) / count;
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "kmeans-smote");
        int k = _options.KNeighbors, p = data.NumericCount;
        foreach (var (c, n) in strategy)
            if (n > 0)
                DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(KMeansSmoteOptions.KNeighbors),
                    "kmeans-smote");
        var clusters = KMeans.Fit(data.Numeric, data.RowCount, p,
            new KMeansOptions { Clusters = _options.Clusters, Seed = _options.Seed, Neighbors = _options.Neighbors })
            .Labels;
        var rng = new SeededRandom(_options.Seed);
        var totalAsked = strategy.Values.Sum();
        var plan = new List<(int Class, int[] Rows, KNeighbors Neighbors, int Count)>();
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var threshold = _options.Clusters == 1
                ? double.NegativeInfinity
                : _options.ClusterBalanceThreshold ?? (double)n / totalAsked / 2;
            var kept = new List<(int[] Rows, double Sparsity)>();
            for (var cluster = 0; cluster < _options.Clusters; cluster++)
            {
                var members = Enumerable.Range(0, data.RowCount).Where(i => clusters[i] == cluster).ToArray();
                if (members.Length == 0) continue;
                var rows = members.Where(i => data.Labels[i] == c).ToArray();
                if ((double)rows.Length / members.Length < threshold || rows.Length < k + 1) continue;
                kept.Add((rows, Sparsity(data.Select(rows).Numeric, rows.Length, p, _options.DensityExponent)));
            }
            if (kept.Count == 0)
                throw new DataException($"no cluster has enough rows of class '{data.Classes[c]}' (a share of at " +
                    $"least {threshold:0.###} and {k + 1} rows); lower ClusterBalanceThreshold or change Clusters")
                { Parameter = nameof(KMeansSmoteOptions.ClusterBalanceThreshold) };
            var totalSparsity = kept.Sum(t => t.Sparsity);
            foreach (var (rows, sparsity) in kept)
            {
                var points = data.Select(rows).Numeric;
                var neighbors = _options.Neighbors.Build(points, rows.Length, p).QuerySelf(k, includeSelf: false);
                plan.Add((c, rows, neighbors, (int)Math.Ceiling(n * (sparsity / totalSparsity))));
            }
        }
        var added = new SyntheticRows(data, plan.Sum(t => t.Count));
        foreach (var (c, rows, neighbors, count) in plan)
            Interpolation.MakeRows(added, rng, c, rows, k, pair => rows[neighbors.Indices[pair]], count);
        return added.ToResult();
    }
}
