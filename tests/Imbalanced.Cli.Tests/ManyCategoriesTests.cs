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

    /// <summary>Numbers made categorical by their formatting or by a few text cells are said as such, and an
    /// identifier's name is quoted for the shell in the --drop suggestion.</summary>
    [Fact]
    public void Formatted_numbers_stray_text_and_quoted_names_are_said_as_such()
    {
        var rows = Enumerable.Range(0, 160).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"A-{i},\"${1000 + i * 7},{i % 100:00}\",{(i % 50 == 7 ? "n/a" : (i * 0.37).ToString("0.00",
                CultureInfo.InvariantCulture))},{(i % 5 == 0 ? "rare" : "common")}\n"));
        var input = Write("my id,amount,ratio,y\n" + string.Concat(rows));
        var r = Run("train", input, "--target", "y", "--technique", "none", "--learner", "logistic", "--model",
            Temp(".zip"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("leave it out with --drop 'my id'", lines[0]);
        Assert.Equal("warning: column 'amount' looks like numbers written with symbols or separators ('$1000,00'), " +
            "so it is read as categories; write plain numbers (such as 1234.5) to use it as a number", lines[1]);
        Assert.Equal("warning: column 'ratio' holds numbers but for 4 filled cell(s) of text ('n/a'), so it is read " +
            "as categories; a numeric column needs a finite number in every filled cell: correct those cells or " +
            "empty them", lines[2]);
    }
}
