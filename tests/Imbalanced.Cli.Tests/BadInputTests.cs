using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Every bad input gives one <c>error:</c> line on stderr, exit code 1 (data) or 2 (usage), and no output
/// file created or changed.</summary>
public class BadInputTests
{
    private const string Good = "a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.5,5.5,x\n0.61,6.5,x\n" +
        "0.7,7.5,z\n0.8,8.5,z\n0.95,9.5,z\n";

    private static void AssertFails(int exitCode, string expected, string input, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-bad-").FullName;
        var output = Path.Combine(folder, "out.csv");
        var existing = Path.Combine(folder, "existing.csv");
        File.WriteAllText(existing, "keep me");
        foreach (var target in new[] { output, existing })
        {
            var args = new List<string> { "resample", input, "--output", target };
            args.AddRange(extra);
            if (!extra.Contains("--target")) args.AddRange(["--target", "y"]);
            if (!extra.Contains("--method")) args.AddRange(["--method", "smote"]);
            var r = Run([.. args]);
            Assert.Equal(exitCode, r.ExitCode);
            var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("error: ", line);
            Assert.Contains(expected, line);
            Assert.Equal("", r.Stdout);
        }
        Assert.False(File.Exists(output));
        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.Equal([existing], Directory.GetFiles(folder));
    }

    [Fact] public void Missing_target_column() => AssertFails(1, "'y'", Write("a,b,c\n1,2,x\n"));

    [Fact] public void Unknown_target_column() => AssertFails(1, "'nope'", Write(Good), "--target", "nope");

    [Fact] public void One_class_only() => AssertFails(1, "one class", Write("a,b,y\n1,2,x\n3,4,x\n"));

    [Fact] public void Empty_file() => AssertFails(1, "empty", Write(""));

    [Fact] public void Header_only() => AssertFails(1, "no data rows", Write("a,b,y\n"));

    [Fact] public void Ragged_rows_give_the_line() => AssertFails(1, "line 4", Write("a,b,y\n1,2,x\n3,4,x\n5,z\n"));

    [Fact]
    public void Non_numeric_feature_suggests_smote_nc() =>
        AssertFails(1, "smote-nc", Write("a,colour,y\n1,red,x\n2,blue,x\n3,red,x\n4,red,z\n5,blue,z\n"));

    [Fact]
    public void Empty_cells_name_the_column_and_count() =>
        AssertFails(1, "column 'b' has 2 empty", Write(Good.Replace("1.5", "").Replace("3.5", "")));

    [Fact] public void NaN_is_refused() => AssertFails(1, "'NaN'", Write(Good.Replace("3.5", "NaN")));

    [Fact] public void Infinity_is_refused() => AssertFails(1, "finite", Write(Good.Replace("3.5", "-Infinity")));

    [Fact]
    public void K_neighbors_at_least_the_class_size_names_the_class() =>
        AssertFails(1, "class 'z' has 3 row", Write(Good), "--k-neighbors", "3");

    [Fact] public void Impossible_strategy_names_the_class() => AssertFails(1, "'z'", Write(Good), "--strategy", "z=2");

    [Fact] public void Unknown_class_in_strategy() => AssertFails(1, "'w'", Write(Good), "--strategy", "w=20");

    [Fact]
    public void Unknown_method_is_a_usage_error() =>
        AssertFails(2, "unknown method", Write(Good), "--method", "magic");

    [Fact]
    public void Unknown_option_is_a_usage_error() =>
        AssertFails(2, "--frobnicate", Write(Good), "--frobnicate", "3");

    [Fact]
    public void Option_of_another_method_is_a_usage_error() =>
        AssertFails(2, "--shrinkage", Write(Good), "--shrinkage", "1");

    [Fact]
    public void Malformed_option_value_is_a_usage_error() =>
        AssertFails(2, "--seed", Write(Good), "--seed", "abc");

    // NumPy, and so imbalanced-learn's random_state, takes seeds from 0 to 2^32 - 1.
    [Theory]
    [InlineData("-5")]
    [InlineData("4294967296")]
    public void A_seed_outside_numpys_range_is_a_usage_error(string seed) =>
        AssertFails(2, "--seed: '" + seed + "' is out of range; give a whole number from 0 to 4294967295",
            Write(Good), "--seed", seed);

    [Fact]
    public void Malformed_strategy_is_a_usage_error() =>
        AssertFails(2, "strategy", Write(Good), "--strategy", "z=lots");

    [Fact] public void Missing_input_file() => AssertFails(1, "not found", Path.Combine(TempDir, "absent.csv"));

    [Fact]
    public void Writing_over_the_input_is_refused()
    {
        var input = Write(Good);
        var r = Run("resample", input, "--target", "y", "--method", "smote", "--output", input);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Contains("input", r.Stderr);
        Assert.Equal(Good, File.ReadAllText(input));
    }

