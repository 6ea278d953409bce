using Imbalanced.Calibration;
using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Imbalanced.Sampling;
using Imbalanced.Synthetic;

namespace Imbalanced.Tests.ModelSelection;

/// <summary>The comparison workflow in the core, with the k-nearest-neighbours classifier as its only
/// learner.</summary>
public class CompareWorkflowTests
{
    private sealed class NearestNeighborLearners : ILearnerFactory
    {
        public IReadOnlyList<string> DefaultNames { get; } = ["knn"];

        public IClassifier Create(string name, long seed) => name switch
        {
            "knn" => new NearestNeighborsClassifier(5),
            "knn-3" => new NearestNeighborsClassifier(3),
            _ => throw new ArgumentException($"unknown learner '{name}'"),
        };
    }

    private static readonly Dataset Data = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Rows = 240,
        Features = 5,
        Weights = [0.8],
        Flip = 0.08,
        Seed = 3,
    });

    private static CompareOptions Options(params string[] techniques) => new()
    {
        Techniques = techniques,
        Folds = 3,
        Repeats = 2,
        Seed = 7,
        Metric = "roc_auc",
    };

    [Fact]
    public void Each_fold_predicts_with_the_threshold_it_chose_and_the_mean_is_of_those()
    {
        var options = Options("none", "smote") with { TuneThreshold = "f1", Calibration = CalibrationMethod.None };
        var report = CompareWorkflow.Run(Data, options, new NearestNeighborLearners());
        var splits = StratifiedSplits.RepeatedKFold(Data.Labels, 3, 2, 7);
        var pos = Data.Classes.IndexOf(report.Positive!);

        Assert.Equal(2, report.Results.Count);
        foreach (var result in report.Results)
        {
            Assert.Equal("f1", result.TunedFor);
            Assert.Equal(6, result.FoldThresholds.Count);
            Assert.Equal(result.FoldThresholds.Average(), result.ThresholdMean!.Value, 12);
            var oof = result.OutOfFold!;
            for (var f = 0; f < 3; f++)
                foreach (var row in splits[f].Test)
                    Assert.Equal(oof.Scores![row] >= result.FoldThresholds[f] ? pos : 1 - pos, oof.Predicted[row]);
            // The first fold's threshold is the one a threshold search on its training part alone chooses.
            var pipeline = Techniques.Create(result.Technique, new NearestNeighborsClassifier(5), 7);
            var tuner = new TunedThresholdClassifier(pipeline, ThresholdObjective.F1,
                CompareWorkflow.ThresholdFolds, 7, pos);
            var alone = (ThresholdModel)tuner.Fit(Data.Select(splits[0].Train));
            Assert.Equal(alone.Threshold, result.FoldThresholds[0]);
        }
    }

    [Fact]
    public void Fold_metrics_are_those_of_cross_validation_of_the_same_pipeline()
    {
        var report = CompareWorkflow.Run(Data, Options("none", "class-weight") with
        {
            Calibration = CalibrationMethod.None,
        }, new NearestNeighborLearners());
        var splits = StratifiedSplits.RepeatedKFold(Data.Labels, 3, 2, 7);

        foreach (var result in report.Results)
        {
            var pipeline = Techniques.Create(result.Technique, new NearestNeighborsClassifier(5), 7);
            var folds = CrossValidation.Run(pipeline, Data, splits, report.Positive);
            Assert.Null(result.TunedFor);
            Assert.Empty(result.FoldThresholds);
            foreach (var name in CompareWorkflow.NumericMetrics(folds[0].Evaluation).Keys)
                Assert.Equal(folds.Select(f => CompareWorkflow.NumericMetrics(f.Evaluation)[name]),
                    result.Metrics[name].Folds);
        }
    }

    [Fact]
    public void The_best_is_compared_with_none_and_every_other_with_the_best()
    {
        var report = CompareWorkflow.Run(Data, Options("none", "random-under") with { Learners = ["knn", "knn-3"] },
            new NearestNeighborLearners());

        Assert.Equal(4, report.Results.Count);
        Assert.Equal(report.Results.Max(r => r.Metrics["roc_auc"].Mean), report.Best.Metrics["roc_auc"].Mean);
        Assert.Null(report.Best.VersusBest);
        foreach (var other in report.Results.Where(r => r != report.Best))
        {
            var (t, p) = CorrectedResampledTTest.Compare(report.Best.Metrics["roc_auc"].Folds,
                other.Metrics["roc_auc"].Folds, 1.0 / 2);
            Assert.Equal(new VersusBest(t, p, p >= 0.05), other.VersusBest);
        }
    }

    [Fact]
    public void Empty_learners_mean_the_factorys_defaults()
    {
        var report = CompareWorkflow.Run(Data, Options("none"), new NearestNeighborLearners());

        Assert.Equal(["knn"], report.Options.Learners);
        Assert.Equal("knn", Assert.Single(report.Results).Learner);
    }

    [Fact]
    public void The_resampling_kept_is_the_first_folds_training_part_as_the_first_smote_family_technique_ran_it()
    {
        var options = Options("none", "random-over", "smote", "adasyn") with { TuneThreshold = "f1" };
        var report = CompareWorkflow.Run(Data, options, new NearestNeighborLearners());
        var train = Data.Select(StratifiedSplits.RepeatedKFold(Data.Labels, 3, 2, 7)[0].Train);
        var again = SamplerRegistry.Find("smote")!
            .Create(7, parameters: Techniques.SamplerParametersFor("smote", 7))
            .FitResample(train);

        var example = report.Resampling!;
        Assert.Equal(("smote", "knn"), (example.Technique, example.Learner));
        Assert.Equal(train.Numeric, example.Result.Input.Numeric);
        Assert.True(example.Result.SyntheticCount > 0);
        Assert.Equal(again.KeptRows, example.Result.KeptRows);
        Assert.Equal(again.Added.Numeric, example.Result.Added.Numeric);
    }

    [Fact]
    public void Without_a_technique_that_synthesises_rows_no_resampling_is_kept()
    {
        var report = CompareWorkflow.Run(Data, Options("none", "random-over"), new NearestNeighborLearners());
        Assert.Null(report.Resampling);
    }

    [Fact]
    public void Unknown_technique_learner_or_metric_is_an_argument_error()
    {
        var learners = new NearestNeighborLearners();
        Assert.Contains("'magic'", Assert.Throws<ArgumentException>(() =>
            CompareWorkflow.Run(Data, Options("magic"), learners)).Message);
        Assert.Contains("'svm'", Assert.Throws<ArgumentException>(() =>
            CompareWorkflow.Run(Data, Options("none") with { Learners = ["svm"] }, learners)).Message);
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() =>
            CompareWorkflow.Run(Data, Options("none") with { Metric = "nope" }, learners)).Message);
    }

    /// <summary>The techniques meet the first fold all at once before any model is fitted; a sampler that refuses
    /// the data is reported as its own data error (not wrapped), whatever the threads and its place.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_sampler_refusing_the_first_fold_is_reported_as_its_own_error(int threads)
    {
        var learners = new NearestNeighborLearners();
        foreach (var techniques in new[]
                 {
                     new[] { "kmeans-smote", "none", "random-over", "smote" },
                     ["none", "random-over", "smote", "kmeans-smote"],
                 })
        {
            var e = Assert.Throws<DataException>(() =>
                CompareWorkflow.Run(Data, Options(techniques) with { Threads = threads }, learners));
            Assert.Contains("no cluster has enough rows", e.Message);
        }
    }

    [Fact]
    public void A_positive_class_that_is_not_a_class_is_a_data_error_naming_the_option_property()
    {
        var e = Assert.Throws<DataException>(() =>
            CompareWorkflow.Run(Data, Options("none") with { Positive = "zebra" }, new NearestNeighborLearners()));
        Assert.StartsWith("Positive 'zebra'", e.Message);
        Assert.DoesNotContain("--", e.Message);
    }
}
