using System.Globalization;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Option values the command cannot use (a number that is not one, NaN or an infinity, weights that do
/// not add up, costs out of range, a column name predict would write twice, an empty list) give one plain
/// <c>error:</c> line that names the option — never a .NET type, an exception name or a parameter decoration — the
/// exit code of the contract, and no output file.</summary>
public class OptionValueTests
{
    private const string Good = "a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.5,5.5,x\n0.61,6.5,x\n" +
        "0.7,7.5,z\n0.8,8.5,z\n0.95,9.5,z\n";

    /// <summary>A binary model trained once for the predict tests, and the table it was trained on.</summary>
    private static readonly Lazy<(string Model, string Input)> Binary = new(() =>
    {
        var input = Temp();
        Assert.Equal(0, Run("generate", "--output", input, "--rows", "200", "--features", "4", "--redundant", "0",
            "--weights", "0.8").ExitCode);
        var model = Temp(".zip");
        Assert.Equal(0, Run("train", input, "--target", "label", "--technique", "none", "--learner", "logistic",
            "--model", model, "--quiet").ExitCode);
        return (model, input);
    });

    /// <summary>Runs the command with <paramref name="outputFlag"/> pointing into a fresh folder, and checks the
    /// refusal: the exit code, one <c>error:</c> line holding every expected piece and no .NET text, nothing on
    /// stdout, and nothing written to the folder. Returns the line.</summary>
    private static string AssertRefused(int exitCode, string[] expected, string outputFlag, params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-option-").FullName;
        var output = Path.Combine(folder, outputFlag == "--model" ? "m.zip" : "out.csv");
        var r = Run([.. args, outputFlag, output]);
        Assert.Equal(exitCode, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        foreach (var piece in expected) Assert.Contains(piece, line);
        foreach (var leak in new[] { "Exception", "System.", "Nullable", "`1", "(Parameter", "Actual value" })
            Assert.DoesNotContain(leak, line);
        Assert.Equal("", r.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        return line;
    }

    private static string Generate(int exitCode, string[] expected, params string[] args) =>
        AssertRefused(exitCode, expected, "--output", ["generate", .. args]);

    [Theory]
    [InlineData("0.5,0.6", "1.1")]
    [InlineData("0.1,0.95", "1.05")]
    [InlineData("0.5,0.5,0.5", "1.5")]
    public void Weights_adding_up_to_more_than_all_rows_are_a_usage_error(string weights, string sum) =>
        Generate(2, ["--weights", $"adds up to {sum}", "at most 1"], "--weights", weights);

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("-0.1", "-0.1")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("0.2,Infinity", "'Infinity' is not a finite number")]
    [InlineData("0.5,", "empty weight")]
    [InlineData("", "empty weight")]
    public void A_weight_that_is_not_a_share_of_rows_is_a_usage_error(string weights, string expected) =>
        Generate(2, ["--weights", expected], "--weights", weights);

    [Fact]
    public void As_many_weights_as_classes_or_one_fewer_else_a_data_error_naming_the_counts() =>
        Generate(1, ["--weights", "1 or 2 values for 2 classes", "got 3"], "--weights", "0.2,0.2,0.2");

    [Fact]
    public void Weights_that_add_up_to_one_give_every_row_and_the_shares_asked_for()
    {
        var output = Temp();
        var r = Run("generate", "--output", output, "--rows", "997", "--classes", "3", "--informative", "3",
            "--weights", "0.1,0.2,0.7", "--flip", "0");
        Assert.Equal(0, r.ExitCode);
        var labels = File.ReadLines(output).Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).ToList();
        Assert.Equal(997, labels.Count);
        Assert.InRange(labels.Count(l => l == "2"), 690, 700);
    }

    [Theory]
    [InlineData("--class-sep", "NaN", "not a finite number")]
    [InlineData("--class-sep", "Infinity", "not a finite number")]
    [InlineData("--class-sep", "1e400", "not a finite number")]
    [InlineData("--class-sep", "abc", "'abc' is not a number")]
    [InlineData("--flip", "NaN", "not a finite number")]
    [InlineData("--flip", "-Infinity", "not a finite number")]
    [InlineData("--rows", "abc", "'abc' is not a whole number")]
    [InlineData("--rows", "1e3", "not a whole number")]
    [InlineData("--rows", "99999999999", "out of range")]
    [InlineData("--features", "NaN", "not a whole number")]
    [InlineData("--informative", "2.5", "not a whole number")]
    [InlineData("--redundant", "x", "not a whole number")]
    [InlineData("--classes", "two", "not a whole number")]
    [InlineData("--clusters-per-class", "", "not a whole number")]
    [InlineData("--seed", "abc", "not a whole number")]
    public void A_generate_value_that_is_not_a_usable_number_is_a_usage_error_naming_the_option(string flag,
        string value, string expected) =>
        Generate(2, [flag, $"'{value}'", expected], flag, value);

    [Fact]
    public void A_class_separation_whose_values_would_overflow_is_a_data_error_naming_the_column() =>
        Generate(1, ["column 'f", "--class-sep", "too large", "use a smaller --class-sep"],
            "--class-sep", "1e308", "--rows", "50", "--informative", "5", "--redundant", "5");

    [Fact]
    public void A_large_class_separation_that_fits_writes_only_finite_numbers()
    {
        var output = Temp();
        Assert.Equal(0, Run("generate", "--output", output, "--class-sep", "1e300", "--rows", "50",
            "--informative", "5", "--redundant", "5").ExitCode);
        foreach (var line in File.ReadLines(output).Skip(1))
            foreach (var cell in line.Split(',')[..^1])
                Assert.True(double.IsFinite(double.Parse(cell, CultureInfo.InvariantCulture)), cell);
    }

    [Theory]
    [InlineData("fn=-1,fp=1", "fn must be a finite number at least 0; got -1")]
    [InlineData("fn=1,fp=-2", "fp must be a finite number at least 0; got -2")]
    [InlineData("fn=NaN,fp=1", "fn must be a finite number at least 0; got NaN")]
    [InlineData("fn=0,fp=0", "at least one of the costs must be above 0")]
    [InlineData("fn=x,fp=1", "not of the form fn=A,fp=B")]
    [InlineData("fn=1e308,fp=1e308", "fn must be at most 1000000000000")]
    [InlineData("fn=1,fp=2e12", "fp must be at most 1000000000000")]
    public void A_cost_out_of_range_is_a_plain_usage_error(string cost, string expected)
    {
        var line = AssertRefused(2, ["--cost", expected, "e.g. --cost fn=20,fp=1"], "--model",
            "train", Write(Good), "--target", "y", "--technique", "none", "--learner", "logistic", "--cost", cost);
        Assert.DoesNotContain("FalseNegative", line);
        Assert.DoesNotContain("FalsePositive", line);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a number")]
    [InlineData("NaN", "'NaN' is not a finite number")]
    [InlineData("1.5", "strictly between 0 and 1")]
    public void A_prior_that_is_not_a_prevalence_is_a_usage_error(string prior, string expected) =>
        AssertRefused(2, ["--prior", expected], "--output",
            "predict", "--model", Binary.Value.Model, Binary.Value.Input, "--prior", prior);

    [Theory]
    [InlineData("predicted")]
    [InlineData("probability")]
    public void An_index_column_named_like_a_column_predict_adds_is_refused_as_an_input_column_clash_is(
        string name)
    {
        AssertRefused(1, ["--index-column", $"'{name}'", "predict adds", "choose another name"], "--output",
            "predict", "--model", Binary.Value.Model, Binary.Value.Input, "--index-column", name);
        AssertRefused(1, ["'f0'", "choose another name"], "--output",
            "predict", "--model", Binary.Value.Model, Binary.Value.Input, "--index-column", "f0");
    }

    [Fact]
    public void An_empty_index_column_name_is_a_usage_error() =>
        AssertRefused(2, ["--index-column", "empty"], "--output",
            "predict", "--model", Binary.Value.Model, Binary.Value.Input, "--index-column", "");

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    public void A_drop_list_that_names_no_column_is_a_usage_error(string drop) =>
        AssertRefused(2, ["--drop", $"'{drop}' names no column"], "--model",
            "train", Write(Good), "--target", "y", "--technique", "none", "--learner", "logistic", "--drop", drop);

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void Resample_on_fewer_than_one_thread_is_a_usage_error(string threads) =>
        AssertRefused(2, ["--threads must be at least 1", $"got {threads}"], "--output",
            "resample", Write(Good), "--target", "y", "--method", "smote", "--k-neighbors", "2", "--threads", threads);

    [Fact]
    public void Nearmiss_version_3_on_no_neighbours_is_a_usage_error() =>
        AssertRefused(2, ["--n-neighbors-ver3 must be at least 1"], "--output",
            "resample", Write(Good), "--target", "y", "--method", "nearmiss", "--version", "3",
            "--n-neighbors-ver3", "0");

    /// <summary>Squared distances of values near 1e160 overflow to infinity: ENN removed every row of a class and
    /// k-means failed with .NET's own words. Every method that measures distances refuses, naming the column.
    /// </summary>
    [Theory]
    [InlineData("enn")]
    [InlineData("smote")]
    [InlineData("kmeans-smote")]
    [InlineData("cluster-centroids")]
    [InlineData("svm-smote")]
    public void Values_too_large_for_distances_are_a_data_error_naming_the_column(string method)
    {
        var rows = string.Concat(Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{(i % 7 - 3) * 1e160:R},{i % 5},{(i % 4 == 0 ? "pos" : "neg")}\n")));
        AssertRefused(1, ["column 'a' holds", "too large for", "rescale the column"], "--output",
            "resample", Write("a,b,y\n" + rows), "--target", "y", "--method", method);
    }

    [Fact]
    public void A_seed_that_is_not_a_whole_number_is_a_usage_error_in_every_command() =>
        AssertRefused(2, ["--seed", "'1.5' is not a whole number"], "--output",
            "resample", Write(Good), "--target", "y", "--method", "smote", "--seed", "1.5");

    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--folds' as expected type 'System.Int32'.",
        "--folds: 'abc' is not a whole number")]
    [InlineData("Cannot parse argument 'x' for option '--threads' as expected type 'System.Nullable`1[System.Int32]'.",
        "--threads: 'x' is not a whole number")]
    [InlineData("Cannot parse argument 'x' for option '--prior' as expected type 'System.Nullable`1[System.Double]'.",
        "--prior: 'x' is not a number")]
    [InlineData("Required argument missing for option: '--rows'.", "Required argument missing for option: '--rows'.")]
    public void Parse_errors_of_the_command_line_library_name_the_kind_not_the_type(string message, string printed) =>
        Assert.Equal(printed, Flags.ParseError(message));

    [Fact]
    public void Plain_drops_the_parameter_and_actual_value_decorations() =>
        Assert.Equal("Fn must be at least 0",
            Flags.Plain(new ArgumentOutOfRangeException("Fn", -1.0, "Fn must be at least 0")));
}