    [Fact]
    public void Missing_required_option_is_a_usage_error()
    {
        var r = Run("resample", Write(Good), "--target", "y", "--output", Temp());
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Equal(2, Run("frobnicate").ExitCode);
    }

    /// <summary>Runs <c>train</c> (into a model path in a fresh folder) or another command given whole: one
    /// <c>error:</c> line with every expected piece, the exit code, nothing on stdout, no file written.</summary>
    private static void AssertWorkflowFails(int exitCode, string[] expected, params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-bad-").FullName;
        string[] full = args[0] == "train" ? [.. args, "--model", Path.Combine(folder, "m.zip")]
            : [.. args, "--json", Path.Combine(folder, "r.json"), "--quiet"];
        var r = Run(full);
        Assert.Equal(exitCode, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.DoesNotContain("Exception", line);
        foreach (var piece in expected) Assert.Contains(piece, line);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("compare")]
    public void One_class_only_is_a_data_error_for_the_workflow(string command) => AssertWorkflowFails(1,
        ["one class", "'x'"], Workflow(command, Write("a,b,y\n1,2,x\n3,4,x\n5,6,x\n")));

    [Theory]
    [InlineData("train")]
    [InlineData("compare")]
    public void Leaving_out_every_feature_is_a_data_error(string command) =>
        AssertWorkflowFails(1, ["no feature is left"], [.. Workflow(command, Write(Good)), "--drop", "a,b"]);

    /// <summary>Values beyond single precision (ML.NET's learners read floats) are named with their column instead
    /// of ML.NET's "all instances have missing features".</summary>
    [Theory]
    [InlineData("train")]
    [InlineData("compare")]
    public void A_value_beyond_single_precision_is_named_with_its_column(string command)
    {
        var input = Write(Good.Replace("4.25", "1.7e308"));
        AssertWorkflowFails(1, [$"{input}: column 'b'", "single precision"], Workflow(command, input));
    }

    [Fact]
    public void Cluster_centroids_names_the_column_whose_means_would_overflow() =>
        AssertFails(1, "column 'a'", Write(Good.Replace("0.2,", "1.7e308,").Replace("0.35,", "1.6e308,")),
            "--method", "cluster-centroids");

    /// <summary>Classes of two rows each are enough for the balanced forest: each tree draws both classes (it used to
    /// refuse such a table, a tree's bootstrap of the under-sample missing a class).</summary>
    [Fact]
    public void A_balanced_forest_fits_classes_of_two_rows()
    {
        var model = Temp(".zip");
        var r = Run("train", Write("a,y\n0.1,x\n0.2,x\n1.1,z\n1.3,z\n"), "--target", "y", "--technique", "none",
            "--learner", "balanced-random-forest", "--model", model);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(model));
    }

    private static string[] Workflow(string command, string input) => command == "train"
        ? ["train", input, "--target", "y", "--technique", "none", "--learner", "logistic"]
        : ["compare", input, "--target", "y", "--techniques", "none", "--learners", "logistic", "--folds", "2",
            "--repeats", "1"];

    /// <summary>The advice in a message can be followed: one row of a class cannot be cross-validated whatever the
    /// folds (no "use at most 1 folds", which --folds refuses), and train, which has no --folds, is told which of
    /// its options needs the inner folds.</summary>
    [Fact]
    public void Advice_about_too_small_classes_names_options_that_exist()
    {
        var oneRow = Write("a,y\n0.1,x\n0.2,x\n0.3,x\n0.4,x\n1.1,z\n");
        AssertWorkflowFails(1, ["class 'z' has 1 row(s)", "at least 2 rows of every class"],
            "compare", oneRow, "--target", "y", "--techniques", "none", "--learners", "logistic", "--folds", "2");
        var twoRows = Write("a,y\n0.1,x\n0.2,x\n0.3,x\n0.4,x\n1.1,z\n1.2,z\n");
        AssertWorkflowFails(1, ["class 'z' has 2 row(s), fewer than the 3 inner folds", "sigmoid calibration",
            "--calibration prior or none"], "train", twoRows, "--target", "y", "--technique", "none", "--learner",
            "logistic", "--calibration", "sigmoid");
        var r = Run("train", twoRows, "--target", "y", "--technique", "none", "--learner", "logistic",
            "--calibration", "sigmoid", "--model", Temp(".zip"));
        Assert.DoesNotContain("folds (", r.Stderr);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_named_without_a_dotnet_type()
    {
        var r = Run("compare", Write(Good), "--target", "y", "--folds", "abc");
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: --folds: 'abc' is not a whole number", line);
        Assert.DoesNotContain("System.", line);
    }

    [Fact]
    public void An_empty_index_column_name_is_a_usage_error() =>
        AssertFails(2, "--index-column", Write(Good), "--index-column", "");
}
