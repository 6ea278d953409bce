using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Labels that differ only in spaces, case or number spelling stay different classes (the contract takes
/// labels as written) and are said on stderr.</summary>
public class LabelSpellingsTests
{
    [Fact]
    public void Inspect_compare_and_train_name_labels_that_read_alike()
    {
        var input = Write("x,y\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
            $"{i % 9},{(i % 10 == 0 ? "Yes" : i % 10 == 1 ? "yes " : i % 2 == 0 ? "No" : "no")}\n")));
        const string Yes = "warning: the labels 'Yes', 'yes ' differ only in spaces, letter case or the spelling " +
            "of a number; labels are taken as written, so they are different classes here: correct the target column " +
            "if they mean one class";
        var inspected = Run("inspect", input, "--target", "y", "--json");
        Assert.True(inspected.ExitCode == 0, inspected.Stderr);
        Assert.Contains(Yes, inspected.Stderr);
        Assert.Contains("the labels 'No', 'no' differ only", inspected.Stderr);
        var trained = Run("train", input, "--target", "y", "--technique", "none", "--learner", "logistic",
            "--model", Temp(".zip"));
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Contains(Yes, trained.Stderr);
        var numbers = Write("x,y\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"{i % 9},{(i % 8 == 0 ? "1.0" : i % 8 == 1 ? "1" : "0")}\n")));
        var compared = Run("compare", numbers, "--target", "y", "--learners", "logistic", "--techniques", "none",
            "--folds", "2", "--repeats", "1", "--quiet");
        Assert.True(compared.ExitCode == 0, compared.Stderr);
        Assert.StartsWith("warning: the labels '1', '1.0' differ only", compared.Stderr);
    }
}
