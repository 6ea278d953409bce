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
}
