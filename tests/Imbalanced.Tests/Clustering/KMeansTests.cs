using System.Runtime.Intrinsics;
using Imbalanced.Clustering;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Clustering;

public class KMeansTests
{
    [Fact]
    public void Finds_well_separated_blobs_whatever_the_thread_count()
    {
        var data = TestData.Blobs([100, 80, 60], ["a", "b", "c"], dims: 3, seed: 2);
        // The blobs are 2 apart per class along each axis: far enough for k-means to recover them up to a few rows.
        var one = KMeans.Fit(data.Numeric, data.RowCount, 3,
            new KMeansOptions { Clusters = 3, Seed = 1, Neighbors = new NeighborSearch(MaxDegreeOfParallelism: 1) });
        var two = KMeans.Fit(data.Numeric, data.RowCount, 3,
            new KMeansOptions { Clusters = 3, Seed = 1, Neighbors = new NeighborSearch(MaxDegreeOfParallelism: 2) });
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.Centers, two.Centers);
        var agreement = Enumerable.Range(0, 3).Sum(c => Enumerable.Range(0, data.RowCount)
            .Where(i => data.Labels[i] == c)
            .GroupBy(i => one.Labels[i]).Max(g => g.Count()));
        Assert.True(agreement >= 0.9 * data.RowCount, $"{agreement} of {data.RowCount} rows in their blob's cluster");
        // Every point sits with its nearest centre.
        for (var i = 0; i < data.RowCount; i++)
        {
            var nearest = Enumerable.Range(0, 3)
                .MinBy(c => DistanceMetric.Euclidean.Reduced(data.NumericRow(i), one.Centers.AsSpan(c * 3, 3)));
            Assert.Equal(nearest, one.Labels[i]);
        }
    }

    /// <summary>k-means++ on enough points to find their distances on several threads: the centres of the greedy
    /// k-means++ written plainly, one trial after the other (each candidate the first point whose running sum of
    /// squared distances, taken 512 points at a time and then by block, exceeds the draw), whatever the thread count.
    /// </summary>
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5)]
    [InlineData(3, 5)]
    [InlineData(2, 3)]
    [InlineData(2, 8)]
    public void Initial_centres_are_those_of_the_sequential_greedy_rule(int threads, int dims)
    {
        const int count = 40_000, k = 9;
        var points = TestData.Gaussian(count, dims, seed: 7);
        var fit = KMeans.Fit(points, count, dims, new KMeansOptions
        {
            Clusters = k,
            MaxIterations = 0,
            Seed = 3,
            Neighbors = new NeighborSearch(MaxDegreeOfParallelism: threads),
        });
        Assert.Equal(Sequential(points, count, dims, k, new SeededRandom(3)), fit.Centers);
    }

    /// <summary>The seeding's distances to several candidates at once give, bit for bit, what
    /// <c>DistanceMetric.Reduced</c> gives for each candidate, at every vector width, whatever the number of dimensions
    /// (with and without a remainder modulo 4).</summary>
    [Fact]
    public void Candidates_side_by_side_are_measured_as_the_metric_measures_each()
    {
        Check<Double128, Vector128<double>>();
        Check<Double256, Vector256<double>>();
        Check<Double512, Vector512<double>>();

        static void Check<TLanes, TVector>()
            where TLanes : struct, IDoubleLanes<TVector>
            where TVector : unmanaged
        {
            var rng = new Random(5);
            var lanes = TLanes.Count;
            for (var dims = 1; dims <= 13; dims++)
            {
                var row = Enumerable.Range(0, dims).Select(_ => rng.NextDouble() * 1e3 - 500).ToArray();
                var candidates = Enumerable.Range(0, lanes)
                    .Select(_ => Enumerable.Range(0, dims).Select(_ => rng.NextDouble() * 1e-2 + rng.Next(-3, 3))
                        .ToArray())
                    .ToArray();
                var across = new double[lanes * dims];
                for (var t = 0; t < lanes; t++)
                    for (var j = 0; j < dims; j++) across[j * lanes + t] = candidates[t][j];
                var together = KMeansPlusPlus.Reduced<TLanes, TVector>(row, across, 0);
                for (var t = 0; t < lanes; t++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(DistanceMetric.Euclidean.Reduced(row, candidates[t])),
                        BitConverter.DoubleToInt64Bits(TLanes.Element(together, t)));
            }
        }
    }

    /// <summary>The seeding at each vector width (emulated where the hardware lacks it) gives the centres of the rule
    /// written plainly, on one thread and on two.</summary>
    [Theory]
    [InlineData(128, 1)]
    [InlineData(256, 2)]
    [InlineData(512, 2)]
    [InlineData(512, 1)]
    public void Every_width_seeds_the_same_centres(int bits, int threads)
    {
        var width = bits switch { 128 => VectorWidth.W128, 256 => VectorWidth.W256, _ => VectorWidth.W512 };
        const int count = 40_000, dims = 7, k = 40;
        var points = TestData.Gaussian(count, dims, seed: 8);
        Assert.Equal(Sequential(points, count, dims, k, new SeededRandom(4)),
            KMeansPlusPlus.Seed(points, count, dims, k, new SeededRandom(4), threads, width));
    }

    /// <summary>The sum the seeding compares: each block of 512 values summed in order, then the blocks' sums.
    /// </summary>
    private static double BlockedSum(double[] values)
    {
        var total = 0.0;
        for (var start = 0; start < values.Length; start += 512)
        {
            var block = 0.0;
            for (var i = start; i < Math.Min(values.Length, start + 512); i++) block += values[i];
            total += block;
        }
        return total;
    }

    private static double[] Sequential(double[] points, int count, int dims, int k, SeededRandom rng)
    {
        var metric = DistanceMetric.Euclidean;
        var centers = new double[k * dims];
        points.AsSpan(rng.NextInt(count) * dims, dims).CopyTo(centers);
        var closest = new double[count];
        for (var i = 0; i < count; i++)
            closest[i] = metric.Reduced(points.AsSpan(i * dims, dims), centers.AsSpan(0, dims));
        for (var c = 1; c < k; c++)
        {
            var potential = BlockedSum(closest);
            var (best, bestPotential) = (-1, double.PositiveInfinity);
            double[]? bestClosest = null;
            for (var t = 0; t < 2 + (int)Math.Log(k); t++)
            {
                var target = rng.NextDouble() * potential;
                // The running sum at a point: the blocks before its block, plus its block's values up to it.
                var candidate = count - 1;
                var before = 0.0;
                for (var start = 0; start < count && candidate == count - 1; start += 512)
                {
                    var partial = 0.0;
                    for (var i = start; i < Math.Min(count, start + 512); i++)
                    {
                        partial += closest[i];
                        if (before + partial > target)
                        {
                            candidate = i;
                            break;
                        }
                    }
                    before += partial;
                }
                var trial = new double[count];
                for (var i = 0; i < count; i++)
                    trial[i] = Math.Min(closest[i],
                        metric.Reduced(points.AsSpan(i * dims, dims), points.AsSpan(candidate * dims, dims)));
                var sum = BlockedSum(trial);
                if (sum < bestPotential) (bestPotential, best, bestClosest) = (sum, candidate, trial);
            }
            points.AsSpan(best * dims, dims).CopyTo(centers.AsSpan(c * dims, dims));
            closest = bestClosest!;
        }
        return centers;
    }

    /// <summary>Lloyd's steps with Hamerly's bounds: the centres and labels of asking the engine about every point at
    /// every step, on points that keep moving between many clusters for dozens of steps, whatever the thread count;
    /// and after the first steps most points are not asked again.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Bounded_steps_give_the_centres_of_assigning_every_point(int threads)
    {
        const int count = 6_000, dims = 6, k = 60;
        var points = TestData.Gaussian(count, dims, seed: 11);
        var search = new NeighborSearch(MaxDegreeOfParallelism: threads);
        var start = KMeans.Fit(points, count, dims, new KMeansOptions
        {
            Clusters = k,
            MaxIterations = 0,
            Seed = 5,
            Neighbors = search,
        }).Centers;
        var fit = KMeans.Fit(points, count, dims, new KMeansOptions
        {
            Clusters = k,
            InitialCenters = start,
            Neighbors = search,
            Tolerance = 0,
        });
        var (centers, labels, iterations) = Lloyd(points, count, dims, k, start);
        Assert.True(fit.Iterations >= 20, $"{fit.Iterations} steps");
        Assert.Equal(iterations, fit.Iterations);
        Assert.Equal(centers, fit.Centers);
        Assert.Equal(labels, fit.Labels);

        var assignment = new BoundedAssignment(points, count, dims, search);
        assignment.Assign(start, k, null);
        Assert.Equal(count, assignment.Asked);
        var moved = start.Select((v, i) => v + 1e-3 * ((i % 3) - 1)).ToArray();
        assignment.Assign(moved, k, start);
        Assert.InRange(assignment.Asked, 1, count / 4);
        var full = search.Build(moved, k, dims).Query(points, 1).Indices;
        Assert.Equal(full, assignment.Labels);
    }

    /// <summary>The bounds are Euclidean: with another metric every point is asked at every step, and the labels are
    /// that metric's nearest centres.</summary>
    [Fact]
    public void Another_metric_is_asked_about_every_point()
    {
        const int count = 3_000, dims = 4, k = 20;
        var points = TestData.Gaussian(count, dims, seed: 13);
        var search = new NeighborSearch(DistanceMetric.Manhattan);
        var fit = KMeans.Fit(points, count, dims, new KMeansOptions { Clusters = k, Seed = 2, Neighbors = search });
        Assert.Equal(search.Build(fit.Centers, k, dims).Query(points, 1).Indices, fit.Labels);
        var assignment = new BoundedAssignment(points, count, dims, search);
        assignment.Assign(fit.Centers, k, null);
        assignment.Assign(fit.Centers.Select(v => v + 1e-6).ToArray(), k, fit.Centers);
        Assert.Equal(count, assignment.Asked);
    }

    /// <summary>Plain Lloyd: every point assigned by a full query at every step, empty clusters keeping their centre,
    /// sums in point order; stops when a step moves no centre, or after 300 steps.</summary>
    private static (double[] Centers, int[] Labels, int Iterations) Lloyd(double[] points, int count, int dims, int k,
        double[] start)
    {
        var centers = (double[])start.Clone();
        var steps = 0;
        while (steps < 300)
        {
            steps++;
            var labels = NeighborSearch.Default.Build(centers, k, dims).Query(points, 1).Indices;
            var next = new double[k * dims];
            var sizes = new int[k];
            for (var i = 0; i < count; i++)
            {
                sizes[labels[i]]++;
                for (var j = 0; j < dims; j++) next[labels[i] * dims + j] += points[i * dims + j];
            }
            for (var c = 0; c < k; c++)
                for (var j = 0; j < dims; j++)
                    next[c * dims + j] = sizes[c] > 0 ? next[c * dims + j] / sizes[c] : centers[c * dims + j];
            var still = next.SequenceEqual(centers);
            centers = next;
            if (still) break;
        }
        return (centers, NeighborSearch.Default.Build(centers, k, dims).Query(points, 1).Indices, steps);
    }

    [Fact]
    public void More_clusters_than_points_is_a_data_error() =>
        Assert.Throws<DataException>(() => KMeans.Fit([1, 2, 3], 3, 1, new KMeansOptions { Clusters = 4 }));
}
