using System.CommandLine;
using System.Globalization;
using Imbalanced.Cli.Display;
using Imbalanced.Cli.Files;
using Imbalanced.Data;
using Imbalanced.Cli.Models;

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
            Description = "logistic, lightgbm, random-forest or fasttree",
            Required = true,
        };
        var tune = new Option<string>("--tune-threshold")
        {
            DefaultValueFactory = _ => "none",
            Description = "none, f1, f2, mcc, balanced-accuracy or gmean",
        };
        var seed = CommonOptions.Seed();
        var model = new Option<string>("--model") { Description = "the model file to write (.zip)", Required = true };
        var quiet = CommonOptions.Quiet();
        var command = new Command("train", "fit a technique and a learner on all of INPUT and save one model file")
        {
            input, target, drop, technique, learner, tune, seed, model, quiet,
        };
        command.SetAction(r =>
        {
            var modelPath = r.GetValue(model)!;
            DistinctFiles.Check([("the input", r.GetValue(input)!)], ("--model", modelPath));
            var table = TableDataset.Build(
                TableReader.Read(r.GetValue(input)!), r.GetValue(target)!, r.GetValue(drop) ?? []);
            TrainedModel trained;
            try
            {
                trained = StatusDisplay.Run("training", r.GetValue(quiet), () =>
                    TrainedModel.Train(table.Data, r.GetValue(technique)!, r.GetValue(learner)!, r.GetValue(tune)!,
                        r.GetValue(seed)));
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            trained.Save(modelPath);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Predict()
    {
        var model = new Option<string>("--model")
        {
            Description = "a model file written by 'imbalanced train'",
            Required = true,
        };
        var input = CommonOptions.Input();
        var output = new Option<string>("--output")
        {
            Description = "the file to write, in the input's format",
            Required = true,
        };
        var index = new Option<string?>("--index-column")
        {
            Description = "append each row's 0-based input row number",
        };
        var command = new Command("predict", "append predictions and probabilities to INPUT's columns")
        {
            model, input, output, index,
        };
        command.SetAction(r =>
        {
            var inputPath = r.GetValue(input)!;
            var outputPath = r.GetValue(output)!;
            var modelPath = r.GetValue(model)!;
            DistinctFiles.Check([("the input", inputPath), ("--model", modelPath)], ("--output", outputPath));
            if (!File.Exists(modelPath)) throw new DataException($"{modelPath}: model file not found");
            var trained = TrainedModel.Load(modelPath);
            var table = TableReader.Read(inputPath);
            var (predicted, probabilities) = trained.Predict(table);
            var k = trained.Classes.Count;
            var pos = trained.Positive is null ? -1 : trained.Classes.ToList().IndexOf(trained.Positive);
            string[] names = k == 2
                ? ["predicted", "probability"]
                : ["predicted", .. trained.Classes.Select(c => $"probability_{c}")];
            string F(double v) => v.ToString(CultureInfo.InvariantCulture);
            AppendedColumnsWriter.Write(
                table,
                names,
                i => k == 2
                    ? [predicted[i], F(probabilities[i * 2 + pos])]
                    : [predicted[i], .. Enumerable.Range(0, k).Select(c => F(probabilities[i * k + c]))],
                outputPath,
                r.GetValue(index));
            return ExitCodes.Success;
        });
        return command;
    }
}
