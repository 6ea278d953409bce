using Imbalanced.Clustering;
using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.UnderSampling;

/// <summary>
/// Cluster-centroid under-sampling (Yen and Lee, "Cluster-based under-sampling approaches for imbalanced data
/// distributions", Expert Systems with Applications 36, 2009), as imbalanced-learn's <c>ClusterCentroids</c>:
/// each class to shrink is replaced by the centres of a k-means with as many clusters as rows wanted
/// (<see cref="KMeans"/>, seeded), or, with hard voting, by the input row nearest each centre.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="ClusterCentroidsOptions.Voting"/>. Soft centres are new rows; their provenance names the input row
/// nearest the centre as base.
/// <code>var result = new ClusterCentroids(new() { Voting = CentroidVoting.Hard }).FitResample(data);</code></remarks>
public sealed class ClusterCentroids(ClusterCentroidsOptions? options = null) : ISampler
{
    private readonly ClusterCentroidsOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.UnderSampling);
        // Also bounds every value, so that sums of rows (the cluster centres) stay finite.
        DataChecks.RequireNumericComplete(data, "cluster-centroids");
        var p = data.NumericCount;
        var hard = _options.Voting == CentroidVoting.Hard;
        var kept = new List<int>();
        var centres = new List<(int Class, double[] Centre, int Nearest)>();
        for (var c = 0; c < counts.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            if (!strategy.TryGetValue(c, out var wanted)) { kept.AddRange(rows); continue; }
            if (wanted == 0) continue;
            var fit = Cluster(data, rows, wanted);
            // The index reads the class's rows in place: the k-means's copy of them is garbage by now, and is
            // returned first when large (2,000,000 rows: 304 MB beside the index's own copy).
            if (rows.Length >= LargeGarbage.MinPoints) LargeGarbage.Return();
            var nearest = _options.Neighbors.BuildOfRows(data.Numeric, rows, p).Query(fit.Centers, 1).Indices;
            for (var t = 0; t < wanted; t++)
            {
                if (hard) kept.Add(rows[nearest[t]]);
                else centres.Add((c, fit.Centers.AsSpan(t * p, p).ToArray(), rows[nearest[t]]));
            }
        }
        if (hard) return ResampleResult.Keep(data, [.. kept]);
        var sortedKept = kept.Order().ToArray();
        var numeric = centres.SelectMany(t => t.Centre).ToArray();
        var added = data.WithRows(numeric, [], centres.Select(t => t.Class).ToArray());
        var origins = centres.Select(t => new RowOrigin(true, -1, t.Nearest, -1, double.NaN)).ToArray();
        return new ResampleResult(data, sortedKept, added, origins);
    }

    /// <summary>The k-means of rows <paramref name="rows"/> (a copy of them, let go on return).</summary>
    private KMeansResult Cluster(Dataset data, int[] rows, int clusters) =>
        KMeans.Fit(data.Select(rows).Numeric, rows.Length, data.NumericCount,
            new KMeansOptions { Clusters = clusters, Seed = _options.Seed, Neighbors = _options.Neighbors });
}
