using System.Text.Json;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Metrics;

/// <summary>Every metric equals scikit-learn's and imbalanced-learn's to 1e-12 on committed prediction files with tied
/// scores, probabilities 0 and 1, a class never predicted, a class absent from the truth and four or more classes.</summary>
public class MetricsGoldenTests
{
    public static TheoryData<int> Cases() => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equal_to_the_reference(int index)
    {
        var g = Fixtures.Golden("metrics")[index];
        var args = g.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        string? Arg(string name) => args.IndexOf(name) is var i and >= 0 ? args[i + 1] : null;
        var table = TableReader.Read(Fixtures.Path(g.GetProperty("data").GetString()!));
        var t = table.IndexOf(Arg("--target")!);
        var p = table.IndexOf(Arg("--predicted")!);
        var truth = Enumerable.Range(0, table.RowCount).Select(i => table.Text(i, t)).ToArray();
        var predicted = Enumerable.Range(0, table.RowCount).Select(i => table.Text(i, p)).ToArray();
        double[]? scores = Arg("--score") is { } s ? Enumerable.Range(0, table.RowCount).Select(i => table.Number(i, table.IndexOf(s))).ToArray() : null;
        var r = Evaluation.Evaluate(truth, predicted, scores, Arg("--positive"));

        Assert.Equal(g.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), r.Labels);
        Assert.Equal(g.GetProperty("support").GetInt32(), r.Support);
        Close(g, "accuracy", r.Accuracy);
        Close(g, "balanced_accuracy", r.BalancedAccuracy);
        Close(g, "mcc", r.Mcc);
        Close(g, "cohen_kappa", r.CohenKappa);
        Close(g, "geometric_mean", r.GeometricMean);
        foreach (var line in r.Report.Lines) Line(g.GetProperty("per_class").GetProperty(line.Label), line, withSupport: true);
        Line(g.GetProperty("macro"), r.Report.Macro, withSupport: false);
        Line(g.GetProperty("weighted"), r.Report.Weighted, withSupport: false);
        var matrix = r.Report.Matrix.ToArray();
        var expected = g.GetProperty("confusion_matrix");
        for (var i = 0; i < matrix.Length; i++)
            Assert.Equal(expected[i].EnumerateArray().Select(v => v.GetDouble()), matrix[i]);
        Optional(g, "roc_auc", r.RocAuc);
        Optional(g, "average_precision", r.AveragePrecision);
        Optional(g, "log_loss", r.LogLoss);
        Optional(g, "brier", r.Brier);
    }

    private static void Close(JsonElement g, string key, double actual) => Assert.Equal(g.GetProperty(key).GetDouble(), actual, 1e-12);

    private static void Optional(JsonElement g, string key, double? actual)
    {
        if (g.TryGetProperty(key, out var v)) Assert.Equal(v.GetDouble(), actual!.Value, 1e-12);
        else Assert.Null(actual);
    }

    private static void Line(JsonElement g, ClassLine line, bool withSupport)
    {
        Close(g, "precision", line.Precision);
        Close(g, "recall", line.Recall);
        Close(g, "specificity", line.Specificity);
        Close(g, "f1", line.F1);
        Close(g, "geometric_mean", line.GeometricMean);
        Close(g, "iba", line.Iba);
        if (withSupport) Assert.Equal(g.GetProperty("support").GetDouble(), line.Support);
    }
}
