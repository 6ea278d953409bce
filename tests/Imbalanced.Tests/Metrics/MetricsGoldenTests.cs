using System.Text.Json;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Metrics;

/// <summary>Every metric equals scikit-learn's and imbalanced-learn's to 1e-12 on committed prediction files with
/// tied scores, probabilities 0 and 1, a class never predicted, a class absent from the truth and four or more
/// classes.</summary>
public class MetricsGoldenTests
{
    /// <summary>Every value the reference holds, one test case each, so that a failure names its metric.</summary>
    private static readonly string[] Metrics =
    [
        "labels", "support", "accuracy", "balanced_accuracy", "mcc", "cohen_kappa", "geometric_mean", "per_class",
        "macro", "weighted", "confusion_matrix", "roc_auc", "average_precision", "log_loss", "brier",
    ];

    /// <summary>Keys of a case that describe the input rather than hold a reference value.</summary>
    private static readonly string[] Inputs = ["args", "data", "positive"];

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Fixtures.Golden("metrics").GetArrayLength(); i++)
            foreach (var metric in Metrics) data.Add(i, metric);
        return data;
    }

    [Fact]
    public void Every_value_the_fixture_holds_is_compared()
    {
        // How many cases it holds: GoldenFixtureTests.
        foreach (var g in Fixtures.Golden("metrics").EnumerateArray())
            Assert.All(g.EnumerateObject(), p => Assert.Contains(p.Name, Metrics.Concat(Inputs)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equal_to_the_reference(int index, string metric)
    {
        var g = Fixtures.Golden("metrics")[index];
        var r = Evaluate(g);
        switch (metric)
        {
            case "labels":
                Assert.Equal(g.GetProperty("labels").EnumerateArray().Select(l => l.GetString()), r.Labels);
                break;
            case "support": Assert.Equal(g.GetProperty("support").GetInt32(), r.Support); break;
            case "accuracy": Close(g, metric, r.Accuracy); break;
            case "balanced_accuracy": Close(g, metric, r.BalancedAccuracy); break;
            case "mcc": Close(g, metric, r.Mcc); break;
            case "cohen_kappa": Close(g, metric, r.CohenKappa); break;
            case "geometric_mean": Close(g, metric, r.GeometricMean); break;
            case "per_class":
                foreach (var line in r.Report.Lines)
                {
                    var reference = g.GetProperty("per_class").GetProperty(line.Label);
                    Line(reference, line, withSupport: true, $"class '{line.Label}'");
                }
                break;
            case "macro": Line(g.GetProperty("macro"), r.Report.Macro, withSupport: false, metric); break;
            case "weighted": Line(g.GetProperty("weighted"), r.Report.Weighted, withSupport: false, metric); break;
            case "confusion_matrix":
                var matrix = r.Report.Matrix.ToArray();
                var expected = g.GetProperty("confusion_matrix");
                for (var i = 0; i < matrix.Length; i++)
                    Assert.Equal(expected[i].EnumerateArray().Select(v => v.GetDouble()), matrix[i]);
                break;
            case "roc_auc": Optional(g, metric, r.RocAuc); break;
            case "average_precision": Optional(g, metric, r.AveragePrecision); break;
            case "log_loss": Optional(g, metric, r.LogLoss); break;
            case "brier": Optional(g, metric, r.Brier); break;
            default: throw new Xunit.Sdk.XunitException($"no comparison for '{metric}'");
        }
    }

    private static EvaluationResult Evaluate(JsonElement g)
    {
        var args = g.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList();
        string? Arg(string name) => args.IndexOf(name) is var i and >= 0 ? args[i + 1] : null;
        var table = TableReader.Read(Fixtures.Path(g.GetProperty("data").GetString()!));
        var t = table.IndexOf(Arg("--target")!);
        var p = table.IndexOf(Arg("--predicted")!);
        var truth = Enumerable.Range(0, table.RowCount).Select(i => table.Text(i, t)).ToArray();
        var predicted = Enumerable.Range(0, table.RowCount).Select(i => table.Text(i, p)).ToArray();
        double[]? scores = Arg("--score") is { } s
            ? Enumerable.Range(0, table.RowCount).Select(i => table.Number(i, table.IndexOf(s))).ToArray()
            : null;
        return Evaluation.Evaluate(truth, predicted, scores, Arg("--positive"));
    }

    private static void Close(JsonElement g, string key, double actual) =>
        Assert.Equal(g.GetProperty(key).GetDouble(), actual, 1e-12);

    private static void Optional(JsonElement g, string key, double? actual)
    {
        if (g.TryGetProperty(key, out var v)) Assert.Equal(v.GetDouble(), actual!.Value, 1e-12);
        else Assert.Null(actual);
    }

    /// <summary>The columns of one line of the report, each failure naming the line and the column.</summary>
    private static void Line(JsonElement g, ClassLine line, bool withSupport, string name)
    {
        (string Key, double Actual)[] columns =
        [
            ("precision", line.Precision), ("recall", line.Recall), ("specificity", line.Specificity), ("f1", line.F1),
            ("geometric_mean", line.GeometricMean), ("iba", line.Iba),
        ];
        foreach (var (key, actual) in columns)
        {
            var expected = g.GetProperty(key).GetDouble();
            Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-12,
                $"{name}, {key}: expected {expected:R}, got {actual:R}");
        }
        if (withSupport)
            Assert.True(g.GetProperty("support").GetDouble() == line.Support,
                $"{name}, support: expected {g.GetProperty("support").GetDouble()}, got {line.Support}");
    }
}
