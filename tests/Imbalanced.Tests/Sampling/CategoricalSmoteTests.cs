using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>SMOTE-NC and SMOTEN against imbalanced-learn, and their categorical votes through provenance.</summary>
public class CategoricalSmoteTests
{
    private static Dataset Mixed => Fixtures.Load("attrition_mixed.csv", "Attrition").Data;

    [Fact]
    public void Smote_nc_median_std_and_neighbor_sets_equal_imbalanced_learn()
    {
        var g = Fixtures.Golden("smotenc");
        var data = Mixed;
        var c = data.Classes.IndexOf(g.GetProperty("class").GetString()!);
        var rows = data.RowsOfClass(c);
        Assert.Equal(g.GetProperty("rows").EnumerateArray().Select(v => v.GetInt32()), rows);
        var continuous = Enumerable.Range(0, data.NumericCount).ToArray();
        var median = SmoteNc.MedianStd(data, rows, continuous);
        Assert.Equal(g.GetProperty("median_std").GetDouble(), median, 1e-9);
        var points = SmoteNc.Encode(data, rows, continuous, [], median, out var width);
        var neighbors = NeighborSearch.Default.Build(points, rows.Length, width).QuerySelf(5, includeSelf: false);
        var expected = g.GetProperty("neighbors");
        for (var i = 0; i < rows.Length; i++)
            Assert.Equal(expected[i].EnumerateArray().Select(v => v.GetInt32()).Take(5),
                neighbors.IndicesOf(i).ToArray());
        var counts = new SmoteNc().FitResample(data).ClassCounts();
        foreach (var kv in g.GetProperty("counts_after").EnumerateObject())
            Assert.Equal(kv.Value.GetInt32(), counts[data.Classes.IndexOf(kv.Name)]);
    }

    [Fact]
    public void Smote_nc_categories_are_a_mode_of_the_seeds_neighbors()
    {
        var data = Mixed;
        var result = new SmoteNc(new SmoteNcOptions { Seed = 4 }).FitResample(data);
        var c = data.Classes.IndexOf("Yes");
        var rows = data.RowsOfClass(c);
        var continuous = Enumerable.Range(0, data.NumericCount).ToArray();
        var points = SmoteNc.Encode(data, rows, continuous, [],
            SmoteNc.MedianStd(data, rows, continuous), out var width);
        var neighbors = NeighborSearch.Default.Build(points, rows.Length, width).QuerySelf(5, includeSelf: false);
        var q = data.CategoricalCount;
        for (var a = 0; a < result.SyntheticCount; a++)
        {
            var o = result.AddedOrigins[a];
            var members = neighbors.IndicesOf(Array.IndexOf(rows, o.Base)).ToArray();
            Assert.Contains(Array.IndexOf(rows, o.Neighbor), members);
            for (var f = 0; f < q; f++)
            {
                var votes = members.GroupBy(m => data.Categorical[rows[m] * q + f])
                    .ToDictionary(v => v.Key, v => v.Count());
                Assert.Equal(votes.Values.Max(), votes.GetValueOrDefault(result.Added.CategoricalRow(a)[f]));
            }
            for (var j = 0; j < data.NumericCount; j++)
                Assert.Equal(
                    data.NumericRow(o.Base)[j] + o.Gap * (data.NumericRow(o.Neighbor)[j] - data.NumericRow(o.Base)[j]),
                    result.Added.NumericRow(a)[j], 1e-12);
        }
    }

    [Fact]
    public void Smote_nc_can_treat_a_numeric_column_as_categorical()
    {
        var data = Mixed;
        var result = new SmoteNc(new SmoteNcOptions
        {
            CategoricalFeatures = ["TotalWorkingYears", .. data.CategoricalNames],
            Seed = 2,
        }).FitResample(data);
        var j = data.NumericNames.ToList().IndexOf("TotalWorkingYears");
        var values = Enumerable.Range(0, data.RowCount).Select(i => data.NumericRow(i)[j]).ToHashSet();
        Assert.All(Enumerable.Range(0, result.SyntheticCount),
            a => Assert.Contains(result.Added.NumericRow(a)[j], values));
        Assert.Contains("'Department'", Assert.Throws<DataException>(() =>
            new SmoteNc(new SmoteNcOptions { CategoricalFeatures = ["BusinessTravel"] }).FitResample(data)).Message);
        Assert.Contains("'nope'", Assert.Throws<DataException>(() =>
            new SmoteNc(new SmoteNcOptions { CategoricalFeatures = ["nope"] }).FitResample(data)).Message);
        var mask = SmoteNc.FeatureOrder(data).Select(n => data.CategoricalNames.Contains(n)).ToArray();
        var byMask = new SmoteNc(new SmoteNcOptions { CategoricalMask = mask, Seed = 2 }).FitResample(data);
        var indices = Enumerable.Range(data.NumericCount, data.CategoricalCount).ToArray();
        var byIndex = new SmoteNc(new SmoteNcOptions { CategoricalIndices = indices, Seed = 2 }).FitResample(data);
        var byDefault = new SmoteNc(new SmoteNcOptions { Seed = 2 }).FitResample(data);
        Assert.Equal(byDefault.Added.Numeric, byMask.Added.Numeric);
        Assert.Equal(byDefault.Added.Categorical, byIndex.Added.Categorical);
    }

