using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>The balanced ensembles are learners of compare, train and predict.</summary>
public class EnsembleLearnersTests
{
    private static readonly string Credit = Bundled("subsets/credit_data.csv");

    [Fact]
    public void Compare_trains_and_scores_every_balanced_ensemble()
    {
        var json = Temp(".json");

        var r = Run("compare", Credit, "--target", "Status", "--techniques", "none,class-weight", "--learners",
            "balanced-random-forest,easy-ensemble,balanced-bagging,rus-boost", "--folds", "3", "--repeats", "1",
            "--json", json, "--quiet");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var learners = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results").EnumerateArray()
            .Select(x => x.GetProperty("learner").GetString()).ToHashSet();
        Assert.Equal(["balanced-random-forest", "easy-ensemble", "balanced-bagging", "rus-boost"], learners);
    }

    [Theory]
    [InlineData("rus-boost")]
    [InlineData("easy-ensemble")]
    public void Train_saves_an_ensemble_and_predict_serves_it(string learner)
    {
        var model = Temp(".zip");
        var r = Run("train", Credit, "--target", "Status", "--technique", "none", "--learner", learner, "--model",
            model, "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var output = Temp();

        r = Run("predict", "--model", model, Credit, "--output", output);

        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = File.ReadAllLines(output);
        Assert.Equal(301, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.InRange(double.Parse(l[(l.LastIndexOf(',') + 1)..],
            System.Globalization.CultureInfo.InvariantCulture), 0, 1));
    }
}
