using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Imbalanced.Preprocessing;
using Imbalanced.Synthetic;

namespace Imbalanced.Tests.ModelSelection;

/// <summary>Determinism across threads, "did it help?" against none, and the categorical forms of SMOTE.</summary>
public class CompareWorkflowRunTests
{
    private sealed class Knn : ILearnerFactory
    {
        public IReadOnlyList<string> DefaultNames { get; } = ["knn"];

        public IClassifier Create(string name, long seed) => name == "knn"
            ? new NearestNeighborsClassifier(5)
            : throw new ArgumentException($"unknown learner '{name}'");
    }

    private static readonly Dataset Data = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Rows = 200,
        Features = 4,
        Weights = [0.8],
        Flip = 0.05,
        Seed = 11,
    });

    private static CompareOptions Options(params string[] techniques) => new()
    {
        Techniques = techniques,
        Folds = 3,
        Repeats = 2,
        Seed = 3,
        TuneThreshold = "f1",
    };

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var options = Options("none", "smote", "random-under", "class-weight");

        var one = CompareWorkflow.Run(Data, options with { Threads = 1 }, new Knn());
        var three = CompareWorkflow.Run(Data, options with { Threads = 3 }, new Knn());

        Assert.Equal(one.Results.Count, three.Results.Count);
        for (var i = 0; i < one.Results.Count; i++)
        {
            Assert.Equal(one.Results[i].FoldThresholds, three.Results[i].FoldThresholds);
            foreach (var (name, summary) in one.Results[i].Metrics)
                Assert.Equal(summary.Folds, three.Results[i].Metrics[name].Folds);
            Assert.Equal(one.Results[i].OutOfFold!.Scores, three.Results[i].OutOfFold!.Scores);
        }
    }

    [Fact]
    public void Every_result_is_compared_with_none_for_the_same_learner_even_when_none_was_not_asked()
    {
        var alone = CompareWorkflow.Run(Data, Options("random-under"), new Knn());
        var none = CompareWorkflow.Run(Data, Options("none"), new Knn()).Results.Single();

        var result = alone.Results.Single();
        Assert.Equal("random-under", result.Technique);
        var a = result.Metrics["average_precision"];
        var b = none.Metrics["average_precision"];
        var (t, p) = CorrectedResampledTTest.Compare(a.Folds, b.Folds, 1.0 / 2);
        Assert.Equal(a.Mean - b.Mean, result.VersusNone!.Difference, 12);
        Assert.Equal(p, result.VersusNone.P, 12);
        Assert.Equal(t, result.VersusNone.T, 12);
        Assert.Equal(p >= 0.05 ? Verdict.WithinNoise : a.Mean > b.Mean ? Verdict.Better : Verdict.Worse,
            result.VersusNone.Verdict);
        Assert.Null(none.VersusNone);
    }

    [Fact]
    public void On_categorical_data_smote_runs_as_smote_nc_or_smoten()
    {
        var n = Data.RowCount;
        var codes = Enumerable.Range(0, n).Select(i => (i * 7 + Data.LabelCodes[i]) % 3).ToArray();
        var mixed = new Dataset(Data.NumericValues.ToArray(), Data.NumericNames, codes, ["c"], [["a", "b", "c"]],
            Data.LabelCodes.ToArray(), Data.Classes);
        var categorical = new Dataset([], [], codes, ["c"], [["a", "b", "c"]], Data.LabelCodes.ToArray(),
            Data.Classes);

        Assert.Equal("smote-nc", CompareWorkflow.Run(mixed, Options("smote"), new Knn()).Results[0].RanAs);
        Assert.Equal("smoten", CompareWorkflow.Run(categorical, Options("smote"), new Knn()).Results[0].RanAs);
        Assert.Equal("smote", CompareWorkflow.Run(Data, Options("smote"), new Knn()).Results[0].RanAs);
    }

    [Fact]
    public void Options_the_data_cannot_satisfy_are_refused_before_any_fit()
    {
        Assert.Throws<DataException>(() => CompareWorkflow.Run(Data, Options("smote-nc"), new Knn()));
        Assert.Throws<ArgumentException>(() => CompareWorkflow.Run(Data,
            Options("none") with { TuneThreshold = "cost" }, new Knn()));
        Assert.Throws<ArgumentException>(() => CompareWorkflow.Run(Data,
            Options("none") with { Metric = "expected_cost" }, new Knn()));
        var empty = new Dataset(Data.NumericValues.ToArray().Select((v, i) => i == 0 ? double.NaN : v).ToArray(),
            Data.NumericNames, Data.LabelCodes.ToArray(), Data.Classes);
        var e = Assert.Throws<DataException>(() => CompareWorkflow.Run(empty,
            Options("none") with { Impute = ImputationMethod.None }, new Knn()));
        Assert.Contains($"column '{Data.NumericNames[0]}' has 1 empty cell(s)", e.Message);
    }

    [Fact]
    public void A_class_too_small_for_k_neighbors_runs_with_fewer_and_the_result_says_so()
    {
        // 6 rows of the minority: 4 in a training part of 3 folds, so SMOTE asks for 3 neighbours, not 5
        var rows = Enumerable.Range(0, 60).ToArray();
        var tiny = new Dataset(rows.SelectMany(i => new[] { i % 7 * 1.0, i % 5 * 1.0 }).ToArray(), ["a", "b"],
            rows.Select(i => i % 10 == 0 ? 1 : 0).ToArray(), ClassSet.FromDistinct(["common", "rare"]));

        var report = CompareWorkflow.Run(tiny, new CompareOptions
        {
            Techniques = ["smote", "random-over"],
            Folds = 3,
            Repeats = 1
        }, new Knn());

        Assert.Equal(3, report.Results.Single(r => r.Technique == "smote").Parameters["k_neighbors"]);
        Assert.Empty(report.Results.Single(r => r.Technique == "random-over").Parameters);
    }

    /// <summary>A class of one row in a training part leaves SMOTE no neighbour: refused before any fit, in the
    /// workflow's terms (no option of the sampler can fix it), with the techniques that can run.</summary>
    [Fact]
    public void A_class_of_one_row_in_a_training_part_is_refused_for_interpolating_techniques()
    {
        var rows = Enumerable.Range(0, 40).ToArray();
        var tiny = new Dataset(rows.SelectMany(i => new[] { i % 7 * 1.0, i % 5 * 1.0 }).ToArray(), ["a", "b"],
            rows.Select(i => i % 20 == 0 ? 1 : 0).ToArray(), ClassSet.FromDistinct(["common", "rare"]));
        var options = new CompareOptions { Techniques = ["smote"], Folds = 2, Repeats = 1 };

        var e = Assert.Throws<DataException>(() => CompareWorkflow.Run(tiny, options, new Knn()));

        Assert.Contains("the smallest class has 1 row(s)", e.Message);
        Assert.Contains("random-over", e.Message);
        Assert.DoesNotContain("k_neighbors", e.Message);
        Assert.Null(e.Parameter);
        Assert.NotNull(CompareWorkflow.Run(tiny, options with { Techniques = ["random-over"] }, new Knn()));
    }

    [Fact]
    public void Several_classes_rank_by_default_on_macro_average_precision_with_log_loss_and_brier()
    {
        var three = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 240,
            Features = 5,
            Classes = 3,
            Informative = 3,
            Weights = [0.6, 0.3],
            Seed = 2,
        });

        var report = CompareWorkflow.Run(three, new CompareOptions
        {
            Techniques = ["none", "adasyn"],
            Folds = 3,
            Repeats = 1
        }, new Knn());

        foreach (var key in new[] { "average_precision", "roc_auc", "log_loss", "brier", "balanced_accuracy" })
            Assert.All(report.Results, r => Assert.Equal(3, r.Metrics[key].Folds.Count));
        Assert.Null(report.Positive);
    }
}
