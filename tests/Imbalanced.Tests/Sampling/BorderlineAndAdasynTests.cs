using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class BorderlineAndAdasynTests
{
    public static TheoryData<int> DangerCases() => Fixtures.GoldenCases("danger");

    [Theory]
    [MemberData(nameof(DangerCases))]
    public void Danger_sets_equal_imbalanced_learn(int index)
    {
        var g = Fixtures.Golden("danger")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var m = g.GetProperty("m").GetInt32();
        var all = NeighborSearch.Default.Build(data.Numeric, data.RowCount, data.NumericCount);
        foreach (var cls in g.GetProperty("danger").EnumerateObject())
        {
            var c = data.Classes.IndexOf(cls.Name);
            var expected = cls.Value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
            Assert.Equal(expected, DangerSets.Danger(data, all, c, data.RowsOfClass(c), m));
        }
    }

    [Fact]
    public void Borderline_rows_come_from_danger_seeds_and_the_right_neighbors()
    {
        var data = Fixtures.Load("pima_jitter.csv", "diabetes").Data;
        var all = NeighborSearch.Default.Build(data.Numeric, data.RowCount, data.NumericCount);
        var pos = data.Classes.IndexOf("pos");
        var rows = data.RowsOfClass(pos);
        var danger = DangerSets.Danger(data, all, pos, rows, 10).ToHashSet();
        var points = data.Select(rows);
        var same = NeighborSearch.Default.Build(points.Numeric, rows.Length, data.NumericCount)
            .QuerySelf(5, includeSelf: false);
        foreach (var kind in new[] { BorderlineKind.Borderline1, BorderlineKind.Borderline2 })
        {
            var result = new BorderlineSmote(new BorderlineSmoteOptions { Kind = kind, Seed = 3 }).FitResample(data);
            Assert.Equal(data.ClassCounts()[0] - rows.Length, result.SyntheticCount);
            var towardsOthers = 0;
            foreach (var o in result.AddedOrigins)
            {
                Assert.Contains(o.Base, danger);
                var b = Array.IndexOf(rows, o.Base);
                if (data.Labels[o.Neighbor] == pos)
                {
                    Assert.Contains(Array.IndexOf(rows, o.Neighbor), same.IndicesOf(b).ToArray());
                    Assert.InRange(o.Gap, 0, 1);
                }
                else
                {
                    towardsOthers++;
                    Assert.Equal(BorderlineKind.Borderline2, kind);
                    Assert.InRange(o.Gap, 0, 0.5);
                    var others = Enumerable.Range(0, data.RowCount).Where(i => data.Labels[i] != pos)
                        .OrderBy(i => DistanceMetric.Euclidean.Reduced(data.NumericRow(o.Base), data.NumericRow(i)))
                        .Take(5);
                    Assert.Contains(o.Neighbor, others);
                }
            }
            if (kind == BorderlineKind.Borderline2)
                Assert.InRange(towardsOthers, result.SyntheticCount / 5, result.SyntheticCount * 4 / 5);
        }
    }

    [Fact]
    public void Adasyn_makes_more_rows_from_harder_rows()
    {
        var data = Fixtures.Load("pima_jitter.csv", "diabetes").Data;
        var pos = data.Classes.IndexOf("pos");
        var rows = data.RowsOfClass(pos);
        var all = NeighborSearch.Default.Build(data.Numeric, data.RowCount, data.NumericCount);
        var hardness = DangerSets.OtherClassNeighbors(data, all, pos, rows, 5);
        var perSeed = Adasyn.RowsPerSeed(data, all, pos, rows, 5, data.ClassCounts()[0] - rows.Length);
        var result = new Adasyn(new AdasynOptions { Seed = 1 }).FitResample(data);
        Assert.Equal(perSeed.Sum(), result.SyntheticCount);
        var made = result.AddedOrigins.GroupBy(o => o.Base).ToDictionary(g => g.Key, g => g.Count());
        var points = data.Select(rows);
        var same = NeighborSearch.Default.Build(points.Numeric, rows.Length, data.NumericCount)
            .QuerySelf(5, includeSelf: false);
        foreach (var o in result.AddedOrigins)
        {
            Assert.Contains(Array.IndexOf(rows, o.Neighbor), same.IndicesOf(Array.IndexOf(rows, o.Base)).ToArray());
            Assert.InRange(o.Gap, 0, 1);
        }
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(perSeed[i], made.GetValueOrDefault(rows[i]));
            if (hardness[i] == 0) Assert.Equal(0, perSeed[i]);
        }
        Assert.True(perSeed.Where((_, i) => hardness[i] == 5).Average()
            > perSeed.Where((_, i) => hardness[i] == 1).Average());
    }

    [Fact]
    public void Adasyn_without_any_hard_row_is_a_clear_error()
    {
        var far = TestData.Blobs([50, 10], ["a", "b"], dims: 2).NumericRow(0).Length;
        var data = Dataset.FromRows(
            Enumerable.Range(0, 60).Select(i => new[] { i < 50 ? i * 0.1 : 100 + i * 0.1, 0.0 + far * 0 }).ToArray(),
            Enumerable.Range(0, 60).Select(i => i < 50 ? "a" : "b").ToArray());
        var e = Assert.Throws<DataException>(() => new Adasyn().FitResample(data));
        Assert.Contains("'b'", e.Message);
        Assert.Contains("smote", e.Message);
    }
}
