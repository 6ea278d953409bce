using System.Globalization;
using System.Text.Json;
using Imbalanced.Calibration;
using Imbalanced.Cli.Models;
using Imbalanced.Data;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Costs, thresholds, calibration and imputation on the command line: checked before any fit, reported in
/// the JSON, saved by train and applied by predict.</summary>
public class WorkflowOptionsTests
{
    private static readonly string Credit = Bundled("subsets/credit_data.csv");

    private static string[] Compare(params string[] more) =>
        ["compare", Credit, "--target", "Status", "--folds", "3", "--repeats", "1", "--quiet", .. more,
            .. more.Contains("--learners") ? Array.Empty<string>() : ["--learners", "logistic"]];

    [Theory]
    [InlineData("--calibration", "platt", "--calibration")]
    [InlineData("--impute", "zero", "--impute")]
    [InlineData("--cost", "fn=1", "--cost")]
    [InlineData("--cost", "fn=-1,fp=1", "--cost")]
    [InlineData("--tune-threshold", "cost", "cost")]
    [InlineData("--tune-threshold", "precision@recall=1.5", "precision@recall=1.5")]
    [InlineData("--tune-threshold", "f3", "f3")]
    [InlineData("--metric", "expected_cost", "expected_cost")]
    [InlineData("--learners", "svm", "svm")]
    [InlineData("--techniques", "magic", "magic")]
    [InlineData("--threads", "0", "--threads")]
    public void A_bad_option_value_is_a_usage_error_naming_it_and_nothing_is_written(string flag, string value,
        string named)
    {
        var json = Temp(".json");

        var r = Run(Compare(flag, value, "--json", json));

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(named, r.Stderr);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void Options_the_data_cannot_satisfy_are_data_errors_before_any_fit()
    {
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--techniques", "smote-nc",
            "--quiet");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("smote-nc needs numeric and categorical features", r.Stderr);

        r = Run(Compare("--impute", "none"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("column 'Income' has 33 empty cell(s), left empty (no imputation), but smote measures",
            r.Stderr);
        r = Run(Compare("--impute", "none", "--techniques", "none"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the learner 'logistic' needs every value", r.Stderr);

        var glass = Write("a,b,y\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $"{i},{i % 7},{i % 3}"))
            + "\n");
        r = Run("compare", glass, "--target", "y", "--folds", "3", "--learners", "logistic", "--cost", "fn=2,fp=1",
            "--quiet");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("are for two classes", r.Stderr);
    }

    [Fact]
    public void With_costs_every_result_has_expected_cost_and_calibration_metrics_and_the_protocol_says_so()
    {
        var json = Temp(".json");

        var r = Run(Compare("--techniques", "none,random-over", "--cost", "fn=5,fp=1", "--tune-threshold", "cost",
            "--calibration", "sigmoid", "--json", json));

        Assert.True(r.ExitCode == 0, r.Stderr);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var protocol = doc.GetProperty("protocol");
        Assert.Equal("sigmoid", protocol.GetProperty("calibration").GetString());
        Assert.Equal(5, protocol.GetProperty("cost").GetProperty("fn").GetDouble());
        Assert.Equal(1, protocol.GetProperty("cost").GetProperty("fp").GetDouble());
        foreach (var result in doc.GetProperty("results").EnumerateArray())
        {
            var metrics = result.GetProperty("metrics");
            foreach (var key in new[] { "expected_cost", "expected_calibration_error", "brier", "log_loss" })
                Assert.Equal(3, metrics.GetProperty(key).GetProperty("folds").GetArrayLength());
            Assert.Equal("cost", result.GetProperty("threshold").GetProperty("tuned_for").GetString());
        }
        var over = doc.GetProperty("results").EnumerateArray()
            .Single(x => x.GetProperty("technique").GetString() == "random-over");
        Assert.True(over.GetProperty("versus_none").TryGetProperty("p", out _));
    }

    [Fact]
    public void Train_saves_the_calibration_and_threshold_and_predict_applies_them_and_a_deployment_prior()
    {
        var model = Temp(".zip");
        var r = Run("train", Credit, "--target", "Status", "--technique", "random-over", "--learner", "logistic",
            "--calibration", "isotonic", "--tune-threshold", "cost", "--cost", "fn=5,fp=1", "--model", model,
            "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var loaded = TrainedModel.Load(model);
        Assert.IsType<IsotonicCalibration>(loaded.Combination.Calibrator);
        Assert.NotNull(loaded.Combination.Threshold);

        var output = Temp();
        var deployed = Temp();
        Assert.Equal(0, Run("predict", "--model", model, Credit, "--output", output).ExitCode);
        Assert.Equal(0, Run("predict", "--model", model, Credit, "--output", deployed, "--prior", "0.05").ExitCode);
        var plain = Probabilities(output);
        var shifted = Probabilities(deployed);
        var pos = loaded.Combination.Positive!.Value;
        var prior = loaded.Combination.TrainingPrior[pos];
        for (var i = 0; i < plain.Length; i++)
        {
            // p' ∝ p · 0.05 / π against (1 − p) · 0.95 / (1 − π)
            var a = plain[i] * 0.05 / prior;
            var b = (1 - plain[i]) * 0.95 / (1 - prior);
            Assert.Equal(a / (a + b), shifted[i], 9);
        }
        var (_, inProcess) = loaded.Predict(TableReader.Read(Credit));
        for (var i = 0; i < plain.Length; i++) Assert.Equal(inProcess[i * 2 + pos], plain[i], 12);

        r = Run("predict", "--model", model, Credit, "--output", Temp(), "--prior", "1.5");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--prior", r.Stderr);
    }

    [Fact]
    public void The_results_are_the_same_whatever_the_number_of_threads()
    {
        string Metrics(string threads)
        {
            var json = Temp(".json");
            var r = Run(Compare("--techniques", "none,smote,random-under", "--learners",
                "logistic,lightgbm,random-forest", "--threads", threads, "--json", json));
            Assert.True(r.ExitCode == 0, r.Stderr);
            return string.Join("\n", JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results")
                .EnumerateArray().Select(x => x.GetProperty("metrics").GetRawText()));
        }

        Assert.Equal(Metrics("1"), Metrics("2"));
    }

    [Fact]
    public void The_tree_learners_give_the_same_results_on_one_core_as_on_two()
    {
        // ML.NET's FastTree family trains on as many threads as the process sees cores (DOTNET_PROCESSOR_COUNT
        // sets what it sees); the fitted trees, and so every metric, must not depend on it.
        string Metrics(string cores)
        {
            var json = Temp(".json");
            var r = RunWith(["env", $"DOTNET_PROCESSOR_COUNT={cores}"], Compare("--techniques", "none,smote",
                "--learners", "random-forest,fasttree,balanced-random-forest", "--json", json));
            Assert.True(r.ExitCode == 0, r.Stderr);
            return string.Join("\n", JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results")
                .EnumerateArray().Select(x => x.GetProperty("metrics").GetRawText()));
        }

        Assert.Equal(Metrics("1"), Metrics("2"));
    }

    private static double[] Probabilities(string path) => File.ReadAllLines(path).Skip(1)
        .Select(l => double.Parse(l[(l.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture)).ToArray();
}
