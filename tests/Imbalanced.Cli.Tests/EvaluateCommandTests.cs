using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

public class EvaluateCommandTests
{
    private static readonly string Predictions = Write("truth,predicted,score\n" +
        string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"{(i % 5 == 0 ? "bad" : "good")},{(i % 5 == 0 ^ i % 7 == 0 ? "bad" : "good")}," +
            $"{(i % 5 == 0 ? 0.6 : 0.2) + (i % 7) * 0.05:0.00}")) + "\n");

    [Fact]
    public void Json_has_every_documented_key_and_the_minority_as_positive()
    {
        var r = Run("evaluate", Predictions, "--target", "truth", "--predicted", "predicted",
            "--score", "score", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("bad", json.GetProperty("positive").GetString());
        Assert.Equal(["bad", "good"], json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!));
        var keys = new[]
        {
            "support", "accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean", "per_class", "macro",
            "weighted", "confusion_matrix", "roc_auc", "average_precision", "log_loss", "brier",
        };
        foreach (var key in keys)
            Assert.True(json.TryGetProperty(key, out _), key);
        Assert.Equal(10, json.GetProperty("per_class").GetProperty("bad").GetProperty("support").GetInt32());
    }

    [Fact]
    public void Human_report_has_the_table_and_the_summary()
    {
        var r = Run("evaluate", Predictions, "--target", "truth", "--predicted", "predicted",
            "--score", "score", "--digits", "3");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("pre", r.Stdout);
        Assert.Contains("iba", r.Stdout);
        Assert.Contains("weighted avg", r.Stdout);
        Assert.Contains("balanced accuracy", r.Stdout);
        Assert.Contains("PR-AUC", r.Stdout);
        Assert.Matches(@"MCC\s+-?\d\.\d{3}", r.Stdout);
    }

    [Theory]
    [InlineData("--predicted", "nope", "'nope'")]
    [InlineData("--positive", "ugly", "'ugly'")]
    public void Bad_input_is_a_data_error(string option, string value, string expected)
    {
        var args = new List<string> { "evaluate", Predictions, "--target", "truth", "--score", "score" };
        if (option != "--predicted") args.AddRange(["--predicted", "predicted"]);
        args.AddRange([option, value]);
        var r = Run([.. args]);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Contains(expected, r.Stderr);
    }
}
