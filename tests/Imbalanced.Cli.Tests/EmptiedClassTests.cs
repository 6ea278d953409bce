using System.Globalization;
using System.Text;
using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>SMOTE-ENN can remove every row of a class: on 300 dimensions of noise the synthetic rows, made between
/// 12 rare rows, are nearer to every common row than the common rows are to each other. resample writes
/// imbalanced-learn's output and warns; train refuses to fit one class; compare leaves the default technique out.
/// </summary>
public class EmptiedClassTests
{
    private const int Dimensions = 300;

    private static string Table()
    {
        var random = new Random(3);
        var header = string.Join(",", Enumerable.Range(0, Dimensions).Select(j => $"f{j}"));
        var text = new StringBuilder("y," + header + "\n");
        for (var i = 0; i < 312; i++)
        {
            text.Append(i % 26 == 0 ? "rare" : "common");
            for (var j = 0; j < Dimensions; j++)
            {
                var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
                var gauss = radius * Math.Cos(2 * Math.PI * random.NextDouble());
                text.Append(',').Append(gauss.ToString("0.0000", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return Write(text.ToString());
    }

    [Fact]
    public void Resample_warns_train_refuses_and_compare_leaves_the_default_technique_out()
    {
        var input = Table();
        var resampled = Run("resample", input, "--target", "y", "--method", "smote-enn", "--output", Temp(),
            "--json");
        Assert.True(resampled.ExitCode == 0, resampled.Stderr);
        Assert.Equal(0, JsonDocument.Parse(resampled.Stdout).RootElement.GetProperty("after").GetProperty("common")
            .GetInt32());
        Assert.Equal("warning: smote-enn removed every row of class 'common'\n", resampled.Stderr);

        var model = Temp(".zip");
        var trained = Run("train", input, "--target", "y", "--technique", "smote-enn", "--learner", "logistic",
            "--model", model);
        Assert.Equal(1, trained.ExitCode);
        Assert.EndsWith("smote-enn removed every row of class 'common' from a training part, leaving one class, " +
            "from which no classifier can learn; choose another technique\n", trained.Stderr);
        Assert.False(File.Exists(model));

        var compared = Run("compare", input, "--target", "y", "--learners", "logistic", "--folds", "3", "--repeats",
            "1", "--quiet");
        Assert.True(compared.ExitCode == 0, compared.Stderr);
        Assert.Contains("warning: smote-enn left out (a default technique; fold 1 refused it): smote-enn removed " +
            "every row of class 'common'", compared.Stderr);
    }
}
