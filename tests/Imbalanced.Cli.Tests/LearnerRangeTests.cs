using System.Globalization;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>compare and train check the features against the single precision ML.NET's learners read before any
/// fit.</summary>
public class LearnerRangeTests
{
    private static string Table(string scale) => Write("a,b,y\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"{i % 7}{scale},{i % 5},{(i % 6 == 0 ? "rare" : "common")}\n"))));

    /// <summary>A value beyond ±3.4e38 is refused with the learners' limit, not a sampler's looser one (SMOTE's
    /// squared distances allow about 1e150 here).</summary>
    [Fact]
    public void A_value_beyond_single_precision_is_refused_before_the_sampler_answers()
    {
        var input = Table("e100");
        foreach (var args in new[]
                 {
                     new[] { "train", input, "--target", "y", "--technique", "smote", "--learner", "lightgbm",
                         "--model", Temp(".zip") },
                     ["compare", input, "--target", "y", "--learners", "logistic", "--techniques", "smote", "--quiet"],
                 })
        {
            var r = Run(args);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal($"error: {input}: column 'a' holds 1E+100, beyond the ±3.4e38 ML.NET's learners take " +
                "(single precision); rescale the column or leave it out\n", r.Stderr);
        }
    }

    [Fact]
    public void Values_below_single_precisions_smallest_normal_are_said_to_read_as_zero()
    {
        var r = Run("train", Table("e-300"), "--target", "y", "--technique", "none", "--learner", "logistic",
            "--model", Temp(".zip"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("warning: column 'a' holds values below 1.2e-38 in magnitude, which ML.NET's learners (single " +
            "precision) read as 0; rescale the column to use them\n", r.Stderr);
    }
}
