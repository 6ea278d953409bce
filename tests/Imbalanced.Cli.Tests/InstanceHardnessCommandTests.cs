using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Sampling.UnderSampling;
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
            Estimator = new Imbalanced.MLNet.Workflow.MlNetLearners().SamplerEstimator(7),
        }).FitResample(data).KeptRows;
        var nearest = new InstanceHardnessThreshold(new() { Seed = 7, Folds = 3 }).FitResample(data).KeptRows;

        Assert.NotEqual(nearest, forest);
        Assert.Equal(forest, kept);
    }

    /// <summary>The 15 rows of imbalanced-learn's own <c>test_iht_fit_resample</c>: its random forest under-samples
    /// the majority to 6 rows, and so does the command's (leaves of one row, as scikit-learn grows them; with ML.NET's
    /// default of 10 rows a leaf the trees made no split and nothing was removed).</summary>
    [Fact]
    public void Iht_under_samples_imbalanced_learns_small_test_table()
    {
        var input = Write(
        "f0,f1,label\n" +
        "-0.3879569,0.6894251,0\n" +
        "-0.09322739,1.28177189,1\n" +
        "-0.77740357,0.74097941,1\n" +
        "0.91542919,-0.65453327,0\n" +
        "-0.03852113,0.40910479,1\n" +
        "-0.43877303,1.07366684,1\n" +
        "-0.85795321,0.82980738,1\n" +
        "-0.18430329,0.52328473,1\n" +
        "-0.30126957,-0.66268378,1\n" +
        "-0.65571327,0.42412021,0\n" +
        "-0.28305528,0.30284991,1\n" +
        "0.20246714,-0.34727125,1\n" +
        "1.06446472,-1.09279772,0\n" +
        "0.30543283,-0.02589502,0\n" +
        "-0.00717161,0.00318087,0\n");
        var r = Run("resample", input, "--target", "label", "--method", "iht", "--output", Temp(), "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("\"after\":{\"0\":6,\"1\":6}", r.Stdout);
    }
}
