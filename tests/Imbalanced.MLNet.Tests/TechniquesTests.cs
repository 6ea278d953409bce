using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;
using Imbalanced.Sampling;
using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Synthetic;

namespace Imbalanced.MLNet.Tests;

public class TechniquesTests
{
    [Fact]
    public void Instance_hardness_in_compare_and_train_asks_the_random_forest()
    {
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 200,
            Features = 5,
            Weights = [0.75],
            Flip = 0.1,
            Seed = 2,
        });
        var parameters = Techniques.SamplerParametersFor("iht", 5, new MlNetLearners());
        parameters["cv"] = 3;
        var workflow = SamplerRegistry.Find("iht")!.Create(5, parameters: parameters).FitResample(data).KeptRows;
        var forest = new InstanceHardnessThreshold(new()
        {
            Seed = 5,
            Folds = 3,
            Estimator = new MlNetLearners().SamplerEstimator(5),
        }).FitResample(data).KeptRows;
        var nearest = new InstanceHardnessThreshold(new() { Seed = 5, Folds = 3 }).FitResample(data).KeptRows;

        Assert.NotEqual(nearest, forest);
        Assert.Equal(forest, workflow);
        Assert.Empty(Techniques.SamplerParametersFor("smote", 5, new MlNetLearners()));
    }
}
