using CsCheck;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.ModelSelection;

public class ThresholdTests
{
    [Fact]
    public void The_sweep_finds_the_best_threshold_a_full_search_finds()
    {
        Gen.Select(Gen.Bool.Array[10, 60], Gen.Int[0, 9]).Sample((positive, seed) =>
        {
            if (positive.All(p => p) || positive.All(p => !p)) return;
            var rng = new Imbalanced.Randomness.SeededRandom(seed);
            var scores = positive.Select(p => Math.Round((p ? 0.3 : 0) + rng.NextDouble() * 0.7, 1)).ToArray();
            var objectives = new[]
            {
                ThresholdObjective.F1, ThresholdObjective.Mcc,
                ThresholdObjective.GMean, ThresholdObjective.BalancedAccuracy,
            };
            foreach (var objective in objectives)
            {
                var choice = TunedThresholdClassifier.Choose(positive, scores, objective);
                var truth = positive.Select(p => p ? 1 : 0).ToArray();
                foreach (var t in scores.Distinct())
                {
                    var m = new ConfusionMatrix(truth, scores.Select(s => s >= t ? 1 : 0).ToArray(), 2);
                    Assert.True(objective.Score(m) <= choice.Objective + 1e-12);
                    Assert.Equal(objective.Score(m), choice.Curve.Single(c => c.Threshold == t).Score, 1e-12);
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void A_fixed_threshold_changes_the_decisions()
    {
        var data = TestData.Binary(80, 20, dims: 2, seed: 3);
        var low = (ThresholdModel)new FixedThresholdClassifier(new NearestNeighborsClassifier(5), 0.2).Fit(data);
        var high = (ThresholdModel)new FixedThresholdClassifier(new NearestNeighborsClassifier(5), 0.8).Fit(data);
        Assert.True(low.Predict(data).Count(c => c == 1) > high.Predict(data).Count(c => c == 1));
    }

    [Fact]
    public void Tuning_picks_the_objectives_best_out_of_fold_threshold_and_refits()
    {
        var data = Imbalanced.Synthetic.ClassificationGenerator.Generate(new Imbalanced.Synthetic.ClassificationOptions
        {
            Rows = 600,
            Features = 5,
            Informative = 2,
            Redundant = 0,
            Weights = [0.9],
            ClassSeparation = 0.8,
            Seed = 2,
        });
        var tuned = new TunedThresholdClassifier(new NearestNeighborsClassifier(15), ThresholdObjective.F1,
            folds: 5, seed: 1);
        var model = (ThresholdModel)tuned.Fit(data);
        var choice = tuned.LastChoice!;
        Assert.Equal(choice.Threshold, model.Threshold);
        Assert.Equal(1, model.Positive);
        var atHalf = choice.Curve.Where(c => c.Threshold >= 0.5).Select(c => c.Score).DefaultIfEmpty(0).First();
        Assert.True(choice.Objective >= atHalf);
        Assert.True(choice.Threshold < 0.5, $"on a 9:1 problem F1 wants a threshold below 0.5, got {choice.Threshold}");

        var recallFloor = new TunedThresholdClassifier(new NearestNeighborsClassifier(15),
            ThresholdObjective.PrecisionAtRecall(0.9), seed: 1);
        recallFloor.Fit(data);
        var chosen = recallFloor.LastChoice!;
        Assert.True(double.IsFinite(chosen.Objective));
        var costly = new TunedThresholdClassifier(new NearestNeighborsClassifier(15),
            ThresholdObjective.ExpectedCost(falsePositive: 1, falseNegative: 20), seed: 1);
        costly.Fit(data);
        Assert.True(costly.LastChoice!.Threshold <= choice.Threshold, "expensive misses push the threshold down");
    }
}
