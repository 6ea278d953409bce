using System.IO.Compression;
using System.Text.Json.Nodes;
using Imbalanced.Cli.Models;
using Imbalanced.Data;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>The model file of <c>train</c>: byte-identical for the same input, options and seed (CLI.md,
/// Randomness), and refused as damaged, naming the file, when its parts do not agree with each other.</summary>
public class ModelFileDeterminismTests
{
    private static readonly string CreditData = Bundled("subsets/credit_data.csv");

    private static string Train(string input, string target, string technique, string learner, string model)
    {
        var r = Run("train", input, "--target", target, "--technique", technique, "--learner", learner,
            "--seed", "7", "--model", model, "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return model;
    }

    /// <summary>Every entry of the zip file <paramref name="zip"/>, and of the zip files in it, by its path
    /// (<c>learner.zip/model.zip/Schema</c>), with its date.</summary>
    private static List<(string Path, DateTime Time)> Entries(byte[] zip, string prefix = "")
    {
        var entries = new List<(string, DateTime)>();
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            entries.Add((prefix + entry.FullName, entry.LastWriteTime.DateTime));
            if (!entry.FullName.EndsWith(".zip", StringComparison.Ordinal)) continue;
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.AddRange(Entries(copy.ToArray(), prefix + entry.FullName + "/"));
        }
        return entries;
    }

    [Theory]
    [InlineData("none", "logistic", "learner.zip/model.zip/")]
    [InlineData("smote-nc", "easy-ensemble", "learner.zip/member0.zip/")]
    public void Two_train_runs_with_the_same_seed_write_byte_identical_model_files(string technique, string learner,
        string nested)
    {
        var first = Train(CreditData, "Status", technique, learner, Temp(".zip"));
        // A zip entry's time has a resolution of 2 seconds: runs further apart than that would date entries apart.
        Thread.Sleep(2100);
        var second = Train(CreditData, "Status", technique, learner, Temp(".zip"));
        var bytes = File.ReadAllBytes(first);
        Assert.Equal(bytes, File.ReadAllBytes(second));

        // Every entry, the ML.NET models' own ones included, carries the zip epoch, not the time it was written.
        var entries = Entries(bytes);
        Assert.Contains(entries, e => e.Path.StartsWith(nested, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.Time));

        // ML.NET still loads the learner written again; both files predict the same as the model in the process.
        var outputs = new[] { first, second }.Select(model =>
        {
            var output = Temp();
            Assert.Equal(0, Run("predict", "--model", model, CreditData, "--output", output).ExitCode);
            return File.ReadAllBytes(output);
        }).ToArray();
        Assert.Equal(outputs[0], outputs[1]);
        var (predicted, _) = TrainedModel.Load(first).Predict(TableReader.Read(CreditData));
        var written = TableReader.Read(Write(System.Text.Encoding.UTF8.GetString(outputs[0])));
        var column = written.IndexOf("predicted");
        Assert.Equal(predicted, Enumerable.Range(0, written.RowCount).Select(i => written.Text(i, column)));
    }

    private static readonly Lazy<string> Model = new(() => Train(Bundled("breast_cancer.csv"), "diagnosis", "none",
        "logistic", Temp(".zip")));

    public static TheoryData<string, string> Damages => new()
    {
        { "three features and three fill values", "lists 3 features, 3 input columns, but its learner takes 30" },
        { "a feature twice", "names the feature 'mean radius' twice" },
        { "three classes and three prior shares", "has a prior calibration for 2 classes, not its 3" },
        { "three classes, uncalibrated", "lists 3 classes, but its learner predicts 2" },
        { "classes out of order", "does not list its classes in class order" },
    };

    [Theory, MemberData(nameof(Damages))]
    public void A_model_file_whose_parts_disagree_is_refused_as_damaged_naming_it(string damage, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-model-file-").FullName;
        var model = Path.Combine(folder, "m.zip");
        File.Copy(Model.Value, model);
        using (var zip = ZipFile.Open(model, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("imbalanced-model.json")!;
            JsonObject json;
            using (var reader = new StreamReader(entry.Open())) json = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            entry.Delete();
            var features = json["Features"]!.AsArray();
            var fill = json["NumericFill"]!.AsArray();
            var classes = json["Classes"]!.AsArray();
            switch (damage)
            {
                case "three features and three fill values":
                    json["Features"] = new JsonArray([.. features.Take(3).Select(f => f!.DeepClone())]);
                    json["NumericFill"] = new JsonArray([.. fill.Take(3).Select(f => f!.DeepClone())]);
                    break;
                case "a feature twice":
                    features.Add(features[0]!.DeepClone());
                    fill.Add(fill[0]!.DeepClone());
                    break;
                case "classes out of order":
                    json["Classes"] = new JsonArray([.. classes.Reverse().Select(c => c!.DeepClone())]);
                    break;
                default:
                    classes.Add("zzz");
                    json["TrainingPrior"] = new JsonArray(0.5, 0.3, 0.2);
                    if (damage.EndsWith("uncalibrated", StringComparison.Ordinal))
                        json["Calibration"] = new JsonObject { ["Method"] = "none" };
                    break;
            }
            using var writer = new StreamWriter(zip.CreateEntry("imbalanced-model.json").Open());
            writer.Write(json.ToJsonString());
        }
        var input = Path.Combine(folder, "in.csv");
        File.Copy(Bundled("breast_cancer.csv"), input);

        var r = Run("predict", "--model", model, input, "--output", Path.Combine(folder, "out.csv"));
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: {model}: damaged model file: ", line);
        Assert.Contains(expected, line);
        Assert.EndsWith("; train it again", line);
        Assert.Equal("", r.Stdout);
        Assert.Equal(["in.csv", "m.zip"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }
}
