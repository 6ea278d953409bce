using Imbalanced.Randomness;

namespace Imbalanced.Clustering;

/// <summary>
/// k-means clustering (Lloyd, 1982) with greedy k-means++ initialisation (Arthur and Vassilvitskii, 2007, with
/// scikit-learn's 2 + ln k local trials), seeded. Points are assigned by the project's neighbour engine; after the
/// first step it is asked again only about the points whose Hamerly (2010) bounds no longer prove their centre the
/// nearest, which gives the labels of asking about every point (tested). Sums are accumulated in a fixed order, so
/// results do not depend on the thread count. The one k-means of the project: K-Means-SMOTE, ClusterCentroids and
/// the approximate neighbour index use it.
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
            : KMeansPlusPlus.Seed(points, count, dimensions, k, rng, options.Neighbors.Threads);
        var tolerance = options.Tolerance * MeanVariance(points, count, dimensions);
        var assignment = new BoundedAssignment(points, count, dimensions, options.Neighbors);
        var labels = assignment.Labels;
        double[]? assigned = null;
        var iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            assignment.Assign(centers, k, assigned);
            assigned = centers;
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
        assignment.Assign(centers, k, assigned);
        return new KMeansResult(centers, labels, iterations);
    }

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
}
