using Imbalanced.Metrics;
using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary>The core's cost and constrained objectives tune a fitted ML.NET pipeline's threshold, and the expected cost
/// is read from the decisions the model made.</summary>
public class BinaryThresholdsTests
{
    private static readonly MisclassificationCost Cost = new(falseNegative: 20, falsePositive: 1);

    private static IDataView Data(MLContext ml, int n, int seed) => ml.Data.LoadFromEnumerable(
        Enumerable.Range(0, n).Select(i =>
        {
            var r = new Random(seed * 10_000 + i);
            var positive = r.NextDouble() < 0.12;
            return new MlNetTests.Input
            {
                Features =
                [
                    (float)(r.NextDouble() + (positive ? 0.4 : 0)), (float)(r.NextDouble() + (positive ? 0.3 : 0)),
                    (float)r.NextDouble(), (float)r.NextDouble(),
                ],
                Label = positive,
            };
        }).ToList());

    public static TheoryData<string> Objectives() =>
        ["cost", "precision@recall=0.8", "recall@precision=0.5", "f1"];

    [Theory]
    [MemberData(nameof(Objectives))]
    public void An_objective_tunes_the_threshold_of_a_fitted_pipeline(string name)
    {
        var ml = new MLContext(0);
        var model = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 20)
            .Fit(Data(ml, 600, 1));
        var scored = model.Transform(Data(ml, 500, 2));
        var objective = ThresholdObjective.Parse(name, Cost);
        var choice = BinaryThresholds.Tune(scored, objective);
        var rescored = BinaryThresholds.Apply(ml, model, choice.Threshold).Transform(Data(ml, 500, 2));

        var truth = rescored.GetColumn<bool>("Label").Select(b => b ? 1 : 0).ToArray();
        var predicted = rescored.GetColumn<bool>("PredictedLabel").Select(b => b ? 1 : 0).ToArray();
        var m = new Metrics.ConfusionMatrix(truth, predicted, 2);
        Assert.Equal(choice.Objective, objective.Score(m), 1e-12); // the model decides as the tuning assumed
        Assert.Equal(choice.Curve.Max(c => c.Score), choice.Objective);
        switch (name)
        {
            case "cost":
                Assert.Equal(-choice.Objective, BinaryThresholds.ExpectedCost(rescored, Cost), 1e-12);
                Assert.True(BinaryThresholds.ExpectedCost(rescored, Cost) < BinaryThresholds.ExpectedCost(scored, Cost),
                    "the tuned threshold costs less than ML.NET's default");
                break;
            case "precision@recall=0.8":
                Assert.True(ClassificationMetrics.Recall(m, 1) >= 0.8);
                Assert.Equal(ClassificationMetrics.Precision(m, 1), choice.Objective, 1e-12);
                break;
            case "recall@precision=0.5":
                Assert.True(ClassificationMetrics.Precision(m, 1) >= 0.5);
                Assert.Equal(ClassificationMetrics.Recall(m, 1), choice.Objective, 1e-12);
                break;
        }
    }

    [Fact]
    public void The_expected_cost_counts_each_mistake_at_its_cost()
    {
        var ml = new MLContext(0);
        // Truth and decisions: one false negative, two false positives, one right of each class.
        var rows = new[] { (true, false), (false, true), (false, true), (true, true), (false, false) }
            .Select(r => new Decision { Label = r.Item1, PredictedLabel = r.Item2 }).ToList();
        var scored = ml.Data.LoadFromEnumerable(rows);
        Assert.Equal((20 * 1 + 1 * 2) / 5.0, BinaryThresholds.ExpectedCost(scored, Cost), 1e-12);
    }

    private sealed class Decision
    {
        public bool Label { get; set; }

        public bool PredictedLabel { get; set; }
    }

    /// <summary>Printed, a threshold names its numbers (invariant culture) and counts its curve instead of naming the
    /// curve's type; so does the core's choice it converts to.</summary>
    [Fact]
    public void A_threshold_prints_its_numbers_and_the_size_of_its_curve()
    {
        var threshold = new BinaryThreshold(0.25, "Probability") { Objective = 0.5, Curve = [(0.25, 0.5), (0.5, 0.4)] };
        Assert.Equal(
            "BinaryThreshold { Threshold = 0.25, ScoreColumn = Probability, Objective = 0.5, Curve = 2 points }",
            threshold.ToString());
        ThresholdChoice choice = threshold;
        Assert.Equal("ThresholdChoice { Threshold = 0.25, Objective = 0.5, Curve = 2 points }", choice.ToString());
        Assert.Equal("BinaryThreshold { Threshold = 0.3, ScoreColumn = Score, Objective = NaN, Curve = 0 points }",
            new BinaryThreshold(0.3, "Score").ToString());
    }
}
