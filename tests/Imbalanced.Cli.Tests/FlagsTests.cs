using Imbalanced.Sampling;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>The command line derives every method's options from the registry and speaks of flags where the
/// library speaks of option properties.</summary>
public class FlagsTests
{
    [Fact]
    public void Every_sampler_parameter_the_command_line_can_give_has_its_flag()
    {
        var help = Run("resample", "--help").Stdout;
        foreach (var flag in new[]
                 {
                     "--k-neighbors", "--m-neighbors", "--n-neighbors", "--kind-sel", "--max-iter", "--allow-minority",
                     "--kind", "--version", "--n-neighbors-ver3", "--out-step", "--clusters",
                     "--cluster-balance-threshold", "--density-exponent", "--voting", "--shrinkage", "--replacement",
                     "--categorical", "--threshold-cleaning", "--n-seeds-s", "--cv",
                 })
            Assert.Contains(flag + " ", help);
        foreach (var info in SamplerRegistry.All)
            foreach (var p in info.Parameters.Where(p => p.Name != "estimator"))
                Assert.Contains(Flags.Of(p) + " ", help);
    }

    /// <summary>A flag two methods give different values or meanings is described for each (--voting of
    /// cluster-centroids and smote-ipf, --max-iter of renn, smote-ipf and svm-smote).</summary>
    [Fact]
    public void A_flag_shared_by_methods_with_different_values_describes_each()
    {
        var help = Run("resample", "--help").Stdout.ReplaceLineEndings(" ");
        var words = string.Join(' ', help.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("auto | soft | hard (cluster-centroids);", words);
        Assert.Contains("majority | consensus (smote-ipf)", words);
        Assert.Contains("most iterations of the SVM's solver (auto: until it converges) (svm-smote); "
            + "most passes of ENN (renn); most iterations of the filter (smote-ipf)", words);
    }

    [Theory]
    [InlineData("MNeighbors = 50 needs more rows; lower MNeighbors", "MNeighbors",
        "--m-neighbors = 50 needs more rows; lower --m-neighbors")]
    [InlineData("no feature named 'x' for CategoricalFeatures", null, "no feature named 'x' for --categorical")]
    [InlineData("Folds must be at least 2 (Parameter 'Folds')", "Folds", "--cv must be at least 2")]
    [InlineData("TuneThreshold needs two classes", "TuneThreshold", "--tune-threshold needs two classes")]
    [InlineData("use smote-nc, or leave the column out", null, "use smote-nc, or drop the column with --drop")]
    public void Library_messages_are_printed_with_flags(string message, string? property, string printed) =>
        Assert.Equal(printed, Flags.Translate(message, property));

    [Fact]
    public void Option_values_the_library_refuses_are_usage_errors_named_by_flag()
    {
        var input = Write("a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.7,7.5,z\n0.8,8.5,z\n0.95,9.5,z\n");
        var zero = Run("resample", input, "--target", "y", "--method", "smote",
            "--k-neighbors", "0", "--output", Temp());
        Assert.Equal(2, zero.ExitCode);
        Assert.Equal("error: --k-neighbors must be at least 1; got 0\n", zero.Stderr.ReplaceLineEndings("\n"));
        var kind = Run("resample", input, "--target", "y", "--method", "borderline-smote", "--kind", "b3", "--output",
            Temp());
        Assert.Equal(2, kind.ExitCode);
        Assert.Contains("--kind must be borderline-1 or borderline-2; got 'b3'", kind.Stderr);
        var rows = Run("generate", "--rows", "0", "--output", Temp());
        Assert.Equal(2, rows.ExitCode);
        Assert.Equal("error: --rows must be at least 1; got 0\n", rows.Stderr.ReplaceLineEndings("\n"));
    }
}
