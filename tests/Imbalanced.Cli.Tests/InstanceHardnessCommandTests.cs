using System.Globalization;
using Imbalanced.Data;
using Imbalanced.MLNet;
using Imbalanced.Sampling.UnderSampling;
using Microsoft.ML;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>The command line's <c>iht</c> asks ML.NET's random forest, as imbalanced-learn's default estimator is a
/// random forest, not the core library's k-nearest-neighbours default.</summary>
public class InstanceHardnessCommandTests
{
    [Fact]
    public void Iht_keeps_the_rows_the_random_forest_keeps_not_the_nearest_neighbors_ones()
    {
        var input = Temp();
        Assert.Equal(0, Run("generate", "--output", input, "--rows", "240", "--features", "6", "--weights", "0.75",
            "--flip", "0.1", "--seed", "4").ExitCode);
        var output = Temp();
        var r = Run("resample", input, "--target", "label", "--method", "iht", "--seed", "7", "--cv", "3",
            "--index-column", "row", "--output", output);
        Assert.Equal(0, r.ExitCode);
        var kept = File.ReadLines(output).Skip(1)
            .Select(line => int.Parse(line[(line.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture)).ToArray();

        var data = TableDataset.Build(TableReader.Read(input), "label").Data;
        var forest = new InstanceHardnessThreshold(new()
        {
            Seed = 7,
            Folds = 3,
            Estimator = MlNetClassifier.RandomForest(new MLContext(7)),
        }).FitResample(data).KeptRows;
        var nearest = new InstanceHardnessThreshold(new() { Seed = 7, Folds = 3 }).FitResample(data).KeptRows;

        Assert.NotEqual(nearest, forest);
        Assert.Equal(forest, kept);
    }
}
