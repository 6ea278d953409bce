using Imbalanced.Cli.Report;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>The report renders what the workflow produced, and recomputes none of it.</summary>
public class HtmlReportTests
{
    private static readonly Lazy<Dataset> Data = new(() =>
        TableDataset.Build(TableReader.Read(Bundled("breast_cancer.csv")), "diagnosis").Data);

    private static readonly Lazy<CompareReport> Tuned = new(() => CompareWorkflow.Run(
        Data.Value,
        new CompareOptions
        {
            Techniques = ["none", "random-over", "smote"],
            Learners = ["logistic"],
            Folds = 3,
            Repeats = 2,
            TuneThreshold = "f1",
            Seed = 4,
        },
        new MlNetLearners()));

    [Fact]
    public void The_reports_chosen_thresholds_are_the_ones_the_workflow_chose_in_the_folds()
    {
        var result = Tuned.Value;
        var best = result.Best;
        var html = HtmlReport.Build(result, "breast_cancer.csv");

        Assert.Equal(best.FoldThresholds.Take(3), HtmlReport.ChosenThresholds(best, result.Options.Folds));
        Assert.Equal(best.FoldThresholds.Average(), best.ThresholdMean!.Value, 12);
        Assert.Contains($"thresholds chosen in the folds (dashed): mean {Charts.Format(best.ThresholdMean.Value)}",
            html);
        Assert.DoesNotContain("is highest at", html); // the old title of a threshold re-tuned on pooled scores
    }

    [Fact]
    public void The_pca_chart_shows_the_resampling_the_workflow_ran()
    {
        var result = Tuned.Value;
        var html = HtmlReport.Build(result, "breast_cancer.csv");

        Assert.Equal("smote", result.Resampling!.Technique);
        Assert.Equal(StratifiedSplits.RepeatedKFold(Data.Value.LabelCodes.ToArray(), 3, 2, 4)[0].Train.Length,
            result.Resampling.Result.Input.RowCount);
        Assert.Contains("The first fold's training part in two dimensions (PCA) as smote resampled it for logistic",
            html);
    }

    [Fact]
    public void The_report_ranks_the_workflows_best_first_and_draws_reliability_from_its_out_of_fold_probabilities()
    {
        var result = Tuned.Value;
        var html = HtmlReport.Build(result, "breast_cancer.csv");
        var ranked = HtmlReport.Ranked(result);
        var positive = result.Classes.IndexOf(result.Positive!);

        Assert.Same(result.Best, ranked[0]);
        foreach (var x in ranked.Take(3))
        {
            var ece = RankingMetrics.ExpectedCalibrationError(Charts.Positives(x.OutOfFold!, positive),
                x.OutOfFold!.Scores!);
            Assert.Contains($"{Charts.Name(x)} (ECE {Charts.Number(ece)})", html);
        }
    }
}