    [Fact]
    public void Vdm_distances_equal_imbalanced_learn()
    {
        var g = Fixtures.Golden("vdm");
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var vdm = ValueDifferenceMetric.Fit(data);
        var expected = g.GetProperty("distances");
        for (var i = 0; i < data.RowCount; i++)
            for (var j = 0; j < data.RowCount; j++)
                Assert.Equal(expected[i][j].GetDouble(),
                    vdm.Distance(data.CategoricalRow(i), data.CategoricalRow(j)), 1e-12);
    }

    [Fact]
    public void Vdm_distances_follow_the_formula_for_few_and_many_categories()
    {
        // Terms are tabled once for features of up to 256 categories and computed for larger ones: both give
        // δ(x, y) = Σ_f (Σ_c |P(c | x_f) − P(c | y_f)|)², to the bit.
        const int n = 1200;
        var random = new Random(5);
        int[] sizes = [3, 300];
        var codes = new int[n * 2];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.Next(3);
            for (var f = 0; f < 2; f++) codes[i * 2 + f] = random.Next(sizes[f]);
        }
        var data = new Dataset([], [], codes, ["few", "many"],
            [.. sizes.Select(m => (IReadOnlyList<string>)[.. Enumerable.Range(0, m).Select(v => $"v{v}")])], labels,
            ClassSet.FromDistinct(["a", "b", "c"]));
        var vdm = ValueDifferenceMetric.Fit(data);
        double Share(int f, int v, int c) =>
            (double)Enumerable.Range(0, n).Count(i => codes[i * 2 + f] == v && labels[i] == c)
            / Enumerable.Range(0, n).Count(i => codes[i * 2 + f] == v);
        var shares = sizes.Select((m, f) => Enumerable.Range(0, m)
            .Select(v => Enumerable.Range(0, 3).Select(c => Share(f, v, c)).ToArray()).ToArray()).ToArray();
        for (var i = 0; i < 60; i++)
            for (var j = 0; j < 60; j++)
            {
                var expected = 0.0;
                for (var f = 0; f < 2; f++)
                {
                    int a = codes[i * 2 + f], b = codes[j * 2 + f];
                    if (a == b) continue;
                    var l1 = 0.0;
                    for (var c = 0; c < 3; c++) l1 += Math.Abs(shares[f][a][c] - shares[f][b][c]);
                    expected += l1 * l1;
                }
                Assert.Equal(expected, vdm.Distance(data.CategoricalRow(i), data.CategoricalRow(j)));
            }
    }

    [Fact]
    public void Smoten_rows_are_the_modes_of_the_seeds_neighborhood()
    {
        var data = Fixtures.Load("attrition_categorical.csv", "Attrition").Data;
        var result = new Smoten(new SmotenOptions { Seed = 1 }).FitResample(data);
        var c = data.Classes.IndexOf("Yes");
        Assert.Equal(data.ClassCounts().Max(), result.ClassCounts()[c]);
        var rows = data.RowsOfClass(c);
        var vdm = ValueDifferenceMetric.Fit(data);
        var q = data.CategoricalCount;
        for (var a = 0; a < result.SyntheticCount; a++)
        {
            var o = result.AddedOrigins[a];
            Assert.Equal(-1, o.Neighbor);
            var hood = rows.Select(r => (D: vdm.Distance(data.CategoricalRow(o.Base), data.CategoricalRow(r)), R: r))
                .OrderBy(t => t.D).ThenBy(t => t.R).Take(6).Select(t => t.R).ToArray();
            for (var f = 0; f < q; f++)
            {
                var votes = hood.GroupBy(r => data.Categorical[r * q + f]).ToDictionary(v => v.Key, v => v.Count());
                var mode = votes.Where(v => v.Value == votes.Values.Max()).Min(v => v.Key);
                Assert.Equal(mode, result.Added.CategoricalRow(a)[f]);
            }
        }
    }
}
