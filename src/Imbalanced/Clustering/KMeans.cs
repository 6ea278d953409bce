using Imbalanced.Neighbors;
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
            : PlusPlus(points, count, dimensions, k, rng, options.Neighbors);
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

    /// <summary>
    /// Greedy k-means++: each new centre is the best of <c>2 + ln k</c> candidates drawn with probability
    /// proportional to the squared distance to the nearest centre so far. A candidate is the first point whose running
    /// sum of those distances (added in point order) exceeds the draw; each candidate's distances are found in
    /// parallel and summed in point order, which also gives the running sums the next draws read, so the centres do
    /// not depend on the thread count.
    /// </summary>
    private static double[] PlusPlus(double[] points, int count, int dimensions, int k, SeededRandom rng,
        NeighborSearch search)
    {
        var metric = DistanceMetric.Euclidean;
        var centers = new double[k * dimensions];
        var first = rng.NextInt(count);
        points.AsSpan(first * dimensions, dimensions).CopyTo(centers);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = count >= ParallelFrom ? search.Threads : 1 };
        var parts = (count + Part - 1) / Part;
        // The nearest centre's squared distance of every point and their running sums: the current ones, the best
        // candidate's so far and the candidate's being tried; the buffers are swapped, not made again.
        var closest = new double[count];
        var running = new double[count];
        var best = (Closest: new double[count], Running: new double[count]);
        var trial = (Closest: new double[count], Running: new double[count]);
        // Each point's squared distance to point `at`, or the smaller of it and current[i], into `into`.
        void Nearer(int at, double[]? current, double[] into) => Parallel.For(0, parts, parallel, part =>
        {
            var end = Math.Min(count, (part + 1) * Part);
            var centre = points.AsSpan(at * dimensions, dimensions);
            for (var i = part * Part; i < end; i++)
            {
                var d = metric.Reduced(points.AsSpan(i * dimensions, dimensions), centre);
                into[i] = current is null ? d : Math.Min(current[i], d);
            }
        });
        Nearer(first, null, closest);
        var potential = Accumulate(closest, running);
        var trials = 2 + (int)Math.Log(k);
        for (var c = 1; c < k; c++)
        {
            var chosen = -1;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var candidate = FirstAbove(running, rng.NextDouble() * potential);
                Nearer(candidate, closest, trial.Closest);
                var sum = Accumulate(trial.Closest, trial.Running);
                if (sum < bestPotential)
                {
                    (bestPotential, chosen) = (sum, candidate);
                    (best, trial) = (trial, best);
                }
            }
            points.AsSpan(chosen * dimensions, dimensions).CopyTo(centers.AsSpan(c * dimensions, dimensions));
            (closest, running, best) = (best.Closest, best.Running, (closest, running));
            potential = bestPotential;
        }
        return centers;
    }

    /// <summary>Points a thread takes at a time in k-means++.</summary>
    private const int Part = 8192;

    /// <summary>Fewest points for which k-means++ finds distances on more than one thread.</summary>
    private const int ParallelFrom = 4 * Part;

    /// <summary>Writes the running sums of <paramref name="values"/>, added in order, into
    /// <paramref name="running"/>; returns the total.</summary>
    private static double Accumulate(double[] values, double[] running)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
            running[i] = sum;
        }
        return sum;
    }

    /// <summary>The first point before the last whose running sum exceeds <paramref name="target"/>; the last point
    /// when none does (running sums never decrease: the distances are not negative).</summary>
    private static int FirstAbove(double[] running, double target)
    {
        int lo = 0, hi = running.Length - 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (running[mid] > target) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
