using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Regression;

namespace Imbalanced.Tests.Sampling.Regression;

public class SmoterTests
{
    /// <summary>Every new row lies on the segment from a rare row to one of its k nearest neighbours of the same rare
    /// bin, and its target is the average of the two targets weighted by the inverse distances (Torgo et al.).
    /// </summary>
    [Fact]
    public void New_rows_interpolate_rare_neighbors_of_one_bin_and_weight_their_targets_by_distance()
    {
        foreach (var (n, dims, k, seed) in new[] { (200, 2, 5, 1L), (300, 4, 3, 2L), (150, 1, 1, 3L), (400, 3, 7, 4L) })
        {
            var data = RegressionTestData.Skewed(n, dims, seed);
            var result = new Smoter(new() { KNeighbors = k, Seed = seed }).FitResample(data);
            var binOf = RegressionTestData.BinOf(data, result.Bins);
            Assert.True(result.SyntheticCount > 0);
            for (var a = 0; a < result.SyntheticCount; a++) RegressionTestData.CheckInterpolated(result, a, k, binOf);
        }
    }

    /// <summary>Balance (the default): every bin ends with ⌊round(n / bins) / size · size⌋ rows; common bins lose
    /// rows drawn without replacement, rare bins keep all theirs.</summary>
    [Fact]
    public void By_default_every_bin_is_brought_to_the_same_size()
    {
        var data = RegressionTestData.Skewed(300, 3, 5);
        var result = new Smoter(new() { Seed = 5 }).FitResample(data);
        var bins = result.Bins.Bins;
        Assert.Equal([true, false, true], bins.Select(b => b.Rare));
        var size = Math.Round(300.0 / bins.Count, MidpointRounding.ToEven);
        var binOf = RegressionTestData.BinOf(data, result.Bins);
        for (var b = 0; b < bins.Count; b++)
        {
            var kept = result.Rows.KeptInputRows.Count(r => binOf[r] == b);
            var added = result.Rows.AddedRowOrigins.Count(o => binOf[o.Base] == b);
            var f = size / bins[b].Rows.Count;
            var expected = f < 1 ? (int)(f * bins[b].Rows.Count)
                : bins[b].Rows.Count * (1 + (int)(f - 1)) + (int)(bins[b].Rows.Count * (f - 1 - (int)(f - 1)));
            Assert.Equal(expected, kept + added);
            Assert.InRange(kept + added, size - 1, size);
            if (bins[b].Rare) Assert.Equal(bins[b].Rows.Count, kept);
            else Assert.Equal(0, added);
        }
        Assert.Equal(result.Rows.KeptInputRows.Order(), result.Rows.KeptInputRows);
        Assert.Equal(result.Rows.KeptInputRows.Distinct().Count(), result.Rows.KeptInputRows.Count);
    }

    /// <summary>With percentages: a rare bin of m rows gains ⌊over / 100⌋ · m + ⌊m · frac(over / 100)⌋ rows, each
    /// rare row seeding ⌊over / 100⌋ or one more; a common bin keeps ⌊under / 100 · m⌋ rows.</summary>
    [Theory]
    [InlineData(200.0, 50.0)]
    [InlineData(150.0, 100.0)]
    [InlineData(30.0, 10.0)]
    [InlineData(0.0, 100.0)]
    public void Counts_per_bin_follow_the_over_and_under_percentages(double over, double under)
    {
        var data = RegressionTestData.Skewed(250, 2, 9);
        var result = new Smoter(new() { OverPercentage = over, UnderPercentage = under, Seed = 9 }).FitResample(data);
        var binOf = RegressionTestData.BinOf(data, result.Bins);
        for (var b = 0; b < result.Bins.Bins.Count; b++)
        {
            var bin = result.Bins.Bins[b];
            var m = bin.Rows.Count;
            var kept = result.Rows.KeptInputRows.Count(r => binOf[r] == b);
            var seeds = result.Rows.AddedRowOrigins.Where(o => binOf[o.Base] == b).GroupBy(o => o.Base)
                .ToDictionary(g => g.Key, g => g.Count());
            if (bin.Rare)
            {
                var each = (int)(over / 100);
                Assert.Equal(m, kept);
                Assert.Equal(each * m + (int)(m * (over / 100 - each)), seeds.Values.Sum());
                Assert.All(seeds.Values, c => Assert.InRange(c, each, each + 1));
            }
            else
            {
                Assert.Equal((int)(under / 100 * m), kept);
                Assert.Empty(seeds);
            }
        }
    }

