using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary><c>resample --neighbors exact|approximate|auto</c> through the built command.</summary>
public class NeighborsOptionTests
{
    private static readonly string Input = Generated();

    private static string Generated()
    {
        var path = Temp();
        Assert.Equal(0,
            Run("generate", "--output", path, "--rows", "1500", "--weights", "0.9", "--seed", "2").ExitCode);
        return path;
    }

    private static (JsonElement Json, Outcome Run) Resample(string method, params string[] extra)
    {
        var r = Run(
            ["resample", Input, "--target", "label", "--method", method, "--output", Temp(), "--json", .. extra]);
        Assert.Equal(0, r.ExitCode);
        return (JsonDocument.Parse(r.Stdout).RootElement, r);
    }

    [Fact]
    public void Enn_approximate_works_and_says_so()
    {
        var (json, _) = Resample("enn", "--neighbors", "approximate");
        Assert.Equal("approximate", json.GetProperty("neighbors").GetString());
        var (exact, _) = Resample("enn", "--neighbors", "exact");
        Assert.Equal("exact", exact.GetProperty("neighbors").GetString());
        // The approximate neighbours keep nearly all of exact ENN's decisions on 1,500 rows.
        Assert.InRange(json.GetProperty("removed").GetInt32(), exact.GetProperty("removed").GetInt32() * 0.9,
            exact.GetProperty("removed").GetInt32() * 1.1);
    }

    [Fact]
    public void Auto_is_exact_on_small_data_and_is_the_default()
    {
        Assert.Equal("exact", Resample("enn").Json.GetProperty("neighbors").GetString());
        Assert.Equal("exact", Resample("tomek-links", "--neighbors", "auto").Json.GetProperty("neighbors").GetString());
    }

    [Theory]
    [InlineData("random-over")]
    [InlineData("random-under")]
    [InlineData("iht")]
    public void A_method_without_neighbours_reports_the_index_asked_for(string method)
    {
        Assert.Equal("approximate",
            Resample(method, "--neighbors", "approximate").Json.GetProperty("neighbors").GetString());
        Assert.Equal("exact", Resample(method, "--neighbors", "exact").Json.GetProperty("neighbors").GetString());
        Assert.Equal("exact", Resample(method).Json.GetProperty("neighbors").GetString());
    }

    [Fact]
    public void Approximate_is_deterministic_across_threads()
    {
        var one = Temp();
        var two = Temp();
        foreach (var (output, threads) in new[] { (one, "1"), (two, "2") })
            Assert.Equal(0, Run("resample", Input, "--target", "label", "--method", "smote", "--output", output,
                "--neighbors", "approximate", "--threads", threads).ExitCode);
        Assert.Equal(File.ReadAllText(one), File.ReadAllText(two));
    }

    [Fact]
    public void Smoten_stays_exact_and_says_so()
    {
        var input = Write("colour,shape,y\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i =>
            $"{(i % 3 == 0 ? "red" : "blue")},{(i % 4 == 0 ? "round" : "square")},{(i % 4 == 0 ? "rare" : "common")}"))
            + "\n");
        var r = Run("resample", input, "--target", "y", "--method", "smoten", "--output", Temp(), "--json",
            "--neighbors", "approximate");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("exact", JsonDocument.Parse(r.Stdout).RootElement.GetProperty("neighbors").GetString());
        Assert.Contains("warning: --neighbors approximate: the approximate index is Euclidean only", r.Stderr);
    }

    [Fact]
    public void A_bad_value_is_a_usage_error()
    {
        var r = Run("resample", Input, "--target", "label", "--method", "enn", "--output", Temp(),
            "--neighbors", "fast");
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: --neighbors", line);
    }
}
