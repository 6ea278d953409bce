using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Imbalanced.Cli.Display;
using Imbalanced.Data;
using Imbalanced.Metrics;

namespace Imbalanced.Cli.Commands;

/// <summary>
/// <c>imbalanced evaluate INPUT --target COL --predicted COL [--score COL] [--positive LABEL] [--json]
/// [--digits 2]</c>.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var target = CommonOptions.Target();
        var predicted = new Option<string>("--predicted")
        {
            Description = "the column of predicted labels",
            Required = true,
        };
        var score = new Option<string?>("--score")
        {
            Description = "a column with the score or probability of the positive class (binary)",
        };
        var positive = new Option<string?>("--positive")
        {
            Description = "the positive class (default: the minority class of a binary problem)",
        };
        var json = CommonOptions.Json("print every metric as one JSON object");
        var digits = new Option<int>("--digits")
        {
            DefaultValueFactory = _ => 2,
            Description = "decimals in the report",
        };
        var command = new Command("evaluate", "report imbalance-aware metrics of predictions")
        {
            input, target, predicted, score, positive, json, digits, CommonOptions.Quiet(),
        };
        command.SetAction(r => Run(r.GetValue(input)!, r.GetValue(target)!, r.GetValue(predicted)!, r.GetValue(score),
            r.GetValue(positive), r.GetValue(json), r.GetValue(digits)));
        return command;
    }

    private static int Run(string input, string target, string predicted, string? score, string? positive, bool json,
        int digits)
    {
        if (digits is < 0 or > 15) throw new UsageException($"--digits must be between 0 and 15; got {digits}");
        var table = TableReader.Read(input);
        int Column(string name, string option) => table.IndexOf(name) is var j and >= 0 ? j
            : throw new DataException($"{input}: no column named '{name}' for {option}; the columns are: " +
                $"{string.Join(", ", table.Columns)}");
        var t = Column(target, "--target");
        var p = Column(predicted, "--predicted");
        var truth = new string[table.RowCount];
        var predictions = new string[table.RowCount];
        for (var i = 0; i < table.RowCount; i++)
        {
            truth[i] = table.Text(i, t);
            predictions[i] = table.Text(i, p);
            if (truth[i].Length == 0 || predictions[i].Length == 0)
                throw new DataException($"{input}: line {table.LineOf(i)}: an empty label in " +
                    $"'{(truth[i].Length == 0 ? target : predicted)}'");
        }
        double[]? scores = null;
        if (score is not null)
        {
            var s = Column(score, "--score");
            scores = new double[table.RowCount];
            for (var i = 0; i < table.RowCount; i++)
                if (!NumberText.TryParse(table.Text(i, s), out scores[i]) || !double.IsFinite(scores[i]))
                    throw new DataException($"{input}: line {table.LineOf(i)}, column '{score}': " +
                        $"'{table.Text(i, s)}' is not a finite number");
        }
        if (positive is not null && !truth.Contains(positive) && !predictions.Contains(positive))
        {
            // The library scores an absent class as scikit-learn does (for cross-validation folds); asked for here,
            // it is most likely a typing mistake.
            var labels = ClassSet.FromDistinct(truth.Concat(predictions)).Labels;
            throw new DataException(
                $"{input}: --positive '{positive}' is not a label of the truth or the predictions; "
                + $"the labels are: {string.Join(", ", labels)}");
        }
        if (scores is not null && positive is null && truth.Concat(predictions).Distinct().Count() != 2)
            throw new DataException(
                $"{input}: a score needs a positive class: give --positive for a problem with other than two classes");
        var result = InputErrors.Of(input, () => Evaluation.Evaluate(truth, predictions, scores, positive));
        if (result.RocAuc is double.NaN)
            throw new DataException($"{input}: ROC-AUC needs both classes in the truth; only one is present");
        if (json) WriteJson(result);
        else WriteHuman(result, digits);
        return ExitCodes.Success;
    }

    private static void WriteHuman(EvaluationResult r, int digits)
    {
        var f = "F" + digits;
        Console.Out.Write(r.Report.ToText(digits));
        Console.Out.WriteLine();
        void Line(string name, double? value)
        {
            if (value is { } v)
                Console.Out.WriteLine(
                    $"{name,-20}{(double.IsNaN(v) ? "nan" : v.ToString(f, CultureInfo.InvariantCulture))}");
        }
        Line("accuracy", r.Accuracy);
        Line("balanced accuracy", r.BalancedAccuracy);
        Line("MCC", r.Mcc);
        Line("Cohen's kappa", r.CohenKappa);
        Line("ROC-AUC", r.RocAuc);
        Line("PR-AUC (AP)", r.AveragePrecision);
        Line("log loss", r.LogLoss);
        Line("Brier score", r.Brier);
        if (r.Positive is not null) Console.Out.WriteLine($"{"positive class",-20}{r.Positive}");
    }

    private static void WriteJson(EvaluationResult r) => JsonOutput.ToStdout(w =>
    {
        {
            w.WriteStartObject();
            w.WriteStartArray("labels");
            foreach (var l in r.Labels) w.WriteStringValue(l);
            w.WriteEndArray();
            if (r.Positive is not null) w.WriteString("positive", r.Positive);
            w.WriteNumber("support", r.Support);
            w.WriteFinite("accuracy", r.Accuracy);
            w.WriteFinite("balanced_accuracy", r.BalancedAccuracy);
            w.WriteFinite("mcc", r.Mcc);
            w.WriteFinite("cohen_kappa", r.CohenKappa);
            w.WriteFinite("geometric_mean", r.GeometricMean);
            w.WriteStartObject("per_class");
            foreach (var l in r.Report.Lines)
            {
                w.WriteStartObject(l.Label);
                WriteLine(w, l);
                w.WriteNumber("support", l.Support);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("macro");
            WriteLine(w, r.Report.Macro);
            w.WriteEndObject();
            w.WriteStartObject("weighted");
            WriteLine(w, r.Report.Weighted);
            w.WriteEndObject();
            w.WriteStartArray("confusion_matrix");
            foreach (var row in r.Report.Matrix.ToArray())
            {
                w.WriteStartArray();
                foreach (var v in row) w.WriteNumberValue(v);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            if (r.RocAuc is { } roc) w.WriteFinite("roc_auc", roc);
            if (r.AveragePrecision is { } ap) w.WriteFinite("average_precision", ap);
            if (r.LogLoss is { } ll) w.WriteFinite("log_loss", ll);
            if (r.Brier is { } b) w.WriteFinite("brier", b);
            w.WriteEndObject();
        }
    });

    private static void WriteLine(Utf8JsonWriter w, ClassLine l)
    {
        w.WriteFinite("precision", l.Precision);
        w.WriteFinite("recall", l.Recall);
        w.WriteFinite("specificity", l.Specificity);
        w.WriteFinite("f1", l.F1);
        w.WriteFinite("geometric_mean", l.GeometricMean);
        w.WriteFinite("iba", l.Iba);
    }
}
