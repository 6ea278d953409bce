using Imbalanced.Synthetic;

namespace Imbalanced.Tests.Synthetic;

public class ClassificationGeneratorTests
{
    [Fact]
    public void Same_seed_same_data_and_the_requested_shape()
    {
        var options = new ClassificationOptions
        {
            Rows = 2000,
            Features = 7,
            Informative = 3,
            Redundant = 1,
            Classes = 3,
            Weights = [0.7, 0.2],
            Seed = 4,
        };
        var a = ClassificationGenerator.Generate(options);
        var b = ClassificationGenerator.Generate(options);
        Assert.Equal(a.Numeric, b.Numeric);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(7, a.NumericCount);
        Assert.Equal(["0", "1", "2"], a.Classes.Labels);
        var counts = a.ClassCounts();
        Assert.InRange(counts[0], 1340, 1460);
        Assert.InRange(counts[1], 360, 440);
        Assert.NotEqual(a.Numeric, ClassificationGenerator.Generate(options with { Seed = 5 }).Numeric);
    }

    [Fact]
    public void Redundant_features_are_linear_combinations_of_informative_ones()
    {
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 300,
            Features = 5,
            Informative = 2,
            Redundant = 1,
            Flip = 0,
            Seed = 1,
        });
        // Some column is an exact linear combination of two others: solve on two rows, check on all.
        var d = data.NumericCount;
        var found = false;
        for (var r = 0; r < d && !found; r++)
            for (var i = 0; i < d && !found; i++)
                for (var j = i + 1; j < d && !found; j++)
                {
                    if (r == i || r == j) continue;
                    double X(int row, int col) => data.Numeric[row * d + col];
                    var det = X(0, i) * X(1, j) - X(0, j) * X(1, i);
                    var u = (X(0, r) * X(1, j) - X(0, j) * X(1, r)) / det;
                    var v = (X(0, i) * X(1, r) - X(0, r) * X(1, i)) / det;
                    found = Enumerable.Range(0, data.RowCount)
                        .All(row => Math.Abs(u * X(row, i) + v * X(row, j) - X(row, r)) < 1e-9);
                }
        Assert.True(found);
    }

    [Theory]
    [InlineData(3, 2, 2, 2)]
    [InlineData(20, 1, 0, 3)]
    public void Inconsistent_options_are_data_errors(int features, int informative, int redundant, int clusters)
    {
        Assert.Throws<DataException>(() => ClassificationGenerator.Generate(new ClassificationOptions
        {
            Features = features,
            Informative = informative,
            Redundant = redundant,
            ClustersPerClass = clusters,
        }));
    }

    /// <summary>A value out of its own range is a bad argument naming the option, as a sampler's option is.</summary>
    [Fact]
    public void Options_out_of_their_range_are_argument_errors()
    {
        var ok = new ClassificationOptions();
        foreach (var (options, name) in new[]
                 {
                     (ok with { Rows = 0 }, nameof(ok.Rows)),
                     (ok with { Features = 0 }, nameof(ok.Features)),
                     (ok with { Classes = 1 }, nameof(ok.Classes)),
                     (ok with { Informative = 0 }, nameof(ok.Informative)),
                     (ok with { ClustersPerClass = 0 }, nameof(ok.ClustersPerClass)),
                     (ok with { Redundant = -1 }, nameof(ok.Redundant)),
                     (ok with { Flip = 1.5 }, nameof(ok.Flip)),
                     (ok with { ClassSeparation = double.NaN }, nameof(ok.ClassSeparation)),
                 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationGenerator.Generate(options));
            Assert.Equal(name, e.ParamName);
            Assert.StartsWith(name + " ", e.Message);
        }
    }
}
