using Imbalanced.Data;
using Imbalanced.MLNet.Workflow;

namespace Imbalanced.MLNet.Tests;

/// <summary>A learner on a training part too small to split (a rare class under-sampled in a small fold).</summary>
public class TinyTrainingTests
{
    [Fact]
    public void Lightgbm_that_finds_no_split_predicts_the_training_shares_and_saves_and_loads()
    {
        // 8 rows: LightGBM's leaves need 20, so its trees are single leaves, which ML.NET cannot build a model from
        var data = Dataset.FromRows(Enumerable.Range(0, 8).Select(i => new[] { i * 1.0, i % 3 * 1.0 }).ToArray(),
            Enumerable.Range(0, 8).Select(i => i < 6 ? 0 : 1).ToArray());

        var model = new MlNetLearners().Create("lightgbm", 0).Fit(data);

        var p = model.PredictProbabilities(data);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(0.75, p[i * 2], 12);
            Assert.Equal(0.25, p[i * 2 + 1], 12);
        }
        using var file = new MemoryStream();
        MlNetLearners.Save(model, file);
        file.Position = 0;
        Assert.Equal(p, MlNetLearners.Load(file).PredictProbabilities(data));
    }
}
