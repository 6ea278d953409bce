using Imbalanced.Data;
using Imbalanced.MLNet.Ensembles;
using Microsoft.ML;

namespace Imbalanced.MLNet.Tests;

/// <summary>The trees of a balanced random forest draw their features independently.</summary>
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
}
