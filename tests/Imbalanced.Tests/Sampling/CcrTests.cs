using CsCheck;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Combined;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class CcrTests
{
    private static double L1(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var d = 0.0;
        for (var j = 0; j < a.Length; j++) d += Math.Abs(a[j] - b[j]);
        return d;
    }

    /// <summary>The paper's radius, found independently of the sampler: the r whose cost
    /// <c>r + Σ max(0, r − d)</c> over the cleaned rows' L1 distances d is the budget (bisection).</summary>
    private static double Radius(Dataset data, int seed, int[] cleaned, double budget)
    {
        var d = cleaned.Select(r => L1(data.NumericRow(seed), data.NumericRow(r))).ToArray();
        double lo = 0, hi = budget;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (mid + d.Sum(x => Math.Max(0, mid - x)) < budget) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    private static int[] RowsNotOf(Dataset data, int classCode) =>
        Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] != classCode).ToArray();

    /// <summary>Five 'min' rows 10 apart on a line, each with 12 'maj' rows within 1 of it (L1): spheres of energy
    /// 1 have radius at most 1, so they never overlap and each 'maj' row is in at most one.</summary>
    private static Dataset Separated(long seed)
    {
        var rng = new Imbalanced.Randomness.SeededRandom(seed);
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var k = 0; k < 5; k++)
        {
            rows.Add([10.0 * k, 0]);
            labels.Add("min");
            for (var i = 0; i < 12; i++)
            {
                var a = rng.NextDouble() - 0.5;
                var b = (rng.NextDouble() - 0.5) * (1 - 2 * Math.Abs(a)) * 0.98;
                rows.Add([10.0 * k + a, b]);
                labels.Add("maj");
            }
        }
        return Dataset.FromRows(rows.ToArray(), labels.ToArray());
    }

    /// <summary>Every new row lies in its seed's sphere: within the seed's radius (L1), the radius the paper's
    /// energy cost gives against the rows of the class not grown.</summary>
    [Fact]
    public void New_rows_lie_inside_the_sphere_of_their_seed()
    {
        Gen.Select(Gen.Int[20, 60], Gen.Int[3, 12], Gen.Int[1, 4], Gen.Double[0.2, 3], Gen.Long).Sample(
            (major, minor, dims, energy, seed) =>
            {
                var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
                var result = new Ccr(new CcrOptions { Energy = energy, Seed = seed }).FitResample(data);
                var cleaned = RowsNotOf(data, 1);
                var added = 0;
                for (var i = 0; i < result.Added.RowCount; i++)
                {
                    if (result.Added.Labels[i] != 1) continue;
                    added++;
                    var s = result.AddedRowOrigins[i].Base;
                    Assert.Equal(1, data.Labels[s]);
                    Assert.True(L1(result.Added.NumericRow(i), data.NumericRow(s))
                        <= Radius(data, s, cleaned, energy) + 1e-9);
                }
                Assert.Equal(major - minor, added);
            }, iter: 30);
    }

    /// <summary>Each seed makes a share of the strategy's count inversely proportional to its radius: counts add up
    /// to the strategy's, each within 1 of <c>n · (1/r) / Σ(1/r)</c>, and a smaller sphere never makes fewer.
    /// </summary>
    [Fact]
    public void Smaller_spheres_seed_more_rows_and_counts_add_up()
    {
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var data = TestData.Blobs([70, 9], ["maj", "min"], 2, seed);
            var result = new Ccr(new CcrOptions { Seed = seed }).FitResample(data);
            var seeds = data.RowsOfClass(1);
            var cleaned = RowsNotOf(data, 1);
            var inverse = seeds.Select(s => 1 / Radius(data, s, cleaned, 1.0)).ToArray();
            var made = seeds.Select(s => result.AddedRowOrigins.Count(o => o.Base == s)).ToArray();
            Assert.Equal(61, made.Sum());
            for (var i = 0; i < seeds.Length; i++)
            {
                Assert.InRange(made[i] - 61 * inverse[i] / inverse.Sum(), -1, 1);
                for (var j = 0; j < seeds.Length; j++)
                    if (inverse[i] > inverse[j] * (1 + 1e-9)) Assert.True(made[i] >= made[j]);
            }
            Assert.True(made.Distinct().Count() > 1, "the data gives spheres of different sizes");
        }
    }

    /// <summary>Cleaning: where spheres do not overlap, no row of the cleaned class is left strictly inside any
    /// sphere; each moved row was inside its sphere and went straight out along seed → row to the surface
    /// (<c>s + r/d · (x − s)</c>); rows outside every sphere are kept as they were.</summary>
    [Fact]
    public void Cleaned_rows_are_pushed_outward_to_the_surface_and_none_stays_inside()
    {
        foreach (var seed in new long[] { 1, 2, 3, 4 })
        {
            var data = Separated(seed);
            var result = new Ccr(new CcrOptions { Seed = seed }).FitResample(data);
            Assert.Equal("min", data.Classes[1]); // 'maj' < 'min': class 0 is 'maj'
            var seeds = data.RowsOfClass(1);
            var cleaned = RowsNotOf(data, 1);
            var radius = seeds.ToDictionary(s => s, s => Radius(data, s, cleaned, 1.0));
            var output = result.ToDataset();
            for (var r = 0; r < output.RowCount; r++)
            {
                if (output.Labels[r] != 0) continue;
                foreach (var s in seeds)
                    Assert.True(L1(output.NumericRow(r), data.NumericRow(s)) >= radius[s] - 1e-9);
            }
            var moved = 0;
            for (var i = 0; i < result.Added.RowCount; i++)
            {
                if (result.Added.Labels[i] != 0) continue;
                moved++;
                var b = result.AddedRowOrigins[i].Base;
                var s = seeds.Single(s => L1(data.NumericRow(b), data.NumericRow(s)) < radius[s]);
                var x = data.NumericRow(b);
                var seedRow = data.NumericRow(s);
                var d = L1(x, seedRow);
                for (var j = 0; j < x.Length; j++)
                    Assert.Equal(seedRow[j] + radius[s] / d * (x[j] - seedRow[j]), result.Added.NumericRow(i)[j],
                        1e-9);
            }
            Assert.True(moved > 0, "some 'maj' rows were inside a sphere");
            Assert.Equal(cleaned.Length, result.ClassCounts()[0]);
            foreach (var k in result.KeptInputRows.Where(k => data.Labels[k] == 0))
                Assert.All(seeds, s => Assert.True(L1(data.NumericRow(k), data.NumericRow(s)) >= radius[s] - 1e-12));
        }
    }

    /// <summary>More energy never shrinks a sphere: with the separated data each moved row lands on its sphere's
    /// surface, so every row moved with less energy is moved with more, and at least as far from its seed.</summary>
    [Fact]
    public void More_energy_gives_radii_no_smaller()
    {
        var data = Separated(7);
        var seeds = data.RowsOfClass(1);
        Dictionary<int, double>? before = null;
        foreach (var energy in new[] { 0.05, 0.2, 0.5, 1.0, 1.4 })
        {
            var result = new Ccr(new CcrOptions { Energy = energy, Seed = 1 }).FitResample(data);
            var distance = new Dictionary<int, double>();
            for (var i = 0; i < result.Added.RowCount; i++)
                if (result.Added.Labels[i] == 0)
                {
                    var b = result.AddedRowOrigins[i].Base;
                    distance[b] = seeds.Min(s => L1(result.Added.NumericRow(i), data.NumericRow(s)));
                }
            if (before is not null)
                foreach (var (row, d) in before)
                    Assert.True(distance.TryGetValue(row, out var now) && now >= d - 1e-12);
            before = distance;
        }
        Assert.True(before!.Count > 0);
        var sorted = new[] { 0.1, 0.3, 0.3, 0.8, 2.0 };
        var radii = new[] { 0.01, 0.1, 0.5, 1, 2, 5, 10 }.Select(e => Ccr.Radius(sorted, e)).ToArray();
        Assert.True(radii.SequenceEqual(radii.Order()), string.Join(", ", radii));
    }

    /// <summary>The budget is energy · features^scaling: a lone class far from the others has spheres of exactly
    /// that radius.</summary>
    [Fact]
    public void Scaling_multiplies_the_budget_by_a_power_of_the_feature_count()
    {
        var rows = new List<double[]> { new double[] { 0, 0, 0 }, new double[] { 5, 5, 5 } };
        var labels = new List<string> { "min", "min" };
        for (var i = 0; i < 10; i++)
        {
            rows.Add([100 + i, 100, 100]);
            labels.Add("maj");
        }
        var data = Dataset.FromRows(rows.ToArray(), labels.ToArray());
        var result = new Ccr(new CcrOptions { Energy = 0.5, Scaling = 1, Seed = 4 }).FitResample(data);
        var far = Enumerable.Range(0, result.Added.RowCount)
            .Select(i => L1(result.Added.NumericRow(i), data.NumericRow(result.AddedRowOrigins[i].Base))).ToArray();
        Assert.Equal(8, far.Length);
        Assert.All(far, d => Assert.InRange(d, 0, 1.5 + 1e-12));
        Assert.Equal(result.Input.RowCount, result.KeptInputRows.Count); // nothing inside, nothing moved
    }

    /// <summary>A sphere that takes in more cleaned rows than the engine is first asked for
    /// (<see cref="Ccr.FirstK"/>), and more than 2,048 (asked for four times as many at a time, up to every row, whose
    /// answers the engine sorts by comparisons rather than by insertion): one 'min' row at
    /// the origin, <c>n</c> 'maj' rows at L1 distances drawn uniformly from (0, 2] in random directions; every
    /// 'maj' row strictly inside the independently found radius is moved to the surface, the others are kept.</summary>
    [Theory]
    [InlineData(200, 51.0)]
    [InlineData(5000, 1251.0)]
    public void A_sphere_taking_in_many_rows_moves_them_all(int n, double energy)
    {
        var rng = new Imbalanced.Randomness.SeededRandom(n);
        var rows = new List<double[]> { new[] { 0.0, 0.0 } };
        var labels = new List<string> { "min" };
        for (var i = 0; i < n; i++)
        {
            var d = 2.0 * (1 - rng.NextDouble());
            var t = rng.NextDouble();
            rows.Add([d * t * (rng.NextInt(2) == 0 ? -1 : 1), d * (1 - t) * (rng.NextInt(2) == 0 ? -1 : 1)]);
            labels.Add("maj");
        }
        var data = Dataset.FromRows(rows.ToArray(), labels.ToArray());
        var result = new Ccr(new CcrOptions { Energy = energy }).FitResample(data);
        var cleaned = RowsNotOf(data, 1);
        var radius = Radius(data, 0, cleaned, energy);
        var inside = cleaned.Count(r => L1(data.NumericRow(r), data.NumericRow(0)) < radius - 1e-9);
        Assert.True(inside > (n > 1000 ? 2048 : Ccr.FirstK), $"{inside} rows inside");
        var moved = Enumerable.Range(0, result.Added.RowCount).Where(i => result.Added.Labels[i] == 0).ToArray();
        Assert.InRange(moved.Length, inside, cleaned.Count(r =>
            L1(data.NumericRow(r), data.NumericRow(0)) < radius + 1e-9));
        Assert.All(moved, i => Assert.Equal(radius, L1(result.Added.NumericRow(i), data.NumericRow(0)), 1e-9));
    }

    [Fact]
    public void Same_seed_same_rows_other_seed_other_rows()
    {
        var data = TestData.Binary();
        var a = new Ccr(new CcrOptions { Seed = 1 }).FitResample(data);
        SegmentChecks.SameAdded(a, new Ccr(new CcrOptions { Seed = 1 }).FitResample(data));
        Assert.NotEqual(a.Added.Numeric, new Ccr(new CcrOptions { Seed = 2 }).FitResample(data).Added.Numeric);
    }

    [Theory]
    [InlineData(nameof(CcrOptions.Energy), 0)]
    [InlineData(nameof(CcrOptions.Energy), -1)]
    [InlineData(nameof(CcrOptions.Energy), double.PositiveInfinity)]
    [InlineData(nameof(CcrOptions.Scaling), -0.5)]
    [InlineData(nameof(CcrOptions.Scaling), double.NaN)]
    public void Out_of_range_parameters_are_refused(string parameter, double value)
    {
        var options = parameter == nameof(CcrOptions.Energy)
            ? new CcrOptions { Energy = value }
            : new CcrOptions { Scaling = value };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Ccr(options).FitResample(TestData.Binary()));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Registered_with_its_parameters_and_defaults()
    {
        var info = SamplerRegistry.Find("ccr")!;
        Assert.Equal(SamplerKind.Combined, info.Kind);
        Assert.Equal(["energy", "scaling"], info.Parameters.Select(p => p.Name));
        Assert.Equal([1.0, 0.0], info.Parameters.Select(p => p.Default));
    }
}
