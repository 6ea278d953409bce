using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>compare, train and predict with their defaults on 300-row subsets of the real tables (categorical columns
/// and empty cells kept; see tests/Imbalanced.Cli.Tests/Data/README.md).</summary>
public class RealTablesTests
{
    public static TheoryData<string, string> Tables => new()
    {
        { "attrition.csv", "Attrition" },
        { "credit_data.csv", "Status" },
        { "stackoverflow.csv", "Remote" },
        { "wa_churn.csv", "churn" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Compare_train_and_predict_run_with_their_defaults(string table, string target)
    {
        var input = Bundled($"subsets/{table}");
        var json = Temp(".json");
        var r = Run("compare", input, "--target", target, "--json", json, "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var results = doc.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(27, results.Length); // nine techniques × three learners
        // on these mixed tables smote runs in its categorical form
        Assert.All(results.Where(x => x.GetProperty("technique").GetString() == "smote"),
            x => Assert.Equal("smote-nc", x.GetProperty("ran_as").GetString()));
        Assert.All(results.Where(x => x.GetProperty("technique").GetString() != "none"),
            x => Assert.Contains(x.GetProperty("versus_none").GetProperty("verdict").GetString(),
                new[] { "better", "worse", "within noise" }));
        Assert.Equal("prior", doc.GetProperty("protocol").GetProperty("calibration").GetString());
        Assert.Equal("median", doc.GetProperty("protocol").GetProperty("impute").GetString());

        var model = Temp(".zip");
        var best = doc.GetProperty("best");
        r = Run("train", input, "--target", target, "--technique", best.GetProperty("technique").GetString()!,
            "--learner", best.GetProperty("learner").GetString()!, "--model", model, "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);

        // rows without the label column, as they are served
        var lines = File.ReadAllLines(input);
        var header = lines[0].Split(',');
        var t = Array.FindIndex(header, h => h.Trim('"') == target);
        var unlabelled = Write(string.Join("\n", lines.Select(l => Without(l, t))) + "\n");
        var output = Temp();
        r = Run("predict", "--model", model, unlabelled, "--output", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var predicted = File.ReadAllLines(output);
        Assert.Equal(lines.Length, predicted.Length);
        Assert.EndsWith(",predicted,probability", predicted[0]);
    }

    /// <summary>A CSV line without field <paramref name="index"/> (these files quote no commas).</summary>
    private static string Without(string line, int index) =>
        string.Join(",", line.Split(',').Where((_, i) => i != index));
}
