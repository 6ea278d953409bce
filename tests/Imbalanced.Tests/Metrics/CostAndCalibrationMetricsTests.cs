using Imbalanced.Metrics;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.Metrics;

public class CostAndCalibrationMetricsTests
{
    [Fact]
    public void Expected_cost_is_the_mean_cost_per_row()
    {
        // truth 1,1,1,0,0 predicted 1,0,0,1,0: 2 false negatives, 1 false positive
        var m = new ConfusionMatrix([1, 1, 1, 0, 0], [1, 0, 0, 1, 0], 2);

        Assert.Equal((2 * 20 + 1 * 1) / 5.0, ClassificationMetrics.ExpectedCost(m, new MisclassificationCost(20, 1)));
    }

    [Fact]
    public void Costs_parse_from_fn_and_fp_in_either_order_and_refuse_the_rest()
    {
        Assert.Equal(new MisclassificationCost(20, 1), MisclassificationCost.Parse("fn=20,fp=1"));
        Assert.Equal(new MisclassificationCost(2.5, 1e-3), MisclassificationCost.Parse("fp=1e-3,fn=2.5"));
        Assert.Equal(1.0 / 21, new MisclassificationCost(20, 1).BayesThreshold, 15);
        foreach (var bad in new[] { "", "fn=1", "fn=1,fp=x", "fn=1,fn=2", "fn=1,fp=1,tp=0", "fn:1,fp:2" })
            Assert.Throws<FormatException>(() => MisclassificationCost.Parse(bad));
        foreach (var bad in new[] { "fn=-1,fp=1", "fn=0,fp=0", "fn=NaN,fp=1", "fn=1e400,fp=1", "fn=1e308,fp=1e308",
                     "fn=1,fp=1.0000001e12" })
            Assert.Throws<ArgumentOutOfRangeException>(() => MisclassificationCost.Parse(bad));
        // Costs only count relative to each other: up to 1e12 each, far from overflow in sums over the rows.
        Assert.Equal(1e12, MisclassificationCost.Parse($"fn=1e12,fp=1").FalseNegative);
    }

    [Fact]
    public void Expected_calibration_error_weighs_each_bins_gap_by_its_share_of_rows()
    {
        // bin [0.9, 1]: p 0.9, 0.95 truth 1, 0 -> |0.5 - 0.925| ; bin [0.1, 0.2): p 0.1 truth 0 -> 0.1
        var ece = RankingMetrics.ExpectedCalibrationError([true, false, false], [0.9, 0.95, 0.1]);

        Assert.Equal((2 * Math.Abs(0.5 - 0.925) + 0.1) / 3, ece, 12);
        Assert.Equal(0, RankingMetrics.ExpectedCalibrationError([true, false], [1.0, 0.0]));
        var curve = RankingMetrics.ReliabilityCurve([true, false, false], [0.9, 0.95, 0.1]);
        Assert.Equal([(0.1, 0.0, 1), (0.925, 0.5, 2)], curve.Select(c => (Math.Round(c.Predicted, 12), c.Observed,
            c.Count)));
    }

    [Fact]
    public void Multiclass_log_loss_and_brier_follow_their_formulas()
    {
        int[] truth = [0, 2];
        double[] p = [0.7, 0.2, 0.1, 0.1, 0.3, 0.6];

        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.6)) / 2, RankingMetrics.LogLoss(truth, p, 3), 12);
        Assert.Equal((0.09 + 0.04 + 0.01 + 0.01 + 0.09 + 0.16) / 2, RankingMetrics.Brier(truth, p, 3), 12);
    }

    [Fact]
    public void Constrained_and_cost_objectives_parse_by_name_and_choose_as_defined()
    {
        // scores ascending with truth: thresholds at 0.1 .. 0.6
        bool[] positive = [false, false, true, false, true, true];
        double[] scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

        // recall ≥ 1 needs the threshold 0.3 (precision 3/4), the best such precision
        Assert.Equal(0.3, TunedThresholdClassifier.Choose(positive, scores,
            ThresholdObjective.Parse("precision@recall=1")).Threshold);
        // precision ≥ 1 holds at 0.5 (recall 2/3) and 0.6 (1/3): the higher recall wins
        Assert.Equal(0.5, TunedThresholdClassifier.Choose(positive, scores,
            ThresholdObjective.Parse("recall@precision=1")).Threshold);
        // a missed positive costs 10 false alarms: predicting everything from 0.3 up costs 1/6 per row
        var cost = new MisclassificationCost(10, 1);
        Assert.Equal(0.3, TunedThresholdClassifier.Choose(positive, scores,
            ThresholdObjective.Parse("cost", cost)).Threshold);
        Assert.Equal("precision@recall=0.8", ThresholdObjective.Parse("precision@recall=0.8").Name);
        Assert.Throws<ArgumentException>(() => ThresholdObjective.Parse("cost"));
        Assert.Throws<ArgumentException>(() => ThresholdObjective.Parse("precision@recall=1.5"));
        Assert.Throws<ArgumentException>(() => ThresholdObjective.Parse("recall@precision=x"));
        Assert.Throws<ArgumentException>(() => ThresholdObjective.Parse("f3"));
    }
}
