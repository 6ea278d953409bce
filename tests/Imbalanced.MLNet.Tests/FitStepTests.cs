using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Imbalanced.MLNet.Tests;

public class FitStepTests
{
    /// <summary>Fitting step by step through row-mapped views gives the model <c>EstimatorChain.Fit</c> gives: the
    /// same probabilities to the last bit, for a normaliser cached before L-BFGS and for a forest before Platt
    /// calibration, on one-hot-like data (many zeros, which the normaliser keeps sparse).</summary>
    [Fact]
    public void Step_by_step_fit_equals_the_estimator_chain()
    {
        var data = MlNetClassifierTests.Blobs(["neg", "pos"], [120, 45]);
        var rows = data.RowCount;
        var sparse = Imbalanced.Data.Dataset.FromRows(
            Enumerable.Range(0, rows).Select(i => data.NumericRow(i).ToArray()
                .Concat([i % 3 == 0 ? 1.0 : 0.0, i % 5 == 0 ? 1.0 : 0.0]).ToArray()).ToArray(),
            data.Labels.Select(l => data.Classes[l]).ToArray());
        var shape = new DataViewShape("Features", "Label", 5, null, LabelKind.Boolean, null);
        var ml = new MLContext(3);
        var view = DataViewConversion.ToDataView(ml, sparse.WithClasses(["False", "True"]), shape);
        var forest = () => ml.BinaryClassification.Trainers.FastForest(
            new FastForestBinaryTrainer.Options { NumberOfTrees = 10, NumberOfThreads = 1 });

        var logisticSteps = new FitStep[]
        {
            new(ml.Transforms.NormalizeMinMax("Features"), CacheAfter: true),
            new(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        };
        var logisticChain = ml.Transforms.NormalizeMinMax("Features").AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var forestSteps = new FitStep[] { new(forest()), new(ml.BinaryClassification.Calibrators.Platt()) };
        var forestChain = forest().Append(ml.BinaryClassification.Calibrators.Platt());

        foreach (var (steps, chain) in new (FitStep[], IEstimator<ITransformer>)[]
                     { (logisticSteps, logisticChain), (forestSteps, forestChain) })
        {
            var stepwise = MlNetClassifier.Predict(FitStep.Fit(ml, steps, view), view, 2, rows);
            var chained = MlNetClassifier.Predict(chain.Fit(view), view, 2, rows);
            Assert.Equal(chained, stepwise);
            Assert.Contains(stepwise, p => p is > 0.01 and < 0.99);
        }
    }
}
