using Imbalanced.Neighbors;
using Imbalanced.Sampling.Regression;

namespace Imbalanced.Tests.Sampling.Regression;

public class SmognTests
{
    /// <summary>A new row is either SMOTER's interpolation towards a neighbour within the seed's safe distance (half
    /// the median of its distances to the rows of its bin, itself included), or the seed plus Gaussian noise of scale
    /// min(perturbation, safe distance) × the column's standard deviation in the bin, target likewise.</summary>
    [Fact]
    public void Rows_are_safe_interpolations_or_noise_around_the_seed_at_the_given_scale()
    {
        var standardized = new List<double>();
        foreach (var (n, dims, k, pert, seed) in
                 new[] { (300, 2, 5, 0.02, 1L), (400, 3, 4, 0.1, 2L), (300, 1, 6, 0.05, 3L), (800, 2, 15, 0.05, 4L) })
        {
            var data = RegressionTestData.Skewed(n, dims, seed);
            var result = new Smogn(new() { KNeighbors = k, Perturbation = pert, Seed = seed }).FitResample(data);
            var binOf = RegressionTestData.BinOf(data, result.Bins);
            int interpolated = 0, noise = 0;
            for (var a = 0; a < result.SyntheticCount; a++)
            {
                var o = result.Rows.AddedRowOrigins[a];
                var bin = result.Bins.Bins[binOf[o.Base]];
                Assert.True(bin.Rare);
                double[] all = [0, .. RegressionTestData.DistancesInBin(data, bin.Rows, o.Base)];
                var m = all.Length;
                var safe = (m % 2 == 1 ? all[m / 2] : (all[m / 2 - 1] + all[m / 2]) / 2) / 2;
                if (o.Neighbor >= 0)
                {
                    interpolated++;
                    RegressionTestData.CheckInterpolated(result, a, k, binOf);
                    var d = RegressionTestData.Distance(data.Features.NumericRow(o.Base),
                        data.Features.NumericRow(o.Neighbor));
                    Assert.True(d < safe, "interpolated towards a neighbour beyond the safe distance");
                    continue;
                }
                noise++;
                Assert.True(double.IsNaN(o.Gap));
                var scale = Math.Min(pert, safe);
                var row = result.Rows.Added.NumericRow(a);
                for (var j = 0; j < dims; j++)
                {
                    var sd = Std(bin.Rows.Select(r => data.Features.NumericRow(r)[j]));
                    standardized.Add((row[j] - data.Features.NumericRow(o.Base)[j]) / (sd * scale));
                }
                var targetSd = Std(bin.Rows.Select(r => data.Target[r]));
                standardized.Add((result.AddedTarget[a] - data.Target[o.Base]) / (targetSd * scale));
            }
            Assert.True(noise > 0 && interpolated + noise == result.SyntheticCount);
        }
        // The standardized deviations of every noise row are N(0, 1) draws: none beyond 6, mean near 0, spread near 1.
        Assert.True(standardized.Count >= 150, $"{standardized.Count} noise values");
        Assert.All(standardized, z => Assert.InRange(Math.Abs(z), 0, 6));
        Assert.InRange(standardized.Average(), -0.25, 0.25);
        Assert.InRange(Std(standardized), 0.85, 1.15);
    }

    [Fact]
    public void Counts_are_smoters_and_the_result_does_not_depend_on_threads()
    {
        var data = RegressionTestData.Skewed(300, 2, 7);
        var smogn = new Smogn(new() { OverPercentage = 250, UnderPercentage = 40, Seed = 1 }).FitResample(data);
        var smoter = new Smoter(new() { OverPercentage = 250, UnderPercentage = 40, Seed = 1 }).FitResample(data);
        Assert.Equal(smoter.SyntheticCount, smogn.SyntheticCount);
        Assert.Equal(smoter.Rows.KeptInputRows, smogn.Rows.KeptInputRows);
        var serial = new Smogn(new() { Seed = 2, Neighbors = new NeighborSearch(MaxDegreeOfParallelism: 1) })
            .FitResample(data);
        var parallel = new Smogn(new() { Seed = 2, Neighbors = new NeighborSearch(MaxDegreeOfParallelism: 3) })
            .FitResample(data);
        Assert.Equal(serial.Rows.AddedRowOrigins, parallel.Rows.AddedRowOrigins);
        Assert.Equal(serial.Rows.Added.NumericValues.ToArray(), parallel.Rows.Added.NumericValues.ToArray());
        Assert.Equal(serial.AddedTargetValues.ToArray(), parallel.AddedTargetValues.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Smogn(new() { Perturbation = 0 }).FitResample(data));
    }

    private static double Std(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
