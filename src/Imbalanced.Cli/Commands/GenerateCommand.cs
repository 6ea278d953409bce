using System.CommandLine;
using System.CommandLine.Parsing;
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
        var output = CommonOptions.Path(new Option<string>("--output")
        {
            Description = "the file to write (.csv or .parquet)",
            Required = true,
        });
        var rows = CommonOptions.WholeNumber("--rows", 1000, "rows");
        var features = CommonOptions.WholeNumber("--features", 20, "features in all");
        var informative = CommonOptions.WholeNumber("--informative", 2, "informative features");
        var redundant = CommonOptions.WholeNumber("--redundant", 2,
            "redundant features (linear combinations of informative ones)");
        var classes = CommonOptions.WholeNumber("--classes", 2, "classes");
        var clusters = CommonOptions.WholeNumber("--clusters-per-class", 2, "Gaussian clusters per class");
        var weights = new Option<double[]?>("--weights")
        {
            Description = "share of rows per class, comma-separated (the last may be left out: it takes the rest)",
            CustomParser = ParseWeights,
        };
        var separation = CommonOptions.FiniteNumber("--class-sep", 1.0, "class separation");
        var flip = CommonOptions.FiniteNumber("--flip", 0.01, "share of labels replaced at random");
        var seed = CommonOptions.Seed();
        var command = new Command("generate",
            "write a synthetic classification data set (in the manner of make_classification)")
        {
            output, rows, features, informative, redundant, classes, clusters, weights, separation, flip, seed,
            CommonOptions.Quiet(),
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

    /// <summary>Tolerance of the sum of the weights above 1 (decimal fractions rarely add up exactly).</summary>
    private const double SumTolerance = 1e-9;

    /// <summary><c>--weights W1,W2,…</c>: each a share in [0, 1], together at most 1. Whether there are as many as
    /// the classes (or one fewer) is checked against <c>--classes</c> by the generator.</summary>
    private static double[]? ParseWeights(ArgumentResult r)
    {
        const string Form = "give shares of rows from 0 to 1, comma-separated, e.g. --weights 0.9 for two classes";
        var text = string.Join(",", r.Tokens.Select(t => t.Value));
        var values = new List<double>();
        foreach (var v in text.Split(','))
        {
            if (CommonOptions.Finite(v) is not { } d)
            {
                r.AddError(v.Length == 0
                    ? $"--weights: '{text}' has an empty weight; {Form}"
                    : $"--weights: '{v}' is not a finite number; {Form}");
                return null;
            }
            if (d is < 0 or > 1)
            {
                r.AddError($"--weights: {v} is not a share of rows from 0 to 1; {Form}");
                return null;
            }
            values.Add(d);
        }
        var sum = values.Sum();
        if (sum > 1 + SumTolerance)
        {
            var total = Math.Round(sum, 9).ToString("R", CultureInfo.InvariantCulture);
            r.AddError($"--weights: '{text}' adds up to {total}, more than all the rows; give shares that " +
                "add up to at most 1 (or leave the last class out: it takes the rest)");
            return null;
        }
        return [.. values];
    }
}
