using CsCheck;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class PolynomFitSmoteTests
{
    private static ResampleResult Run(Dataset data, PolynomFitTopology topology, long seed = 0,
        SamplingStrategy? strategy = null) =>
        new PolynomFitSmote(new PolynomFitSmoteOptions
        {
            Topology = topology,
            Seed = seed,
            Strategy = strategy ?? SamplingStrategy.Auto,
        }).FitResample(data);

    private static double[] Mean(Dataset data, int[] rows) =>
        Enumerable.Range(0, data.NumericCount).Select(j => rows.Average(r => data.NumericRow(r)[j])).ToArray();

    /// <summary>Star: every new row lies on the segment from its base (a row of the class) to the class's mean, at a
    /// fraction i/(t+1) with t = ⌈n/m⌉, and no base makes more than t rows.</summary>
    [Fact]
    public void Star_rows_lie_on_the_segments_to_the_class_mean_at_evenly_spaced_points()
    {
        Gen.Select(Gen.Int[15, 70], Gen.Int[3, 14], Gen.Int[1, 4], Gen.Long).Sample((major, minor, dims, seed) =>
        {
            var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
            var result = Run(data, PolynomFitTopology.Star, seed);
            var rows = data.RowsOfClass(1);
            var mean = Mean(data, rows);
            var n = major - minor;
            var t = (n + minor - 1) / minor;
            Assert.Equal(n, result.SyntheticCount);
            for (var i = 0; i < n; i++)
            {
                var o = result.AddedRowOrigins[i];
                Assert.Contains(o.Base, rows);
                Assert.Equal(-1, o.Neighbor);
                var x = data.NumericRow(o.Base).ToArray();
                var row = result.Added.NumericRow(i).ToArray();
                // The fraction of the way to the mean, read off the first feature where base and mean differ.
                var j0 = Enumerable.Range(0, dims).First(j => Math.Abs(mean[j] - x[j]) > 1e-9);
                var f = (row[j0] - x[j0]) / (mean[j0] - x[j0]);
                Assert.Contains(Enumerable.Range(1, t), s => Math.Abs(f - s / (t + 1.0)) < 1e-9);
                for (var j = 0; j < dims; j++) Assert.Equal(x[j] + f * (mean[j] - x[j]), row[j], 1e-9);
            }
            Assert.All(result.AddedRowOrigins.GroupBy(o => o.Base), g => Assert.InRange(g.Count(), 1, t));
        }, iter: 30);
    }

    /// <summary>Golden, derived from the published algorithm (smote_variants' star topology, which places
    /// ⌈n/m⌉ = n/m points at fractions 1/(t+1) … t/(t+1) from each row towards the mean): when n is a multiple of
    /// m the new rows are exactly those points, in row order.</summary>
    [Fact]
    public void Star_with_a_whole_number_of_rows_per_row_is_the_published_point_set()
    {
        var data = Dataset.FromRows([[0.0, 0], [2, 0], [0, 4], [9, 9], [9, 8], [8, 9], [8, 8], [7, 9], [9, 7],
            [7, 7], [7, 8], [8, 7]], ["a", "a", "a", "b", "b", "b", "b", "b", "b", "b", "b", "b"]);
        var result = Run(data, PolynomFitTopology.Star, seed: 5);
        // mean (2/3, 4/3); 6 rows to make, t = 2: fractions 1/3 and 2/3 from (0,0), (2,0) and (0,4).
        double[][] expected =
        [
            [2.0 / 9, 4.0 / 9], [4.0 / 9, 8.0 / 9], [2 - 4.0 / 9, 4.0 / 9], [2 - 8.0 / 9, 8.0 / 9],
            [2.0 / 9, 4 - 8.0 / 9], [4.0 / 9, 4 - 16.0 / 9],
        ];
        Assert.Equal(6, result.SyntheticCount);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(i / 2, result.AddedRowOrigins[i].Base);
            for (var j = 0; j < 2; j++) Assert.Equal(expected[i][j], result.Added.NumericRow(i)[j], 1e-12);
        }
    }

    /// <summary>Bus: every new row lies between a row of the class and the next row of the class in input order,
    /// at a fraction i/(t+1) with t = ⌈n/(m−1)⌉; when n is a multiple of m − 1 every segment carries all t
    /// points.</summary>
    [Fact]
    public void Bus_rows_lie_between_consecutive_rows_of_the_class_at_evenly_spaced_points()
    {
        Gen.Select(Gen.Int[15, 70], Gen.Int[3, 14], Gen.Int[1, 4], Gen.Long).Sample((major, minor, dims, seed) =>
        {
            var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
            var result = Run(data, PolynomFitTopology.Bus, seed);
            var rows = data.RowsOfClass(1);
            var n = major - minor;
            var t = (n + minor - 2) / (minor - 1);
            Assert.Equal(n, result.SyntheticCount);
            SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, null);
            foreach (var o in result.AddedRowOrigins)
            {
                Assert.Equal(rows[Array.IndexOf(rows, o.Base) + 1], o.Neighbor);
                Assert.Contains(Enumerable.Range(1, t), s => Math.Abs(o.Gap - s / (t + 1.0)) < 1e-12);
            }
            Assert.Equal(n, result.AddedRowOrigins.Distinct().Count()); // no point twice
            if (n % (minor - 1) == 0)
                Assert.All(result.AddedRowOrigins.GroupBy(o => o.Base), g => Assert.Equal(t, g.Count()));
        }, iter: 30);
    }

    /// <summary>Mesh: every new row lies between two distinct rows of the class; with at least as many pairs as
    /// rows to make, each new row is the midpoint of a pair, and no pair is used twice.</summary>
    [Fact]
    public void Mesh_rows_are_midpoints_of_distinct_pairs_of_rows_of_the_class()
    {
        Gen.Select(Gen.Int[15, 70], Gen.Int[3, 14], Gen.Int[1, 4], Gen.Long).Sample((major, minor, dims, seed) =>
        {
            var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
            var result = Run(data, PolynomFitTopology.Mesh, seed);
            var n = major - minor;
            Assert.Equal(n, result.SyntheticCount);
            SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, null);
            Assert.All(result.AddedRowOrigins, o => Assert.True(o.Base < o.Neighbor));
            Assert.Equal(n, result.AddedRowOrigins.Distinct().Count());
            if (minor * (minor - 1) / 2 >= n)
            {
                Assert.All(result.AddedRowOrigins, o => Assert.Equal(0.5, o.Gap));
                Assert.Equal(n, result.AddedRowOrigins.Select(o => (o.Base, o.Neighbor)).Distinct().Count());
            }
        }, iter: 30);
    }

    [Fact]
    public void Pairs_are_numbered_in_order_without_gaps()
    {
        foreach (var m in new[] { 2, 3, 7, 50, 1000 })
        {
            var k = 0L;
            for (var i = 0; i < m; i++)
                for (var j = i + 1; j < m; j++, k++)
                    if (m < 100 || k % 997 == 0) Assert.Equal((i, j), PolynomFitSmote.Pair(k, m));
        }
        Assert.Equal((99_998, 99_999), PolynomFitSmote.Pair(100_000L * 99_999 / 2 - 1, 100_000));
    }

    /// <summary>Polynomial: when the class's rows lie on a curve of degree N in their order (here f1 = i, f2 = i²,
    /// f3 = i³ − 2i), the fitted curve is that curve, so every new row lies on it, at a position in [0, m).
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Polynomial_rows_lie_on_the_curve_through_the_class(int degree)
    {
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            rows.Add([i, i * i, degree >= 3 ? i * i * i - 2 * i : 3 * i + 1]);
            labels.Add("min");
        }
        for (var i = 0; i < 30; i++)
        {
            rows.Add([-50 - i, 3, 7 * i]);
            labels.Add("maj");
        }
        var data = Dataset.FromRows(rows.ToArray(), labels);
        var result = Run(data, PolynomFitTopology.Polynomial(degree), seed: 3);
        Assert.Equal(21, result.SyntheticCount);
        for (var r = 0; r < 21; r++)
        {
            var x = result.Added.NumericRow(r);
            var t = x[0];
            Assert.InRange(t, -1e-9, 9);
            Assert.Equal(t * t, x[1], 1e-6);
            Assert.Equal(degree >= 3 ? t * t * t - 2 * t : 3 * t + 1, x[2], 1e-6);
            // The base is the row at the whole part of the position.
            Assert.Equal(Math.Floor(t + 1e-9), data.NumericRow(result.AddedRowOrigins[r].Base)[0], 1e-9);
        }
    }

    /// <summary>Degree 1 on rows scattered about a line: new rows lie on the least-squares line of each feature
    /// against the row's position (checked against the closed form of simple linear regression).</summary>
    [Fact]
    public void Degree_one_is_the_least_squares_line()
    {
        var data = TestData.Blobs([40, 10], ["maj", "min"], 3, 8);
        var result = Run(data, PolynomFitTopology.Polynomial(1), seed: 4);
        var rows = data.RowsOfClass(1).OrderBy(r => data.NumericRow(r).ToArray().Average()).ToArray();
        var m = rows.Length;
        var xs = Enumerable.Range(0, m).Select(i => (double)i).ToArray();
        double mx = xs.Average(), sxx = xs.Sum(x => (x - mx) * (x - mx));
        var slope = new double[3];
        var intercept = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var ys = rows.Select(r => data.NumericRow(r)[j]).ToArray();
            slope[j] = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - ys.Average())) / sxx;
            intercept[j] = ys.Average() - slope[j] * mx;
        }
        for (var r = 0; r < result.SyntheticCount; r++)
        {
            var x = result.Added.NumericRow(r);
            var position = (x[0] - intercept[0]) / slope[0];
            Assert.InRange(position, -1e-9, m);
            for (var j = 1; j < 3; j++) Assert.Equal(intercept[j] + slope[j] * position, x[j], 1e-9);
        }
    }

    [Fact]
    public void Counts_follow_the_strategy_for_every_topology_and_several_classes()
    {
        var data = TestData.ThreeClasses();
        foreach (var topology in new[] { "star", "bus", "mesh", "poly-1", "poly-3" })
        {
            var result = Run(data, PolynomFitTopology.Parse(topology, null), 2);
            Assert.Equal([50, 50, 50], result.ClassCounts());
            SegmentChecks.SameAdded(result, Run(data, PolynomFitTopology.Parse(topology, null), 2));
        }
        Assert.NotEqual(Run(data, PolynomFitTopology.Mesh, 1).Added.Numeric,
            Run(data, PolynomFitTopology.Mesh, 2).Added.Numeric);
    }

    [Theory]
    [InlineData("star")]
    [InlineData("bus")]
    [InlineData("mesh")]
    [InlineData("poly-1")]
    [InlineData("poly-12")]
    public void Topologies_are_written_as_they_are_read(string text) =>
        Assert.Equal(text, PolynomFitTopology.Parse(text, null).ToString());

    [Theory]
    [InlineData("ring")]
    [InlineData("poly-0")]
    [InlineData("poly-")]
    [InlineData("poly--2")]
    [InlineData("poly-+2")]
    [InlineData("Star")]
    [InlineData("")]
    public void Other_topologies_are_refused(string text)
    {
        Assert.False(PolynomFitTopology.TryParse(text, null, out _));
        Assert.Contains("is not a topology", Assert.Throws<FormatException>(() =>
            PolynomFitTopology.Parse(text, null)).Message);
    }

    [Fact]
    public void Smote_variants_spelling_is_read_too() =>
        Assert.Equal(PolynomFitTopology.Polynomial(2), PolynomFitTopology.Parse("poly_2", null));

    [Fact]
    public void Too_few_rows_for_the_topology_is_a_data_error_naming_it()
    {
        var data = TestData.Blobs([30, 3], ["maj", "min"], 2, 1);
        var e = Assert.Throws<DataException>(() => Run(data, PolynomFitTopology.Polynomial(3)));
        Assert.Contains("class 'min' has 3 row(s), too few for the poly-3 topology", e.Message);
        Assert.Equal(nameof(PolynomFitSmoteOptions.Topology), e.Parameter);
        Assert.Equal(27, Run(data, PolynomFitTopology.Polynomial(2)).SyntheticCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => PolynomFitTopology.Polynomial(0));
    }

    [Fact]
    public void Registered_with_its_parameter_and_default()
    {
        var info = SamplerRegistry.Find("polynom-fit-smote")!;
        Assert.Equal(SamplerKind.Over, info.Kind);
        var p = Assert.Single(info.Parameters);
        Assert.Equal("topology", p.Name);
        Assert.Equal(PolynomFitTopology.Star, p.Default);
    }
}