    [Fact]
    public void Same_seed_same_result_whatever_the_thread_count_and_the_input_is_unchanged()
    {
        var data = RegressionTestData.Skewed(400, 3, 11);
        var features = data.Features.NumericValues.ToArray();
        var target = data.TargetValues.ToArray();
        RegressionResampleResult Run(int threads) => new Smoter(new()
        {
            Seed = 4,
            Neighbors = new NeighborSearch(MaxDegreeOfParallelism: threads),
        }).FitResample(data);
        var one = Run(1);
        var four = Run(4);
        Assert.Equal(one.Rows.KeptInputRows, four.Rows.KeptInputRows);
        Assert.Equal(one.Rows.AddedRowOrigins, four.Rows.AddedRowOrigins);
        Assert.Equal(one.Rows.Added.NumericValues.ToArray(), four.Rows.Added.NumericValues.ToArray());
        Assert.Equal(one.AddedTargetValues.ToArray(), four.AddedTargetValues.ToArray());
        Assert.NotEqual(one.AddedTargetValues.ToArray(),
            new Smoter(new() { Seed = 5 }).FitResample(data).AddedTargetValues.ToArray());
        Assert.Equal(features, data.Features.NumericValues.ToArray());
        Assert.Equal(target, data.TargetValues.ToArray());
        var all = one.ToDataset();
        Assert.Equal(one.RowCount, all.RowCount);
        Assert.Equal(one.TargetOf(one.RowCount - 1), all.TargetValues.Span[^1]);
    }

