using Imbalanced.Sampling;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>The bad inputs of CLI.md, for every registered method through the command line.</summary>
public class MethodBadInputTests
{
    public static TheoryData<string> Methods() => MethodsWhere(_ => true);

    /// <summary>The methods that refuse empty cells (they measure distances).</summary>
    public static TheoryData<string> MethodsRefusingEmptyCells() => MethodsWhere(s => !s.AllowsMissing);

    /// <summary>The methods that take numeric features only.</summary>
    public static TheoryData<string> NumericOnlyMethods() => MethodsWhere(s => !s.AllowsCategorical);

    private static TheoryData<string> MethodsWhere(Func<SamplerInfo, bool> keep)
    {
        var data = new TheoryData<string>();
        // Regression methods need --task regression and a numeric target: RegressionCommandTests covers their bad
        // input.
        foreach (var s in SamplerRegistry.All.Where(s => s.Kind != SamplerKind.Regression).Where(keep))
            data.Add(s.Name);
        return data;
    }

    private static void AssertDataError(string method, string text, string expected, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-method-").FullName;
        var input = Path.Combine(folder, "in.csv");
        File.WriteAllText(input, text);
        var output = Path.Combine(folder, "out.csv");
        var r = Run(["resample", input, "--target", "y", "--method", method, "--output", output, .. extra]);
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.False(File.Exists(output));
    }

    private static string Rows(Func<int, string> row, int n = 30) =>
        "a,b,y\n" + string.Join("\n", Enumerable.Range(0, n).Select(row)) + "\n";

    [Theory]
    [MemberData(nameof(Methods))]
    public void One_class_only(string method) =>
        AssertDataError(method, Rows(i => $"{i * 0.37},{i % 7 * 1.1},x"), "one class");

    [Theory]
    [MemberData(nameof(MethodsRefusingEmptyCells))]
    public void Empty_cells_for_methods_that_measure_distances(string method)
    {
        var info = SamplerRegistry.Find(method)!;
        string A(int i) => i % 9 == 0 ? ""
            : info.Features == FeatureKinds.Categorical ? $"k{i % 4}"
            : (i * 0.37).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string B(int i) => info.Features == FeatureKinds.Numeric
            ? (i % 7 * 1.1 + i * 0.01).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"v{i % 3}";
        AssertDataError(method, Rows(i => $"{A(i)},{B(i)},{(i % 3 == 0 ? "r" : "c")}"), "column 'a' has 4 empty");
    }

    [Theory]
    [MemberData(nameof(NumericOnlyMethods))]
    public void Categorical_features_for_numeric_methods_name_the_column(string method) =>
        AssertDataError(method, Rows(i => $"{i * 0.37},{(i % 2 == 0 ? "red" : "blue")},{(i % 3 == 0 ? "r" : "c")}"),
            "'b'");

    [Theory]
    [MemberData(nameof(Methods))]
    public void Impossible_strategy(string method)
    {
        var info = SamplerRegistry.Find(method)!;
        var strategy = info.Kind switch { SamplerKind.Under => "c=50", SamplerKind.Cleaning => "w", _ => "r=2" };
        AssertDataError(method, Rows(i => $"{i * 0.37},{i % 7 * 1.1 + i * 0.01},{(i % 3 == 0 ? "r" : "c")}"),
            $"'{strategy[..1]}'", "--strategy", strategy);
    }

    /// <summary>Option values outside a method's range: exit 2, one <c>error:</c> line naming the flag, no output.
    /// </summary>
    [Theory]
    [InlineData("lee", "--rejection-level", "1.5", "--rejection-level must be in [0, 1]; got 1.5")]
    [InlineData("lee", "--rejection-level", "-0.1", "--rejection-level must be in [0, 1]; got -0.1")]
    [InlineData("lee", "--k-neighbors", "0", "--k-neighbors must be at least 1; got 0")]
    [InlineData("prowsyn", "--levels", "0", "--levels must be at least 1; got 0")]
    [InlineData("prowsyn", "--theta", "-1", "--theta must be a finite number of at least 0; got -1")]
    [InlineData("prowsyn", "--n-neighbors", "0", "--n-neighbors must be at least 1; got 0")]
    [InlineData("smobd", "--eta1", "1.5", "--eta1 must be in [0, 1]; got 1.5")]
    [InlineData("smobd", "--noise-threshold", "-1", "--noise-threshold must be a finite number of at least 0; got -1")]
    [InlineData("smobd", "--min-samples", "0", "--min-samples must be at least 1; got 0")]
    [InlineData("smobd", "--max-eps", "-2", "--max-eps must be at least 0; got -2")]
    [InlineData("gsmote", "--truncation-factor", "1.5", "--truncation-factor must be in [-1, 1]; got 1.5")]
    [InlineData("gsmote", "--deformation-factor", "-0.5", "--deformation-factor must be in [0, 1]; got -0.5")]
    [InlineData("gsmote", "--selection-strategy", "both",
        "--selection-strategy must be combined or minority or majority; got 'both'")]
    [InlineData("ccr", "--energy", "0", "--energy must be a finite number above 0; got 0")]
    [InlineData("ccr", "--energy", "-2", "--energy must be a finite number above 0; got -2")]
    [InlineData("ccr", "--scaling", "-1", "--scaling must be a finite number of at least 0; got -1")]
    [InlineData("smote-ipf", "--n-folds", "1", "--n-folds must be at least 2; got 1")]
    [InlineData("smote-ipf", "--stop-iterations", "0", "--stop-iterations must be at least 1; got 0")]
    [InlineData("smote-ipf", "--stop-fraction", "1.5", "--stop-fraction must be in [0, 1]; got 1.5")]
    [InlineData("smote-ipf", "--stop-fraction", "-0.01", "--stop-fraction must be in [0, 1]; got -0.01")]
    [InlineData("smote-ipf", "--max-iter", "0", "--max-iter must be at least 1; got 0")]
    [InlineData("svm-smote", "--max-iter", "0", "--max-iter must be at least 1; got 0")]
    [InlineData("smote-ipf", "--voting", "all", "--voting must be majority or consensus; got 'all'")]
    [InlineData("smote-ipf", "--k-neighbors", "0", "--k-neighbors must be at least 1; got 0")]
    [InlineData("smote-ipf", "--n-folds", "many", "--n-folds: 'many' is not a whole number")]
    [InlineData("polynom-fit-smote", "--topology", "ring",
        "--topology: 'ring' is not a topology: write star, bus, mesh or poly-N with N a whole number of at least 1")]
    [InlineData("polynom-fit-smote", "--topology", "poly-0",
        "--topology: 'poly-0' is not a topology: write star, bus, mesh or poly-N with N a whole number of at least 1")]
    public void Out_of_range_option_values_are_usage_errors(string method, string flag, string value, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-method-").FullName;
        var input = Path.Combine(folder, "in.csv");
        File.WriteAllText(input, Rows(i => $"{i * 0.37},{i % 7 * 1.1 + i * 0.01},{(i % 3 == 0 ? "r" : "c")}"));
        var output = Path.Combine(folder, "out.csv");
        var r = Run(["resample", input, "--target", "y", "--method", method, "--output", output, flag, value]);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("error: " + expected, line);
        Assert.False(File.Exists(output));
    }
}
