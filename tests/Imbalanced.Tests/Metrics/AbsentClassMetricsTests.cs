using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.Metrics;

/// <summary>
/// A class absent from the truth and the predictions gets scikit-learn's values, so that a fold missing a class
/// never stops a cross-validation. Expected values were printed by scikit-learn 1.2.1 and imbalanced-learn 0.10.0
/// (/usr/bin/python3): precision_recall_fscore_support(yt, yp, labels=L, zero_division=0),
/// specificity_score(yt, yp, labels=L, average=None), geometric_mean_score(yt, yp, labels=L), accuracy_score,
/// balanced_accuracy_score, matthews_corrcoef, cohen_kappa_score, and on (yt == positive) and the scores
/// average_precision_score, log_loss(labels=[0, 1]), brier_score_loss and roc_auc_score (which raises).
/// </summary>
public class AbsentClassMetricsTests
{
    [Fact]
    public void A_multiclass_positive_absent_from_truth_and_predictions_scores_as_scikit_learn()
    {
        // yt = list("aabbccab"), yp = list("abbbcaac"), L = ["a", "b", "c", "z"].
        string[] truth = [.. "aabbccab".Select(c => c.ToString())];
        string[] predicted = [.. "abbbcaac".Select(c => c.ToString())];
        var r = Evaluation.Evaluate(truth, predicted, positive: "z");
        Assert.Equal(["a", "b", "c", "z"], r.Labels);
        var z = r.Report.Lines[3];
        Assert.Equal((0.0, 0.0, 1.0, 0.0), (z.Precision, z.Recall, z.Specificity, z.F1));
        Assert.Equal((0.0, 0.0, 0.0), (z.GeometricMean, z.Iba, z.Support));
        Assert.Equal(0.4583333333333333, r.Report.Macro.Precision, 1e-12);
        Assert.Equal(0.4583333333333333, r.Report.Macro.Recall, 1e-12);
        Assert.Equal(0.8583333333333334, r.Report.Macro.Specificity, 1e-12);
        Assert.Equal(0.4583333333333333, r.Report.Macro.F1, 1e-12);
        Assert.Equal(0.625, r.Accuracy, 1e-12);
        Assert.Equal(0.611111111111111, r.BalancedAccuracy, 1e-12);
        Assert.Equal(0.42857142857142855, r.Mcc, 1e-12);
        Assert.Equal(0.4285714285714286, r.CohenKappa, 1e-12);
        Assert.Equal(0.0, r.GeometricMean);
    }

    [Fact]
    public void A_binary_positive_absent_from_both_scores_as_scikit_learn()
    {
        // yt = yp = ["neg"] * 5, positive "pos", scores [0.1, 0.7, 0.2, 0.4, 0.3].
        string[] neg = ["neg", "neg", "neg", "neg", "neg"];
        var r = Evaluation.Evaluate(neg, neg, [0.1, 0.7, 0.2, 0.4, 0.3], "pos");
        Assert.Equal(["neg", "pos"], r.Labels);
        Assert.Equal("pos", r.Positive);
        var pos = r.Report.Lines[1];
        Assert.Equal((0.0, 0.0, 1.0, 0.0), (pos.Precision, pos.Recall, pos.Specificity, pos.F1));
        Assert.Equal(0.0, r.Report.Lines[0].Specificity);
        Assert.Equal(0.5, r.Report.Macro.Precision, 1e-12);
        Assert.Equal(0.5, r.Report.Macro.Specificity, 1e-12);
        Assert.Equal((1.0, 1.0, 0.0, 0.0), (r.Accuracy, r.BalancedAccuracy, r.Mcc, r.GeometricMean));
        Assert.True(double.IsNaN(r.CohenKappa));
        Assert.True(double.IsNaN(r.RocAuc!.Value));
        Assert.Equal(0.0, r.AveragePrecision!.Value, 1e-12);
        Assert.Equal(0.4799954878005391, r.LogLoss!.Value, 1e-12);
        Assert.Equal(0.15799999999999997, r.Brier!.Value, 1e-12);
    }

    [Fact]
    public void A_positive_only_among_the_predictions_scores_as_scikit_learn()
    {
        // yt = ["neg"] * 5, yp = ["neg", "pos", "neg", "neg", "neg"], same scores.
        var r = Evaluation.Evaluate(["neg", "neg", "neg", "neg", "neg"], ["neg", "pos", "neg", "neg", "neg"],
            [0.1, 0.7, 0.2, 0.4, 0.3], "pos");
        Assert.Equal((0.8, 0.8, 0.0, 0.0, 0.0), (r.Accuracy, r.BalancedAccuracy, r.Mcc, r.CohenKappa, r.GeometricMean));
        Assert.Equal(0.888888888888889, r.Report.Lines[0].F1, 1e-12);
        Assert.Equal(0.8, r.Report.Lines[1].Specificity, 1e-12);
        Assert.Equal(0.4444444444444445, r.Report.Macro.F1, 1e-12);
        Assert.True(double.IsNaN(r.RocAuc!.Value));
        Assert.Equal(0.0, r.AveragePrecision!.Value, 1e-12);
    }

    [Fact]
    public void A_cross_validation_fold_without_the_positive_class_does_not_stop_it()
    {
        // Fold 0 tests only negatives (rows 0-3); fold 1 holds both classes.
        double[] x = [0, 1, 2, 3, 10, 11, 4, 12];
        string[] y = ["neg", "neg", "neg", "neg", "pos", "pos", "neg", "pos"];
        var data = Dataset.FromRows(x.Select(v => new[] { v }).ToArray(), y);
        Split[] splits = [new([4, 5, 6, 7], [0, 1, 2, 3]), new([0, 1, 2, 3, 4], [5, 6, 7])];
        var folds = CrossValidation.Run(new NearestNeighborsClassifier(k: 1), data, splits, positive: "pos");
        Assert.Equal(2, folds.Count);
        Assert.Equal(["neg", "pos"], folds[0].Evaluation.Labels);
        Assert.Equal(0.0, folds[0].Evaluation.Report.Lines[1].Recall);
        Assert.True(double.IsNaN(folds[0].Evaluation.RocAuc!.Value));
        Assert.Equal(1.0, folds[1].Evaluation.RocAuc!.Value);
    }
}
