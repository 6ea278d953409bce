using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Clustering;

/// <summary>
/// k-means clustering (Lloyd, 1982) with greedy k-means++ initialisation (Arthur and Vassilvitskii, 2007, with
/// scikit-learn's 2 + ln k local trials), seeded. Points are assigned by the project's neighbour engine; sums are
/// accumulated in a fixed order, so results do not depend on the thread count. The one k-means of the project:
/// K-Means-SMOTE and ClusterCentroids both use it.
/// </summary>
public static class KMeans
{
    /// <summary>Clusters <paramref name="count"/> points of <paramref name="dimensions"/> stored row-major.</summary>
    public static KMeansResult Fit(double[] points, int count, int dimensions, KMeansOptions options)
    {
        var k = options.Clusters;
        if (k < 1) throw new DataException($"the number of clusters must be at least 1; got {k}");
        if (k > count)
            throw new DataException($"asked for {k} clusters of {count} points; use at most {count} clusters");
        var rng = new SeededRandom(options.Seed);
        if (options.InitialCenters is { } given && given.Length != k * dimensions)
            throw new ArgumentException(
                $"the initial centres hold {given.Length} values; {k} clusters of {dimensions} need {k * dimensions}",
                nameof(options));
        var centers = options.InitialCenters is { } initial
            ? (double[])initial.Clone()
            : PlusPlus(points, count, dimensions, k, rng);
        var tolerance = options.Tolerance * MeanVariance(points, count, dimensions);
        var labels = new int[count];
        var iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            Assign(points, count, dimensions, centers, k, options.Neighbors, labels);
            var next = new double[k * dimensions];
            var sizes = new int[k];
            for (var i = 0; i < count; i++)
            {
                sizes[labels[i]]++;
                var c = labels[i] * dimensions;
                for (var j = 0; j < dimensions; j++) next[c + j] += points[i * dimensions + j];
            }
            var shift = 0.0;
            for (var c = 0; c < k; c++)
                for (var j = 0; j < dimensions; j++)
                {
                    // An empty cluster keeps its centre.
                    var v = sizes[c] > 0 ? next[c * dimensions + j] / sizes[c] : centers[c * dimensions + j];
                    shift += (v - centers[c * dimensions + j]) * (v - centers[c * dimensions + j]);
                    next[c * dimensions + j] = v;
                }
            centers = next;
            if (shift <= tolerance) break;
        }
        Assign(points, count, dimensions, centers, k, options.Neighbors, labels);
        return new KMeansResult(centers, labels, iterations);
    }

    private static void Assign(double[] points, int count, int dimensions, double[] centers, int k,
        NeighborSearch search, int[] labels) =>
        search.Build(centers, k, dimensions).Query(points.AsSpan(0, count * dimensions), 1).Indices.CopyTo(labels, 0);

    private static double MeanVariance(double[] points, int count, int dimensions)
    {
        var total = 0.0;
        for (var j = 0; j < dimensions; j++)
        {
            double mean = 0, sq = 0;
            for (var i = 0; i < count; i++) mean += points[i * dimensions + j];
            mean /= count;
            for (var i = 0; i < count; i++)
                sq += (points[i * dimensions + j] - mean) * (points[i * dimensions + j] - mean);
            total += sq / count;
        }
        return total / dimensions;
    }

    private static double[] PlusPlus(double[] points, int count, int dimensions, int k, SeededRandom rng)
    {
        var metric = DistanceMetric.Euclidean;
        var centers = new double[k * dimensions];
        var first = rng.NextInt(count);
        points.AsSpan(first * dimensions, dimensions).CopyTo(centers);
        var closest = new double[count];
        for (var i = 0; i < count; i++)
            closest[i] = metric.Reduced(points.AsSpan(i * dimensions, dimensions), centers.AsSpan(0, dimensions));
        var trials = 2 + (int)Math.Log(k);
        for (var c = 1; c < k; c++)
        {
            var potential = closest.Sum();
            int best = -1;
            double bestPotential = double.PositiveInfinity;
            double[]? bestClosest = null;
            for (var t = 0; t < trials; t++)
            {
                var target = rng.NextDouble() * potential;
                var candidate = 0;
                for (var acc = 0.0; candidate < count - 1; candidate++)
                {
                    acc += closest[candidate];
                    if (acc > target) break;
                }
                var trial = new double[count];
                var sum = 0.0;
                for (var i = 0; i < count; i++)
                {
                    trial[i] = Math.Min(closest[i], metric.Reduced(points.AsSpan(i * dimensions, dimensions),
                        points.AsSpan(candidate * dimensions, dimensions)));
                    sum += trial[i];
                }
                if (sum < bestPotential) { bestPotential = sum; best = candidate; bestClosest = trial; }
            }
            points.AsSpan(best * dimensions, dimensions).CopyTo(centers.AsSpan(c * dimensions, dimensions));
            closest = bestClosest!;
        }
        return centers;
    }
}
