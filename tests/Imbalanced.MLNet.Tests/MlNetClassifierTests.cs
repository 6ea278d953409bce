using Imbalanced.Data;
using Imbalanced.Sampling.UnderSampling;
using Microsoft.ML;

namespace Imbalanced.MLNet.Tests;

public class MlNetClassifierTests
{
    internal static Dataset Blobs(string[] labels, int[] sizes, IReadOnlyList<string>? names = null)
    {
        var rng = new Random(3);
        var rows = new List<double[]>();
        var y = new List<string>();
        for (var c = 0; c < labels.Length; c++)
            for (var i = 0; i < sizes[c]; i++)
            {
                rows.Add([rng.NextDouble() + c * 0.8, rng.NextDouble() - c * 0.5, rng.NextDouble()]);
                y.Add(labels[c]);
            }
        return Dataset.FromRows(rows.ToArray(), y.ToArray(), names);
    }

    [Fact]
    public void Random_forest_probabilities_for_binary_and_multiclass()
    {
        var ml = new MLContext(1);
        foreach (var data in new[] { Blobs(["neg", "pos"], [150, 30]), Blobs(["a", "b", "c"], [80, 40, 30]) })
        {
            var k = data.Classes.Count;
            var p = MlNetClassifier.RandomForest(ml, trees: 20).Fit(data).PredictProbabilities(data);
            for (var i = 0; i < data.RowCount; i++)
            {
                Assert.Equal(1.0, Enumerable.Range(0, k).Sum(c => p[i * k + c]), 1e-5);
                Assert.All(Enumerable.Range(0, k), c => Assert.InRange(p[i * k + c], 0, 1));
            }
            var correct = Enumerable.Range(0, data.RowCount)
                .Count(i => Enumerable.Range(0, k).MaxBy(c => p[i * k + c]) == data.Labels[i]);
            Assert.True(correct > 0.7 * data.RowCount, $"{correct} of {data.RowCount} training rows right");
        }
    }

    [Fact]
    public void Instance_hardness_with_the_ml_net_forest()
    {
        var data = Blobs(["neg", "pos"], [150, 30]);
        var result = new InstanceHardnessThreshold(new InstanceHardnessThresholdOptions
        {
            Estimator = MlNetClassifier.RandomForest(new MLContext(0), 20),
        }).FitResample(data);
        var counts = result.ClassCounts();
        Assert.Equal(30, counts[data.Classes.IndexOf("pos")]);
        Assert.InRange(counts[data.Classes.IndexOf("neg")], 30, 149);
    }

    [Fact]
    public void The_binary_forest_probability_is_its_trees_mean_share_of_the_positive_class_in_the_leaf()
    {
        var data = Blobs(["neg", "pos"], [150, 30]);
        var model = (MlNetClassifier.Model)MlNetClassifier.RandomForest(new MLContext(1), trees: 20).Fit(data);
        var p = model.PredictProbabilities(data);
        // The trees as ML.NET exposes them (read through dynamic: the forest may have been fitted on a copy of the
        // FastTree assembly, whose types are not this assembly's), each row walked down each tree.
        dynamic forest = ((IEnumerable<ITransformer>)model.Transformer).First();
        var trees = ((IEnumerable<object>)forest.Model.TrainedTreeEnsemble.Trees).ToArray();
        // FastForest leaves out trees it found no split for (here 2 of 20): the share is over the trees it holds.
        Assert.InRange(trees.Length, 10, 19);
        var sawPartial = false;
        for (var i = 0; i < data.RowCount; i++)
        {
            var x = data.NumericRow(i).ToArray().Select(v => (float)v).ToArray();
            var share = trees.Average(t => (LeafValue(t, x) + 1) / 2);
            Assert.Equal(share, p[i * 2 + 1], 1e-5);
            sawPartial |= share is > 0.05 and < 0.95;
        }
        Assert.True(sawPartial);
    }

    /// <summary>The output of the leaf of <paramref name="tree"/> (an ML.NET <c>RegressionTree</c>) that
    /// <paramref name="x"/> falls in: left while the feature is at most the threshold.</summary>
    private static double LeafValue(dynamic tree, float[] x)
    {
        var features = (IReadOnlyList<int>)tree.NumericalSplitFeatureIndexes;
        var thresholds = (IReadOnlyList<float>)tree.NumericalSplitThresholds;
        var left = (IReadOnlyList<int>)tree.LeftChild;
        var right = (IReadOnlyList<int>)tree.RightChild;
        var node = 0;
        while (node >= 0) node = x[features[node]] <= thresholds[node] ? left[node] : right[node];
        return ((IReadOnlyList<double>)tree.LeafValues)[~node];
    }
}