    [Fact]
    public void Refuses_what_it_cannot_do()
    {
        var data = RegressionTestData.Skewed(200, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new Smoter(new() { RelevanceThreshold = 0 }).FitResample(data));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Smoter(new() { KNeighbors = 0 }).FitResample(data));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Smoter(new() { UnderPercentage = 120 }).FitResample(data));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Smoter(new() { OverPercentage = -1 }).FitResample(data));
        var tooMany = Assert.Throws<DataException>(() => new Smoter(new() { KNeighbors = 150 }).FitResample(data));
        Assert.Contains("too few for KNeighbors = 150", tooMany.Message);
        var flat = RegressionDataset.FromRows([.. Enumerable.Range(0, 30).Select(i => new double[] { i })],
            [.. Enumerable.Range(0, 30).Select(i => (double)i)]);
        var none = Assert.Throws<DataException>(() => new Smoter().FitResample(flat));
        Assert.Contains("no value of the target 'target' is rare", none.Message);
        var empty = new RegressionDataset(new Dataset([1.0, double.NaN, 3], ["x"], [0, 0, 0],
            ClassSet.FromDistinct(["0"])), [1.0, 2, 3]);
        Assert.Contains("1 empty cell(s)", Assert.Throws<DataException>(() => new Smoter().FitResample(empty))
            .Message);
    }

    /// <summary>With categorical features (UBL's HEOM): neighbours are the k nearest of the bin under HEOM, numeric
    /// features interpolate, each category is the seed's or the neighbour's, and the target is the average of the
    /// two targets weighted by the new row's HEOM distances to them.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mixed_features_use_heom_and_take_each_category_from_seed_or_neighbor(bool smogn)
    {
        var numeric = RegressionTestData.Skewed(300, 2, 21);
        var f = numeric.Features;
        var n = f.RowCount;
        var codes = new int[n * 2];
        for (var i = 0; i < n; i++)
        {
            codes[i * 2] = i % 3;
            codes[i * 2 + 1] = f.NumericRow(i)[1] > 0 ? 1 : 0;
        }
        var data = new RegressionDataset(new Dataset(f.NumericValues.ToArray(), f.NumericNames, codes, ["c", "d"],
            [["a", "b", "c"], ["neg", "pos"]], new int[n], f.Classes), numeric.TargetValues.ToArray());
        var k = 4;
        RegressionResampleResult result = smogn
            ? new Smogn(new() { KNeighbors = k, Seed = 2 }).FitResample(data)
            : new Smoter(new() { KNeighbors = k, Seed = 2 }).FitResample(data);
        var binOf = RegressionTestData.BinOf(data, result.Bins);
        Assert.True(result.SyntheticCount > 0);
        for (var a = 0; a < result.SyntheticCount; a++)
        {
            var o = result.Rows.AddedRowOrigins[a];
            var row = result.Rows.Added;
            if (o.Neighbor < 0)
            {
                Assert.True(smogn);
                continue;
            }
            var rows = result.Bins.Bins[binOf[o.Base]].Rows;
            var space = new BinSpace(data.Features, rows);
            int s = rows.ToList().IndexOf(o.Base), t = rows.ToList().IndexOf(o.Neighbor);
            var kth = Enumerable.Range(0, rows.Count).Where(r => r != s)
                .Select(r => space.Distance(space.Point(s), space.Point(r))).Order().ElementAt(k - 1);
            Assert.True(space.Distance(space.Point(s), space.Point(t)) <= kth);
            for (var j = 0; j < 2; j++)
                Assert.Equal(f.NumericRow(o.Base)[j] + o.Gap * (f.NumericRow(o.Neighbor)[j] - f.NumericRow(o.Base)[j]),
                    row.NumericRow(a)[j]);
            double[] point =
                [.. row.NumericRow(a).ToArray(), .. row.CategoricalRow(a).ToArray().Select(c => (double)c)];
            for (var c = 0; c < 2; c++)
                Assert.Contains(row.CategoricalRow(a)[c],
                    new[] { data.Features.CategoricalRow(o.Base)[c], data.Features.CategoricalRow(o.Neighbor)[c] });
            double d1 = space.Distance(point, space.Point(s)), d2 = space.Distance(point, space.Point(t));
            double ys = data.Target[o.Base], yn = data.Target[o.Neighbor];
            Assert.Equal(d1 == d2 ? (ys + yn) / 2 : (d2 * ys + d1 * yn) / (d1 + d2), result.AddedTarget[a], 1e-9);
        }
    }

    [Fact]
    public void Is_registered_as_a_regression_method_with_its_parameters()
    {
        var info = SamplerRegistry.Find("smoter")!;
        Assert.Equal(SamplerKind.Regression, info.Kind);
        Assert.Equal(["relevance_threshold", "k_neighbors", "over", "under"], info.Parameters.Select(p => p.Name));
        Assert.Equal(0.8, info.Parameters[0].Default);
        Assert.Throws<ArgumentException>(() => info.Create());
        Assert.Throws<ArgumentException>(() => SamplerRegistry.Find("smote")!.CreateRegression());
        var data = RegressionTestData.Skewed(200, 2, 1);
        var viaRegistry = info.CreateRegression(3, new Dictionary<string, object?> { ["k_neighbors"] = 3 })
            .FitResample(data);
        var direct = new Smoter(new() { Seed = 3, KNeighbors = 3 }).FitResample(data);
        Assert.Equal(direct.AddedTargetValues.ToArray(), viaRegistry.AddedTargetValues.ToArray());
        Assert.Equal(["perturbation", "relevance_threshold", "k_neighbors", "over", "under"],
            SamplerRegistry.Find("smogn")!.Parameters.Select(p => p.Name));
    }
}
