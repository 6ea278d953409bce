using CsCheck;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class SmobdTests
{
    private static double[] Distances(double[] points, int d, int i) =>
        Enumerable.Range(0, points.Length / d).Select(j => Math.Sqrt(Enumerable.Range(0, d)
            .Sum(f => Math.Pow(points[i * d + f] - points[j * d + f], 2)))).ToArray();

    [Fact]
    public void New_rows_lie_between_a_row_and_one_of_its_nearest_same_class_rows()
    {
        Gen.Select(Gen.Int[20, 70], Gen.Int[4, 15], Gen.Int[1, 7], Gen.Int[1, 4], Gen.Long).Sample(
            (major, minor, minSamples, dims, seed) =>
            {
                var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
                var result = new Smobd(new SmobdOptions { MinSamples = minSamples, Seed = seed }).FitResample(data);
                Assert.Equal(major - minor, result.SyntheticCount);
                SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, Math.Min(minor - 1, minSamples));
            }, iter: 30);
    }

    /// <summary>OPTICS on 0, 1, 3, 7 with min_samples 2, worked by hand as scikit-learn's OPTICS defines it: core
    /// distances 1, 1, 2, 4; the ordering 0, 1, 3, 7 with reachabilities ∞, max(1, 1), max(2, 1), max(4, 2).
    /// </summary>
    [Fact]
    public void Optics_core_distances_and_reachability_as_scikit_learn_defines_them()
    {
        var optics = Optics.Compute(NeighborSearch.Default, [0, 1, 3, 7], 4, 2, double.PositiveInfinity);
        Assert.Equal([1, 1, 2, 4], optics.CoreDistances);
        Assert.Equal([double.PositiveInfinity, 1, 2, 4], optics.Reachability);
        Assert.Equal([4, 4, 4, 4], optics.WithinRadius);
        var bounded = Optics.Compute(NeighborSearch.Default, [0, 1, 3, 7], 4, 2, 2.5);
        Assert.Equal([1, 1, 2, double.PositiveInfinity], bounded.CoreDistances);
        Assert.Equal([double.PositiveInfinity, 1, 2, double.PositiveInfinity], bounded.Reachability);
        Assert.Equal([2, 3, 2, 1], bounded.WithinRadius);
    }

    /// <summary>OPTICS scans every point for those within the radius; the result equals the loop it replaced, which
    /// asked the neighbour index for all points sorted by distance and stopped past the radius (repeated points make
    /// ties; several radii and both exact engines).</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Optics_scan_equals_the_sorted_query_loop(int d)
    {
        var rng = new Random(d);
        const int n = 160;
        var points = Enumerable.Range(0, n * d).Select(_ => Math.Round(rng.NextDouble() * 4, 1)).ToArray();
        foreach (var search in new[] { NeighborSearch.Default,
                     new NeighborSearch(DistanceMetric.Manhattan, NeighborAlgorithm.BruteForce) })
            foreach (var radius in new[] { 0.6 * d, 1.2 * d, double.PositiveInfinity })
            {
                var actual = Optics.Compute(search, points, n, 4, radius);
                var index = search.Build(points, n, d);
                var reach = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
                var within = new int[n];
                var processed = new bool[n];
                for (var step = 0; step < n; step++)
                {
                    var point = -1;
                    for (var i = 0; i < n; i++)
                        if (!processed[i] && (point < 0 || reach[i] < reach[point])) point = i;
                    processed[point] = true;
                    var all = index.Query(points.AsSpan(point * d, d), n);
                    for (var r = 0; r < n && all.Distances[r] <= radius; r++)
                    {
                        within[point]++;
                        var q = all.Indices[r];
                        if (processed[q] || double.IsPositiveInfinity(actual.CoreDistances[point])) continue;
                        reach[q] = Math.Min(reach[q], Math.Max(all.Distances[r], actual.CoreDistances[point]));
                    }
                }
                Assert.Equal(reach, actual.Reachability);
                Assert.Equal(within, actual.WithinRadius);
                Assert.Contains(within, w => w > 1);
            }
    }

    /// <summary>With η1 = 1 (and noise off) a row's probability is its core distance, the distance to its
    /// (min_samples − 1)-th nearest other row, over their sum; with η1 = 0 it is the number of rows within the
    /// radius, itself included, over their sum (both by brute force; the radius takes in every core distance, so
    /// that no row is noise).</summary>
    [Fact]
    public void Density_is_the_core_distance_or_the_rows_within_the_radius()
    {
        // The radius stays clear of every core distance (extra ≥ 0.01): at a distance equal to the radius, this
        // test's own distance and the index's may round to opposite sides of it.
        Gen.Select(Gen.Int[6, 30], Gen.Int[2, 6], Gen.Double[0.01, 3], Gen.Long).Sample((m, minSamples, extra, seed) =>
        {
            var points = TestData.Gaussian(m, 2, seed);
            // OPTICS runs with min_samples = min(m − 1, MinSamples), as the doc comment says.
            var used = Math.Min(m - 1, minSamples);
            var core = Enumerable.Range(0, m).Select(i => Distances(points, 2, i).Order().ElementAt(used - 1))
                .ToArray();
            var radius = core.Max() + extra;
            var byCore = new Smobd(new SmobdOptions
            {
                Eta1 = 1,
                NoiseThreshold = 1e6,
                MinSamples = minSamples,
                MaxEps = double.PositiveInfinity,
            }).Density(points, m);
            for (var i = 0; i < m; i++) Assert.Equal(core[i] / core.Sum(), byCore[i], 1e-12);
            var within = Enumerable.Range(0, m).Select(i => Distances(points, 2, i).Count(x => x <= radius))
                .ToArray();
            var byCount = new Smobd(new SmobdOptions
            {
                Eta1 = 0,
                NoiseThreshold = 1e6,
                MinSamples = minSamples,
                MaxEps = radius,
            }).Density(points, m);
            for (var i = 0; i < m; i++) Assert.Equal(within[i] / (double)within.Sum(), byCount[i], 1e-12);
        }, iter: 40);
    }

    /// <summary>A row far from the rest of its class has a core distance and a reachability far above the
    /// averages: it is noise and seeds nothing; the other rows seed in proportion to their densities.</summary>
    [Fact]
    public void Noise_rows_seed_nothing_and_seeds_follow_the_densities()
    {
        var rows = new List<double[]>();
        var labels = new List<string>();
        var points = TestData.Gaussian(20, 2, 6);
        for (var i = 0; i < 20; i++)
        {
            rows.Add([points[2 * i], points[2 * i + 1]]);
            labels.Add("min");
        }
        rows.Add([40, 40]); // the outlier, row 20
        labels.Add("min");
        for (var i = 0; i < 4000; i++)
        {
            rows.Add([100 + i % 50, 100 + i / 50]);
            labels.Add("maj");
        }
        var data = Dataset.FromRows(rows.ToArray(), labels);
        var options = new SmobdOptions { MaxEps = double.PositiveInfinity, Seed = 3 };
        var density = new Smobd(options).Density(data.Select(data.RowsOfClass(1)).Numeric, 21);
        Assert.Equal(0, density[20]);
        var result = new Smobd(options).FitResample(data);
        var made = result.AddedRowOrigins.GroupBy(o => o.Base).ToDictionary(g => g.Key, g => g.Count());
        Assert.False(made.ContainsKey(20));
        var n = result.SyntheticCount;
        for (var i = 0; i < 21; i++)
        {
            var expected = n * density[i];
            Assert.InRange(made.GetValueOrDefault(i), expected - 5 * Math.Sqrt(expected) - 1,
                expected + 5 * Math.Sqrt(expected) + 1);
        }
    }

    /// <summary>A radius below every row's core distance leaves no finite core distance: every row's core factor
    /// is then 1 and the method still makes the rows asked (smote_variants adds none).</summary>
    [Fact]
    public void A_radius_too_small_for_any_core_still_makes_the_rows_asked()
    {
        var data = TestData.ThreeClasses();
        var result = new Smobd(new SmobdOptions { MaxEps = 1e-9, Seed = 1 }).FitResample(data);
        Assert.Equal([50, 50, 50], result.ClassCounts());
    }

    [Fact]
    public void Counts_follow_the_strategy_and_the_seed_decides_the_rows()
    {
        var data = TestData.ThreeClasses();
        var a = new Smobd(new SmobdOptions { Seed = 4, MaxEps = 3 }).FitResample(data);
        Assert.Equal([50, 50, 50], a.ClassCounts());
        SegmentChecks.SameAdded(a, new Smobd(new SmobdOptions { Seed = 4, MaxEps = 3 }).FitResample(data));
        Assert.NotEqual(a.Added.Numeric, new Smobd(new SmobdOptions { Seed = 5, MaxEps = 3 }).FitResample(data)
            .Added.Numeric);
    }

    [Theory]
    [InlineData(1.5, 1.8, 5, 1.0, "Eta1")]
    [InlineData(0.5, -1, 5, 1.0, "NoiseThreshold")]
    [InlineData(0.5, 1.8, 0, 1.0, "MinSamples")]
    [InlineData(0.5, 1.8, 5, -1.0, "MaxEps")]
    public void Out_of_range_parameters_are_refused(double eta1, double t, int minSamples, double maxEps,
        string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Smobd(new SmobdOptions
        {
            Eta1 = eta1,
            NoiseThreshold = t,
            MinSamples = minSamples,
            MaxEps = maxEps,
        }).FitResample(TestData.Binary()));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Registered_with_its_parameters_and_defaults()
    {
        var info = SamplerRegistry.Find("smobd")!;
        Assert.Equal(["eta1", "noise_threshold", "min_samples", "max_eps"], info.Parameters.Select(p => p.Name));
        Assert.Equal([0.5, 1.8, 5, 1.0], info.Parameters.Select(p => p.Default));
    }
}
