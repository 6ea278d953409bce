using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Metrics;

/// <summary>Metrics the reference script has no key for, against scikit-learn and imbalanced-learn computed directly:
/// one-vs-rest ROC-AUC, macro-averaged MAE, adjusted balanced accuracy, G-mean with correction, and sample weights
/// (with specificity computed from the weighted TN and FP, which imbalanced-learn issue 1180 gets wrong).</summary>
public class ExtraMetricsTests
{
    [Fact]
    public void Equal_to_scikit_learn_and_imbalanced_learn()
    {
        var g = Fixtures.Golden("extra_metrics");
        var table = TableReader.Read(Fixtures.Path("predictions_proba.csv"));
        var n = table.RowCount;
        var code = new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2 };
        var truth = Enumerable.Range(0, n).Select(i => code[table.Text(i, 0)]).ToArray();
        var predicted = Enumerable.Range(0, n).Select(i => code[table.Text(i, 1)]).ToArray();
        var probabilities = new double[n * 3];
        for (var i = 0; i < n; i++)
        {
            var row = new[] { table.Number(i, 2), table.Number(i, 3), table.Number(i, 4) };
            for (var c = 0; c < 3; c++) probabilities[i * 3 + c] = row[c] / row.Sum();
        }
        var weights = Enumerable.Range(0, n).Select(i => table.Number(i, 5)).ToArray();

        Assert.Equal(g.GetProperty("roc_auc_ovr_macro").GetDouble(),
            RankingMetrics.RocAucOneVersusRest(truth, probabilities, 3), 1e-12);
        Assert.Equal(g.GetProperty("roc_auc_ovr_weighted").GetDouble(),
            RankingMetrics.RocAucOneVersusRest(truth, probabilities, 3, weighted: true), 1e-12);
        var truthValues = truth.Select(v => (double)v).ToArray();
        var predictedValues = predicted.Select(v => (double)v).ToArray();
        Assert.Equal(g.GetProperty("mae_macro").GetDouble(),
            ClassificationMetrics.MacroAveragedMeanAbsoluteError(truthValues, predictedValues), 1e-12);
        var plain = new ConfusionMatrix(truth, predicted, 3);
        Assert.Equal(g.GetProperty("balanced_accuracy_adjusted").GetDouble(),
            ClassificationMetrics.BalancedAccuracy(plain, adjusted: true), 1e-12);
        var neverC = new ConfusionMatrix(truth, predicted.Select(p => p == 2 ? 0 : p).ToArray(), 3);
        Assert.Equal(g.GetProperty("geometric_mean_correction").GetDouble(),
            ClassificationMetrics.MulticlassGeometricMean(neverC, 0.001), 1e-12);

        var weighted = new ConfusionMatrix(truth, predicted, 3, weights);
        var w = g.GetProperty("weighted");
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(w.GetProperty("precision")[c].GetDouble(),
                ClassificationMetrics.Precision(weighted, c), 1e-12);
            Assert.Equal(w.GetProperty("recall")[c].GetDouble(), ClassificationMetrics.Recall(weighted, c), 1e-12);
            Assert.Equal(w.GetProperty("f2")[c].GetDouble(), ClassificationMetrics.FBeta(weighted, c, 2), 1e-12);
            Assert.Equal(w.GetProperty("support")[c].GetDouble(), weighted.TrueCount(c), 1e-12);
            Assert.Equal(w.GetProperty("specificity")[c].GetDouble(),
                ClassificationMetrics.Specificity(weighted, c), 1e-12);
        }
        Assert.Equal(w.GetProperty("accuracy").GetDouble(), ClassificationMetrics.Accuracy(weighted), 1e-12);
        Assert.Equal(w.GetProperty("mcc").GetDouble(), ClassificationMetrics.MatthewsCorrelation(weighted), 1e-12);
    }
}
