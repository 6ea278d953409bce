using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class RandomSamplerTests
{
    [Fact]
    public void Random_over_sampling_copies_rows_of_the_class_uniformly()
    {
        var data = TestData.Blobs([4000, 8], ["maj", "min"], 2, 1);
        var result = new RandomOverSampler(new RandomOverSamplerOptions { Seed = 5 }).FitResample(data);
        var sources = result.AddedOrigins.Select(o => o.Source).ToArray();
        Assert.All(sources, s => Assert.Equal(1, data.Labels[s]));
        Assert.All(sources.GroupBy(s => s).Select(g => g.Count()),
            c => Assert.InRange(c, 3992 / 8 * 0.85, 3992 / 8 * 1.15));
    }

    [Fact]
    public void Shrinkage_draws_a_smoothed_bootstrap_around_the_drawn_row()
    {
        var data = TestData.Blobs([3000, 40], ["maj", "min"], 3, 2);
        var result = new RandomOverSampler(new RandomOverSamplerOptions { Seed = 5, Shrinkage = 1.0 })
            .FitResample(data);
        var rows = data.RowsOfClass(1);
        var p = data.NumericCount;
        var smoothing = Math.Pow(4.0 / ((p + 2) * (double)data.RowCount), 1.0 / (p + 4));
        for (var j = 0; j < p; j++)
        {
            var values = rows.Select(r => data.NumericRow(r)[j]).ToArray();
            var sigma = Math.Sqrt(values.Select(v => (v - values.Average()) * (v - values.Average())).Average());
            var noise = Enumerable.Range(0, result.SyntheticCount)
                .Select(a => result.Added.NumericRow(a)[j] - data.NumericRow(result.AddedOrigins[a].Base)[j]).ToArray();
            Assert.InRange(noise.Average(), -0.1 * sigma * smoothing, 0.1 * sigma * smoothing);
            var sd = Math.Sqrt(noise.Select(v => v * v).Average());
            Assert.InRange(sd / (sigma * smoothing), 0.93, 1.07);
        }
        Assert.All(result.AddedOrigins, o => Assert.Equal(-1, o.Source));
        var none = new RandomOverSampler(new RandomOverSamplerOptions { Seed = 5, Shrinkage = 0 }).FitResample(data);
        for (var a = 0; a < none.SyntheticCount; a++)
            Assert.Equal(data.NumericRow(none.AddedOrigins[a].Base).ToArray(), none.Added.NumericRow(a).ToArray());
        var bad = Assert.Throws<ArgumentOutOfRangeException>(
            () => new RandomOverSampler(new RandomOverSamplerOptions { Shrinkage = -1 }).FitResample(data));
        Assert.Equal("Shrinkage", bad.ParamName);
    }

    [Fact]
    public void Random_under_sampling_with_and_without_replacement()
    {
        var data = TestData.Blobs([200, 30], ["maj", "min"], 2, 1);
        var without = new RandomUnderSampler(new RandomUnderSamplerOptions { Seed = 1 }).FitResample(data);
        Assert.Equal(without.KeptRows.Length, without.KeptRows.Distinct().Count());
        Assert.Equal([30, 30], without.ClassCounts());
        var with = new RandomUnderSampler(new RandomUnderSamplerOptions { Seed = 1, Replacement = true })
            .FitResample(data);
        Assert.Equal([30, 30], with.ClassCounts());
        Assert.True(with.KeptRows.Length > with.KeptRows.Distinct().Count(),
            "drawing 30 of 200 with replacement repeats a row (seeded)");
    }
}
