using System.CommandLine;
using System.Globalization;
using Imbalanced.Cli.Display;
using Imbalanced.Cli.Files;
using Imbalanced.Data;
using Imbalanced.Cli.Models;
using Imbalanced.MLNet.Workflow;

namespace Imbalanced.Cli.Commands;

/// <summary><c>imbalanced train</c> and <c>imbalanced predict</c>.</summary>
internal static class TrainPredictCommands
{
    public static Command Train()
    {
        var input = CommonOptions.Input();
        var target = CommonOptions.Target();
        var drop = CommonOptions.Drop();
        var technique = new Option<string>("--technique")
        {
            Description = "none, class-weight or a resample method",
            Required = true,
        };
        var learner = new Option<string>("--learner")
        {
            Description = string.Join(", ", new MlNetLearners().Names),
            Required = true,
        };
        var workflow = new WorkflowFlags();
        var model = CommonOptions.Path(
            new Option<string>("--model") { Description = "the model file to write (.zip)", Required = true });
        var quiet = CommonOptions.Quiet();
        var command = new Command("train", "fit a technique and a learner on all of INPUT and save one model file")
        {
            input, target, drop, technique, learner, model, quiet,
        };
        foreach (var option in workflow.All) command.Options.Add(option);
        command.SetAction(r =>
        {
            var modelPath = r.GetValue(model)!;
            DistinctFiles.Check([("the input", r.GetValue(input)!)], ("--model", modelPath));
            var inputPath = r.GetValue(input)!;
            var table = InputErrors.Of(inputPath, () => TableDataset.Build(
                TableReader.Read(inputPath), r.GetValue(target)!, r.GetValue(drop) ?? []));
            var options = workflow.Read(r);
            // predict writes the input's columns and adds its own: a feature of one of those names would make every
            // input predict is given clash with its output.
            var data = table.Data;
            var added = AddedColumns(data.Classes.Labels);
            foreach (var feature in data.NumericNames.Concat(data.CategoricalNames))
                if (added.Contains(feature))
                    throw new DataException($"{inputPath}: feature column '{feature}' has a name predict adds to its " +
                        $"output ({string.Join(", ", added)}); rename the column here and in the tables to predict");
            TableWarnings.Write(inputPath, data);
            var trained = InputErrors.Of(inputPath, () => StatusDisplay.Run("training", r.GetValue(quiet), () =>
                TrainedModel.Train(table.Data, r.GetValue(technique)!, r.GetValue(learner)!, options)));
            trained.Save(modelPath);
            var adjusted = trained.Combination.Adjusted;
            if (adjusted.Count > 0)
                Console.Error.WriteLine($"warning: {trained.Combination.Technique} ran with " +
                    string.Join(", ", adjusted.Select(a => string.Create(CultureInfo.InvariantCulture,
                        $"{a.Key} = {a.Value}"))) + ": a class has too few rows for its default");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Predict()
    {
        var model = CommonOptions.Path(new Option<string>("--model")
        {
            Description = "a model file written by 'imbalanced train'",
            Required = true,
        });
        var input = CommonOptions.Input();
        var output = CommonOptions.Path(new Option<string>("--output")
        {
            Description = "the file to write, in the input's format",
            Required = true,
        });
        var index = new Option<string?>("--index-column")
        {
            Description = "append each row's 0-based input row number",
        };
        var prior = CommonOptions.OptionalFiniteNumber("--prior",
            "the positive class's prevalence where the model is deployed (binary models): " +
            "probabilities are mapped to it and decisions taken on them");
        var command = new Command("predict", "append predictions and probabilities to INPUT's columns")
        {
            model, input, output, index, prior, CommonOptions.Quiet(),
        };
        command.SetAction(r =>
        {
            var inputPath = r.GetValue(input)!;
            if (r.GetValue(prior) is { } p && !(p > 0 && p < 1))
                throw new UsageException($"--prior must be a prevalence strictly between 0 and 1; got {p}");
            if (r.GetValue(index) is { Length: 0 })
                throw new UsageException("--index-column: the name is empty; give the new column a name");
            var outputPath = r.GetValue(output)!;
            var modelPath = r.GetValue(model)!;
            DistinctFiles.Check([("the input", inputPath), ("--model", modelPath)], ("--output", outputPath));
            if (Directory.Exists(modelPath)) throw new DataException($"{modelPath}: is a folder, not a model file");
            if (!File.Exists(modelPath)) throw new DataException($"{modelPath}: model file not found");
            var trained = TrainedModel.Load(modelPath);
            if (r.GetValue(prior) is not null && trained.Classes.Count != 2)
                throw new DataException($"{modelPath}: --prior is for binary models; this one has " +
                    $"{trained.Classes.Count} classes");
            var names = AddedColumns(trained);
            if (r.GetValue(index) is { } indexName && names.Contains(indexName))
                throw new DataException($"--index-column '{indexName}' is a column predict adds " +
                    $"({string.Join(", ", names)}); choose another name");
            var table = TableReader.Read(inputPath);
            var (predicted, probabilities) = InputErrors.Of(inputPath, () => trained.Predict(table, r.GetValue(prior)));
            var k = trained.Classes.Count;
            var pos = trained.Positive is null ? -1 : trained.Classes.ToList().IndexOf(trained.Positive);
            string F(double v) => v.ToString(CultureInfo.InvariantCulture);
            AppendedColumnsWriter.Write(
                table,
                names,
                i => k == 2
                    ? [predicted[i], F(probabilities[i * 2 + pos])]
                    : [predicted[i], .. Enumerable.Range(0, k).Select(c => F(probabilities[i * k + c]))],
                outputPath,
                r.GetValue(index),
                names[1..]);
            // The output keeps the input's format whatever its name ends with (as resample's): said when the name
            // suggests another.
            var parquet = TableReader.IsParquetInput(inputPath);
            if (parquet != TableReader.IsParquet(outputPath))
                Console.Error.WriteLine($"warning: --output {outputPath}: written as "
                    + $"{(parquet ? "Parquet" : "delimited text")}, the input's format");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The columns predict appends to INPUT's: <c>predicted</c>, then <c>probability</c> (binary) or one
    /// <c>probability_LABEL</c> per class.</summary>
    private static string[] AddedColumns(TrainedModel trained) => AddedColumns(trained.Classes);

    private static string[] AddedColumns(IReadOnlyList<string> classes) => classes.Count == 2
        ? ["predicted", "probability"]
        : ["predicted", .. classes.Select(c => $"probability_{c}")];
}
