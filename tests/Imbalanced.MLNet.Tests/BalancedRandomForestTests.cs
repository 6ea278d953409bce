using Imbalanced.Data;
using Imbalanced.MLNet.Ensembles;
using Microsoft.ML;

namespace Imbalanced.MLNet.Tests;

/// <summary>The trees of a balanced random forest draw their features independently; the forest and balanced
/// bagging fit a table whose minority has a few rows, whatever the seed.</summary>
public class BalancedRandomForestTests
{
    [Fact]
    public void Trees_split_their_roots_on_different_features()
    {
        // Four features, each the label plus its own noise: equally good root splits.
        var rng = new Random(1);
        var rows = Enumerable.Range(0, 400).Select(i => Enumerable.Range(0, 4)
            .Select(_ => (i % 4 == 0 ? 1.0 : 0.0) + rng.NextDouble() * 1.5).ToArray()).ToArray();
        var data = Dataset.FromRows(rows, Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? "yes" : "no").ToArray());
        var ml = new MLContext(0);
        var shape = new DataViewShape("Features", "Label", 4, null, LabelKind.Key, data.Classes.Labels);
        var model = new BalancedEnsemble(ml, EnsembleKind.BalancedRandomForest, 20, seed: 3)
            .Fit(DataViewConversion.ToDataView(ml, data, shape));
        // Each tree sees two of the four features at a split (√d of d): one seed for all trees would leave the
        // same two at every root.
        var roots = model.Members.Select(m =>
        {
            var tree = (IPredictionTransformer<object>)((IEnumerable<ITransformer>)m).First();
            var forest = (Microsoft.ML.Calibrators.CalibratedModelParametersBase<
                Microsoft.ML.Trainers.FastTree.FastTreeBinaryModelParameters,
                Microsoft.ML.Calibrators.PlattCalibrator>)tree.Model;
            return forest.SubModel.TrainedTreeEnsemble.Trees[0].NumericalSplitFeatureIndexes[0];
        }).Distinct().Count();
        Assert.True(roots >= 3, $"the 20 trees split their roots on {roots} distinct features");
    }

    /// <summary>A minority of 2, 3 or 5 rows: every tree of the forest draws a bootstrap of each class (Chen, Liaw and
    /// Breiman), and a bag that misses a class is drawn again, so no member is left with one class (which ML.NET's
    /// trainers refuse: the forest failed on such tables for some seeds).</summary>
    [Theory]
    [InlineData(EnsembleKind.BalancedRandomForest, 2)]
    [InlineData(EnsembleKind.BalancedRandomForest, 3)]
    [InlineData(EnsembleKind.BalancedRandomForest, 5)]
    [InlineData(EnsembleKind.BalancedBagging, 2)]
    public void A_minority_of_a_few_rows_is_fitted_whatever_the_seed(EnsembleKind kind, int minority)
    {
        var rng = new Random(2);
        var rows = Enumerable.Range(0, 200).Select(i => Enumerable.Range(0, 3)
            .Select(_ => (i < minority ? 1.0 : 0.0) + rng.NextDouble()).ToArray()).ToArray();
        var data = Dataset.FromRows(rows, Enumerable.Range(0, 200).Select(i => i < minority ? "pos" : "neg").ToArray());
        var ml = new MLContext(0);
        var shape = new DataViewShape("Features", "Label", 3, null, LabelKind.Key, data.Classes.Labels);
        for (var seed = 0; seed < 6; seed++)
        {
            var model = new BalancedEnsemble(ml, kind, kind == EnsembleKind.BalancedRandomForest ? 30 : 10, seed)
                .Fit(DataViewConversion.ToDataView(ml, data, shape));
            var p = model.PredictProbabilities(data);
            Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        }
    }
}
