using CsCheck;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class ProWSynTests
{
    private static double Distance(Dataset data, int a, int b)
    {
        double s = 0;
        for (var j = 0; j < data.NumericCount; j++)
        {
            var d = data.NumericRow(a)[j] - data.NumericRow(b)[j];
            s += d * d;
        }
        return Math.Sqrt(s);
    }

    /// <summary>The paper's levels, by brute force: at level 1 … L − 1 every row of another class marks its K
    /// nearest rows of the class not yet levelled (ties to the lower row); the rest get level L.</summary>
    private static Dictionary<int, int> BruteLevels(Dataset data, int c, int k, int levelCount)
    {
        var remaining = data.RowsOfClass(c).ToList();
        var levels = new Dictionary<int, int>();
        for (var level = 1; level < levelCount && remaining.Count > 0; level++)
        {
            var marked = new HashSet<int>();
            for (var o = 0; o < data.RowCount; o++)
            {
                if (data.Labels[o] == c) continue;
                foreach (var r in remaining.OrderBy(r => Distance(data, o, r)).ThenBy(r => r)
                             .Take(Math.Min(k, remaining.Count)))
                    marked.Add(r);
            }
            foreach (var r in marked) levels[r] = level;
            remaining.RemoveAll(marked.Contains);
        }
        foreach (var r in remaining) levels[r] = levelCount;
        return levels;
    }

    /// <summary>Each new row lies between its seed and another row of the seed's proximity level; each seed makes
    /// n · exp(−θ(level − 1)) / Σ exp(…) rows, within one, and the counts add up to n.</summary>
    [Fact]
    public void Rows_lie_within_a_level_and_each_seed_makes_its_weighted_share()
    {
        Gen.Select(Gen.Int[20, 80], Gen.Int[6, 20], Gen.Int[1, 4], Gen.Int[1, 6], Gen.Double[0, 3], Gen.Long)
            .Sample((major, minor, k, levelCount, theta, seed) =>
            {
                var data = TestData.Blobs([major, minor], ["maj", "min"], 2, seed);
                var options = new ProWSynOptions { NNeighbors = k, Levels = levelCount, Theta = theta, Seed = seed };
                var result = new ProWSyn(options).FitResample(data);
                var n = major - minor;
                Assert.Equal(n, result.SyntheticCount);
                var levels = BruteLevels(data, 1, k, levelCount);
                Assert.Equal(levels.Keys.Order(), data.RowsOfClass(1));
                foreach (var o in result.AddedRowOrigins.Where(o => o.Neighbor >= 0))
                {
                    Assert.NotEqual(o.Base, o.Neighbor);
                    Assert.Equal(levels[o.Base], levels[o.Neighbor]);
                }
                foreach (var o in result.AddedRowOrigins.Where(o => o.Neighbor < 0))
                {
                    Assert.Equal(o.Base, o.Source); // a copy: the seed is alone in its level
                    Assert.Single(levels, kv => kv.Value == levels[o.Base]);
                }
                SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, null, o => o.Neighbor >= 0);
                var weight = levels.ToDictionary(kv => kv.Key, kv => Math.Exp(-theta * (kv.Value - 1)));
                var total = weight.Values.Sum();
                var made = result.AddedRowOrigins.GroupBy(o => o.Base).ToDictionary(g => g.Key, g => g.Count());
                foreach (var (row, w) in weight)
                    Assert.InRange(made.GetValueOrDefault(row), n * w / total - 1 + 1e-9, n * w / total + 1 - 1e-9);
            }, iter: 40);
    }

    /// <summary>Rows nearest the other class (level 1) make more rows than those far from it; with θ = 0 every row
    /// makes the same number, within one.</summary>
    [Fact]
    public void Nearer_rows_make_more_and_theta_zero_makes_the_counts_equal()
    {
        var data = TestData.Blobs([200, 20], ["maj", "min"], 2, 3);
        var levels = BruteLevels(data, 1, 2, 5);
        var near = new ProWSyn(new ProWSynOptions { NNeighbors = 2, Seed = 1 }).FitResample(data);
        var made = near.AddedRowOrigins.GroupBy(o => o.Base).ToDictionary(g => g.Key, g => g.Count());
        var byLevel = levels.GroupBy(kv => kv.Value)
            .ToDictionary(g => g.Key, g => g.Average(kv => made.GetValueOrDefault(kv.Key)));
        var ordered = byLevel.OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray();
        Assert.True(ordered.Length >= 2);
        for (var i = 1; i < ordered.Length; i++) Assert.True(ordered[i - 1] > ordered[i]);
        var flat = new ProWSyn(new ProWSynOptions { NNeighbors = 2, Theta = 0, Seed = 1 }).FitResample(data);
        var counts = flat.AddedRowOrigins.GroupBy(o => o.Base).Select(g => g.Count()).ToArray();
        Assert.Equal(20, counts.Length);
        Assert.InRange(counts.Max() - counts.Min(), 0, 1);
    }

    [Fact]
    public void Apportion_adds_up_and_stays_within_one_of_the_shares()
    {
        Gen.Select(Gen.Double[0.001, 10].Array[1, 30], Gen.Int[0, 5000]).Sample((weights, total) =>
        {
            var counts = ProWSyn.Apportion(weights, total);
            Assert.Equal(total, counts.Sum());
            for (var i = 0; i < weights.Length; i++)
                Assert.True(Math.Abs(counts[i] - total * weights[i] / weights.Sum()) < 1 + 1e-9);
        });
    }

    [Fact]
    public void Counts_follow_the_strategy_and_the_seed_decides_the_rows()
    {
        var data = TestData.ThreeClasses();
        var a = new ProWSyn(new ProWSynOptions { Seed = 4 }).FitResample(data);
        Assert.Equal([50, 50, 50], a.ClassCounts());
        SegmentChecks.SameAdded(a, new ProWSyn(new ProWSynOptions { Seed = 4 }).FitResample(data));
        Assert.NotEqual(a.Added.Numeric, new ProWSyn(new ProWSynOptions { Seed = 5 }).FitResample(data).Added.Numeric);
    }

    [Theory]
    [InlineData(0, 5, 1.0, "NNeighbors")]
    [InlineData(5, 0, 1.0, "Levels")]
    [InlineData(5, 5, -0.5, "Theta")]
    [InlineData(5, 5, double.PositiveInfinity, "Theta")]
    public void Out_of_range_parameters_are_refused(int k, int levels, double theta, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ProWSyn(new ProWSynOptions
        {
            NNeighbors = k,
            Levels = levels,
            Theta = theta,
        }).FitResample(TestData.Binary()));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Registered_with_its_parameters_and_defaults()
    {
        var info = SamplerRegistry.Find("prowsyn")!;
        Assert.Equal(["n_neighbors", "levels", "theta"], info.Parameters.Select(p => p.Name));
        Assert.Equal([5, 5, 1.0], info.Parameters.Select(p => p.Default));
    }
}
