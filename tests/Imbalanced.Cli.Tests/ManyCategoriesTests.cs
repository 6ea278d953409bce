using System.Globalization;
using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>A column of identifiers, and any categorical column of more than 100 categories, is said on stderr by
/// compare and train; each training part one-hot encodes at most 100 of its categories.</summary>
public class ManyCategoriesTests
{
    /// <summary>160 rows: an identifier, a 120-valued code (rows 0-79 one value each, then 40 values twice), a
    /// number, and the label.</summary>
    private static string Table() => Write("id,code,x,y\n" + string.Concat(Enumerable.Range(0, 160).Select(i =>
        string.Create(CultureInfo.InvariantCulture,
            $"C{i:000},K{(i < 80 ? i : 80 + (i - 80) / 2)},{i % 17 * 0.5},{(i % 5 == 0 ? "rare" : "common")}\n"))));

    [Fact]
    public void Compare_and_train_say_so_and_predict_serves_rows_with_identifiers_never_seen()
    {
        var input = Table();
        var json = Temp(".json");
        var compared = Run("compare", input, "--target", "y", "--learners", "logistic", "--techniques", "none,smote",
            "--folds", "3", "--repeats", "1", "--quiet", "--json", json);
        Assert.True(compared.ExitCode == 0, compared.Stderr);
        var lines = compared.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("warning: column 'id' has a different value in each of its 160 filled rows (an identifier?): " +
            "no model can use it on new rows, and no training part encodes it; leave it out with --drop id",
            lines[0]);
        Assert.Equal("warning: column 'code' has 120 categories; each training part one-hot encodes at most 100, the " +
            "most frequent of those in two rows or more, and the others as zeros", lines[1]);
        Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results")
            .GetArrayLength());

        var model = Temp(".zip");
        var trained = Run("train", input, "--target", "y", "--technique", "smote", "--learner", "logistic",
            "--model", model);
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.StartsWith("warning: column 'id' has a different value in each of its 160 filled rows", trained.Stderr);

        var rows = Write("id,code,x\nNEW1,K3,1.5\nNEW2,K999,7\n");
        var scored = Temp(".csv");
        var predicted = Run("predict", "--model", model, rows, "--output", scored);
        Assert.True(predicted.ExitCode == 0, predicted.Stderr);
        Assert.Equal(3, File.ReadAllLines(scored).Length);

        // Without the identifier, nothing is said about it.
        var dropped = Run("compare", input, "--target", "y", "--learners", "logistic", "--techniques", "none",
            "--folds", "3", "--repeats", "1", "--quiet", "--drop", "id");
        Assert.True(dropped.ExitCode == 0, dropped.Stderr);
        Assert.DoesNotContain("'id'", dropped.Stderr);
    }
}
