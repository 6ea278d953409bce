using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Imbalanced.MLNet.Tests;

public class MlNetModelSelectionTests
{
    private static IDataView Data(MLContext ml, int n = 400, double separation = 0.9) =>
        ml.Data.LoadFromEnumerable(Enumerable.Range(0, n).Select(i =>
        {
            var positive = i % 12 == 0;
            var r = new Random(i);
            return new MlNetTests.Input
            {
                Features = [i, (float)(r.NextDouble() + (positive ? separation : 0)),
                    (float)(r.NextDouble() + (positive ? separation * 2 / 3 : 0)), (float)r.NextDouble()],
                Label = positive,
            };
        }));

    [Fact]
    public void Stratified_split_and_folds_keep_class_proportions_and_columns()
    {
        var ml = new MLContext(0);
        var data = Data(ml);
        var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, seed: 1);
        var testLabels = split.TestSet.GetColumn<bool>("Label").ToArray();
        Assert.Equal(100, testLabels.Length);
        Assert.InRange(testLabels.Count(l => l), 8, 9); // 34 positives of 400: a quarter is 8.5
        Assert.Equal(data.Schema.Select(c => c.Name), split.TrainSet.Schema.Select(c => c.Name));
        var folds = ml.Data.StratifiedFolds(data, numberOfFolds: 5, seed: 2);
        var ids = folds.SelectMany(f => f.TestSet.GetColumn<float[]>("Features").Select(v => (int)v[0])).Order();
        Assert.Equal(Enumerable.Range(0, 400), ids);
        Assert.All(folds, f => Assert.InRange(f.TestSet.GetColumn<bool>("Label").Count(l => l), 6, 7));
        var trainer = ml.BinaryClassification.Trainers
            .FastTree(numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 2);
        var cv = ml.BinaryClassification.StratifiedCrossValidate(data, trainer, numberOfFolds: 4);
        Assert.Equal(4, cv.Count);
        Assert.All(cv, r => Assert.InRange(r.Metrics.AreaUnderRocCurve, 0.5, 1.0));
    }

    [Fact]
    public void Balanced_weights_reach_a_trainer_that_takes_them()
    {
        var ml = new MLContext(0);
        var data = Data(ml);
        var weights = ClassWeightColumn.Balanced(ml, data);
        var weighted = weights.Fit(data).Transform(data);
        var pairs = weighted.GetColumn<bool>("Label").Zip(weighted.GetColumn<float>("Weight")).ToArray();
        Assert.All(pairs.Where(p => p.First), p => Assert.Equal(400 / (2.0 * 34), p.Second, 1e-5));
        Assert.All(pairs.Where(p => !p.First), p => Assert.Equal(400 / (2.0 * 366), p.Second, 1e-5));
        var plain = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 20)
            .Fit(data)
            .Transform(data);
        var balanced = weights
            .Append(ml.BinaryClassification.Trainers.FastTree(
                exampleWeightColumnName: "Weight", numberOfLeaves: 4, numberOfTrees: 20))
            .Fit(data)
            .Transform(data);
        var balancedPositives = balanced.GetColumn<bool>("PredictedLabel").Count(p => p);
        var plainPositives = plain.GetColumn<bool>("PredictedLabel").Count(p => p);
        Assert.True(balancedPositives > plainPositives, "weighting the rare class up predicts it more often");
    }

    [Fact]
    public void A_tuned_threshold_changes_predicted_labels_and_the_metrics()
    {
        var ml = new MLContext(0);
        var split = ml.Data.StratifiedTrainTestSplit(Data(ml, 900, separation: 0.35), testFraction: 0.4, seed: 1);
        var model = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 20).Fit(split.TrainSet);
        var scored = model.Transform(split.TestSet);
        // recall-heavy: the threshold moves down
        var choice = BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(3));
        var tuned = BinaryThresholds.Apply(ml, model, choice.Threshold);
        var rescored = tuned.Transform(split.TestSet);
        var before = BinaryThresholds.Evaluate(scored);
        var after = BinaryThresholds.Evaluate(rescored);
        var scores = rescored.GetColumn<float>("Score").ToArray();
        var predicted = rescored.GetColumn<bool>("PredictedLabel").ToArray();
        for (var i = 0; i < scores.Length; i++) Assert.Equal(scores[i] >= choice.Threshold, predicted[i]);
        Assert.True(predicted.Count(p => p) > scored.GetColumn<bool>("PredictedLabel").Count(p => p));
        Assert.True(after.Report.Lines[1].Recall > before.Report.Lines[1].Recall, "the metrics see the new threshold");
        var m = new Imbalanced.Metrics.ConfusionMatrix(
            rescored.GetColumn<bool>("Label").Select(b => b ? 1 : 0).ToArray(),
            predicted.Select(b => b ? 1 : 0).ToArray(), 2);
        Assert.Equal(choice.Objective, Imbalanced.Metrics.ClassificationMetrics.FBeta(m, 1, 3), 1e-9);
        Assert.Equal(before.RocAuc, after.RocAuc); // the ranking is the threshold's business no more
    }
}
