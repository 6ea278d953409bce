using System.CommandLine;
using System.Globalization;
using Imbalanced.Cli.Files;
using Imbalanced.Data;
using Imbalanced.Synthetic;

namespace Imbalanced.Cli.Commands;

/// <summary><c>imbalanced generate --output FILE [options]</c>: a synthetic classification data set.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output")
        {
            Description = "the file to write (.csv or .parquet)",
            Required = true,
        };
        var rows = new Option<int>("--rows") { DefaultValueFactory = _ => 1000, Description = "rows" };
        var features = new Option<int>("--features") { DefaultValueFactory = _ => 20, Description = "features in all" };
        var informative = new Option<int>("--informative")
        {
            DefaultValueFactory = _ => 2,
            Description = "informative features",
        };
        var redundant = new Option<int>("--redundant")
        {
            DefaultValueFactory = _ => 2,
            Description = "redundant features (linear combinations of informative ones)",
        };
        var classes = new Option<int>("--classes") { DefaultValueFactory = _ => 2, Description = "classes" };
        var clusters = new Option<int>("--clusters-per-class")
        {
            DefaultValueFactory = _ => 2,
            Description = "Gaussian clusters per class",
        };
        var weights = new Option<double[]?>("--weights")
        {
            Description = "share of rows per class, comma-separated (the last may be left out)",
            CustomParser = r =>
            {
                var values = new List<double>();
                foreach (var v in r.Tokens.SelectMany(t => t.Value.Split(',')))
                {
                    if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) values.Add(d);
                    else r.AddError($"--weights: '{v}' is not a number");
                }
                return [.. values];
            },
        };
        var separation = new Option<double>("--class-sep")
        {
            DefaultValueFactory = _ => 1.0,
            Description = "class separation",
        };
        var flip = new Option<double>("--flip")
        {
            DefaultValueFactory = _ => 0.01,
            Description = "share of labels replaced at random",
        };
        var seed = CommonOptions.Seed();
        var command = new Command("generate",
            "write a synthetic classification data set (in the manner of make_classification)")
        {
            output, rows, features, informative, redundant, classes, clusters, weights, separation, flip, seed,
        };
        command.SetAction(r =>
        {
            var options = new ClassificationOptions
            {
                Rows = r.GetValue(rows),
                Features = r.GetValue(features),
                Informative = r.GetValue(informative),
                Redundant = r.GetValue(redundant),
                Classes = r.GetValue(classes),
                ClustersPerClass = r.GetValue(clusters),
                Weights = r.GetValue(weights) is { Length: > 0 } w ? w : null,
                ClassSeparation = r.GetValue(separation),
                Flip = r.GetValue(flip),
                Seed = r.GetValue(seed),
            };
            var path = r.GetValue(output)!;
            DistinctFiles.Check([], ("--output", path));
            DatasetFileWriter.Write(ClassificationGenerator.Generate(options), path);
            return ExitCodes.Success;
        });
        return command;
    }
}
