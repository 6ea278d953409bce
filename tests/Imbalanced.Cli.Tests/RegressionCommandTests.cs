using System.Globalization;
using System.Text.Json;
using Imbalanced.Sampling.Regression;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary><c>resample --task regression</c> (smoter, smogn) and <c>inspect --task regression</c> through the built
/// command.</summary>
public class RegressionCommandTests
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A semicolon-separated table: two numeric features, a text column to drop, and a skewed target
    /// <c>price</c> (rare high values, three rare low ones).</summary>
    private static (string Text, double[] Target) Table(int rows = 80)
    {
        var rng = new Random(5);
        var text = new System.Text.StringBuilder("x1;note;x2;price\n");
        var target = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var x1 = Math.Round(rng.NextDouble() * 4 - 2, 3);
            var x2 = Math.Round(rng.NextDouble() * 10, 2);
            target[i] = i < 3 ? -100 - 2.5 * i : Math.Round(Math.Exp(1.5 * x1 + 0.2 * rng.NextDouble()) * 10, 2);
            text.Append(C, $"{x1};n{i};{x2:0.00};{target[i]}\n");
        }
        return (text.ToString(), target);
    }

    [Theory]
    [InlineData("smoter")]
    [InlineData("smogn")]
    public void Resample_keeps_rows_verbatim_writes_new_targets_as_numbers_and_records_provenance(string method)
    {
        var (text, target) = Table();
        var input = Write(text);
        var output = Temp();
        var provenance = Temp();
        string[] args = ["resample", input, "--target", "price", "--drop", "note", "--task", "regression",
            "--method", method, "--output", output, "--provenance", provenance, "--k-neighbors", "3", "--json"];
        var r = Run(args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal("regression", json.GetProperty("task").GetString());
        Assert.Equal(0.8, json.GetProperty("relevance_threshold").GetDouble());

        var phi = RelevanceFunction.FromBoxPlot(target);
        var rareBefore = target.Count(y => phi.Of(y) >= 0.8);
        Assert.Equal(rareBefore, json.GetProperty("before").GetProperty("rare").GetInt32());
        Assert.Equal(target.Length - rareBefore, json.GetProperty("before").GetProperty("common").GetInt32());

        var inputLines = text.TrimEnd('\n').Split('\n');
        var lines = File.ReadAllText(output).TrimEnd('\n').Split('\n');
        Assert.Equal(inputLines[0], lines[0]);
        var prov = File.ReadAllText(provenance).TrimEnd('\n').Split('\n');
        Assert.Equal("row,kind,source,base,neighbor,gap", prov[0]);
        Assert.Equal(lines.Length, prov.Length);
        var after = json.GetProperty("after");
        Assert.Equal(lines.Length - 1, after.GetProperty("rare").GetInt32() + after.GetProperty("common").GetInt32());
        var synthetic = 0;
        var noiseRows = 0;
        var rareAfter = 0;
        for (var row = 0; row < lines.Length - 1; row++)
        {
            var p = prov[row + 1].Split(',');
            var cells = lines[row + 1].Split(';');
            var y = double.Parse(cells[3], C);
            if (phi.Of(y) >= 0.8) rareAfter++;
            if (p[1] == "original")
            {
                Assert.Equal(inputLines[int.Parse(p[2], C) + 1], lines[row + 1]);
                continue;
            }
            synthetic++;
            Assert.Equal("", cells[1]);
            Assert.Equal(y.ToString("R", C), cells[3]);
            Assert.NotEqual("", p[3]);
            var seed = int.Parse(p[3], C);
            if (p[4] == "")
            {
                // SMOGN's noise: the base row only, near the seed.
                Assert.Equal("smogn", method);
                Assert.Equal("", p[5]);
                noiseRows++;
                Assert.InRange(Math.Abs(y - target[seed]), 0, Math.Abs(target[seed]) + 50);
                continue;
            }
            var gap = double.Parse(p[5], C);
            var neighbor = int.Parse(p[4], C);
            Assert.Equal(target[seed] + gap * (target[neighbor] - target[seed]), y, 1e-9);
        }
        Assert.Equal(json.GetProperty("synthetic").GetInt32(), synthetic);
        Assert.True(method == "smogn" ? noiseRows > 0 && noiseRows < synthetic : noiseRows == 0,
            $"{noiseRows} noise rows of {synthetic}");
        Assert.Equal(rareAfter, after.GetProperty("rare").GetInt32());
        Assert.Equal(target.Length, lines.Length - 1 - synthetic + json.GetProperty("removed").GetInt32());

        // Same seed, same bytes, whatever the thread count.
        var again = Temp();
        var r2 = Run([.. args.Select(a => a == output ? again : a == provenance ? Temp() : a), "--threads", "1"]);
        Assert.Equal(0, r2.ExitCode);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(again));
    }

    [Fact]
    public void Over_and_under_percentages_set_the_counts()
    {
        var (text, target) = Table(120);
        var input = Write(text);
        var r = Run("resample", input, "--target", "price", "--drop", "note", "--task", "regression", "--method",
            "smoter", "--output", Temp(), "--over", "200", "--under", "50", "--json", "--k-neighbors", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        var bins = RelevanceBins.Of(target, RelevanceFunction.FromBoxPlot(target), 0.8);
        Assert.Equal(2 * bins.RareRows, json.GetProperty("synthetic").GetInt32());
        Assert.Equal(bins.Bins.Where(b => !b.Rare).Sum(b => b.Rows.Count - (int)(0.5 * b.Rows.Count)),
            json.GetProperty("removed").GetInt32());
    }

    [Fact]
    public void Inspect_shows_the_distribution_and_the_rare_ranges()
    {
        var (text, target) = Table();
        var input = Write(text);
        var r = Run("inspect", input, "--target", "price", "--drop", "note", "--task", "regression", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(80, json.GetProperty("rows").GetInt32());
        Assert.Equal("regression", json.GetProperty("task").GetString());
        var d = json.GetProperty("distribution");
        var box = RelevanceFunction.FromBoxPlot(target).BoxPlot!;
        Assert.Equal(box.Median, d.GetProperty("median").GetDouble());
        Assert.Equal(box.LowerHinge, d.GetProperty("q1").GetDouble());
        Assert.Equal(target.Min(), d.GetProperty("min").GetDouble());
        Assert.Equal(target.Max(), d.GetProperty("max").GetDouble());
        Assert.Equal(target.Average(), d.GetProperty("mean").GetDouble(), 1e-9);
        Assert.True(d.GetProperty("std").GetDouble() > 0);
        var bins = RelevanceBins.Of(target, RelevanceFunction.FromBoxPlot(target), 0.8);
        var ranges = json.GetProperty("rare_ranges").EnumerateArray().ToArray();
        Assert.Equal(bins.Bins.Where(b => b.Rare).Select(b => (b.Low, b.High, b.Rows.Count)),
            ranges.Select(x => (x.GetProperty("low").GetDouble(), x.GetProperty("high").GetDouble(),
                x.GetProperty("rows").GetInt32())));
        Assert.Equal(["low", "high"], ranges.Select(x => x.GetProperty("side").GetString()));
        Assert.Equal(bins.RareRows, json.GetProperty("rare_rows").GetInt32());
        Assert.Equal(["x1", "x2"], json.GetProperty("numeric_features").EnumerateArray().Select(e => e.GetString()));

        var stricter = JsonDocument.Parse(Run("inspect", input, "--target", "price", "--task", "regression",
            "--relevance-threshold", "1", "--json").Stdout).RootElement;
        Assert.True(stricter.GetProperty("rare_rows").GetInt32() < bins.RareRows);

        var human = Run("inspect", input, "--target", "price", "--drop", "note", "--task", "regression");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains("numeric target price (regression)", human.Stdout);
        Assert.Contains("median", human.Stdout);
        Assert.Contains($"rare rows: {bins.RareRows} of 80", human.Stdout);
        Assert.Contains("high", human.Stdout);
    }

    public static TheoryData<string, string[], int, string> BadInputs() => new()
    {
        { "x;y\n1;2\n2;abc\n3;4\n", ["--task", "regression", "--method", "smoter"], 1,
            "line 3, column 'y': 'abc' is not a finite number" },
        { "x;y\n1;2\n2;\n3;4\n", ["--task", "regression", "--method", "smogn"], 1,
            "line 3: the target column 'y' is empty" },
        { "x;y\n1;2\n2;3\n3;4\n", ["--task", "regression", "--method", "smoter", "--relevance-threshold", "1.5"], 2,
            "--relevance-threshold must be in (0, 1]" },
        { "x;y\n1;2\n2;3\n3;4\n", ["--method", "smoter"], 2, "smoter is a regression method: add --task regression" },
        { "x;y\n1;2\n2;3\n3;4\n", ["--task", "regression", "--method", "smote"], 2,
            "smote is a classification method; with --task regression use smoter or smogn" },
        { "x;y\n1;2\n2;3\n3;4\n", ["--task", "regression", "--method", "smoter", "--strategy", "auto"], 2,
            "--strategy does not apply to smoter" },
        { "x;y\n1;2\n2;3\n3;4\n", ["--task", "numbers", "--method", "smoter"], 2, "--task must be classification or" },
        { "x;y\n1;2\n2;3\n3;4\n5;5\n", ["--task", "regression", "--method", "smoter"], 1,
            "no value of the target 'y' is rare" },
        { "x;y\n1;2\n;3\n3;4\n", ["--task", "regression", "--method", "smogn"], 1, "column 'x' has 1 empty cell(s)" },
        { "x;y\n1;2\n2;3\n3;4\n", ["--task", "regression", "--method", "smogn", "--perturbation", "-1"], 2,
            "--perturbation must be positive" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_one_error_line_with_the_right_exit_code_and_no_output(string text, string[] options,
        int exitCode, string expected)
    {
        var input = Write(text);
        var output = Temp();
        var r = Run(["resample", input, "--target", "y", "--output", output, .. options]);
        Assert.Equal(exitCode, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Inspect_refuses_a_bad_threshold_or_target()
    {
        var input = Write("x;y\n1;2\n2;abc\n");
        var bad = Run("inspect", input, "--target", "y", "--task", "regression");
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error: ", bad.Stderr);
        Assert.Contains("'abc' is not a finite number", bad.Stderr);
        var threshold = Run("inspect", Write("x;y\n1;2\n2;3\n"), "--target", "y", "--task", "regression",
            "--relevance-threshold", "0");
        Assert.Equal(2, threshold.ExitCode);
        Assert.Contains("--relevance-threshold must be in (0, 1]", threshold.Stderr);
        var classification = Run("inspect", Write("x;y\n1;a\n2;b\n"), "--target", "y", "--relevance-threshold", "0.5");
        Assert.Equal(2, classification.ExitCode);
    }
}
