using Imbalanced.Data;
using Imbalanced.Cli.Models;
using Imbalanced.ModelSelection;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

public class TrainPredictTests
{
    private static (string Train, string HeldOut) Split()
    {
        var lines = File.ReadAllLines(Bundled("breast_cancer.csv"));
        var train = Write(string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Where((_, i) => i % 4 != 0))) + "\n");
        var heldOut = Write(string.Join("\n", lines.Take(1).Concat(lines.Skip(1).Where((_, i) => i % 4 == 0))) + "\n");
        return (train, heldOut);
    }

    [Fact]
    public void Train_then_predict_round_trips_with_the_in_process_model()
    {
        var (train, heldOut) = Split();
        var model = Temp(".zip");
        var r = Run("train", train, "--target", "diagnosis", "--technique", "smote", "--learner", "logistic",
            "--tune-threshold", "f1", "--model", model, "--quiet");
        Assert.Equal(0, r.ExitCode);
        var output = Temp();
        Assert.Equal(0, Run("predict", "--model", model, heldOut, "--output", output,
            "--index-column", "row").ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.EndsWith(",predicted,probability,row", lines[0]);
        var inProcess = TrainedModel.Train(TableDataset.Build(TableReader.Read(train), "diagnosis").Data,
            "smote", "logistic", new CompareOptions { TuneThreshold = "f1" });
        var (predicted, probabilities) = inProcess.Predict(TableReader.Read(heldOut));
        Assert.Equal(predicted.Length, lines.Length - 1);
        for (var i = 0; i < predicted.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(predicted[i], fields[^3]);
            Assert.Equal(probabilities[i * 2 + 1],
                double.Parse(fields[^2], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[^1]);
        }
        Assert.NotNull(TrainedModel.Load(model).Combination.Threshold);
    }

    [Fact]
    public async Task Predict_on_parquet_writes_probabilities_as_doubles_and_the_row_number_as_an_integer()
    {
        var parquet = Temp(".parquet");
        Assert.Equal(0, Run("generate", "--output", parquet, "--rows", "300", "--weights", "0.8").ExitCode);
        var model = Temp(".zip");
        Assert.Equal(0, Run("train", parquet, "--target", "label", "--technique", "none", "--learner", "logistic",
            "--model", model, "--quiet").ExitCode);
        var output = Temp(".parquet");
        Assert.Equal(0, Run("predict", "--model", model, parquet, "--output", output,
            "--index-column", "row").ExitCode);
        await using var stream = File.OpenRead(output);
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        var types = reader.Schema.DataFields.ToDictionary(f => f.Name, f => f.ClrType);
        Assert.Equal(typeof(double), types["probability"]);
        Assert.Equal(typeof(long), types["row"]);
        var back = TableReader.Read(output);
        var (predicted, probabilities) = TrainedModel.Load(model).Predict(TableReader.Read(parquet));
        var (p, q) = (back.IndexOf("probability"), back.IndexOf("predicted"));
        for (var i = 0; i < predicted.Length; i++)
        {
            Assert.Equal(predicted[i], back.Text(i, q));
            Assert.Equal(probabilities[i * 2 + 1],
                double.Parse(back.Text(i, p), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_schema_mismatch_is_a_data_error_naming_the_column()
    {
        var (train, heldOut) = Split();
        var model = Temp(".zip");
        Assert.Equal(0, Run("train", train, "--target", "diagnosis", "--technique", "none", "--learner", "logistic",
            "--model", model, "--quiet").ExitCode);
        var lines = File.ReadAllLines(heldOut);
        var header = lines[0].Split(',');
        var without = Write(string.Join("\n", lines.Select(l => string.Join(",", l.Split(',').Skip(1)))) + "\n");
        var output = Temp();
        var r = Run("predict", "--model", model, without, "--output", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"'{header[0]}'", r.Stderr);
        Assert.False(File.Exists(output));
        // One cell that is not a number, on the fourth data row (line 5): named with its line, column and text.
        var text = Write(lines[0] + "\n" + string.Join("\n",
            lines.Skip(1).Select((l, i) => i == 3 ? "abc" + l[l.IndexOf(',')..] : l)) + "\n");
        r = Run("predict", "--model", model, text, "--output", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"line 5, column '{header[0]}': 'abc' is not a number", r.Stderr);
        Assert.Contains("trained on numbers", r.Stderr);
    }

    [Fact]
    public void A_missing_model_or_a_folder_as_the_model_is_a_data_error_naming_it()
    {
        var (_, heldOut) = Split();
        var output = Temp();
        AssertRefused(Run("predict", "--model", Path.Combine(TempDir, "absent.zip"), heldOut, "--output", output),
            "absent.zip: model file not found");
        AssertRefused(Run("predict", "--model", TempDir, heldOut, "--output", output), "is a folder, not a model file");
        Assert.False(File.Exists(output));
    }
}
