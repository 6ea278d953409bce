using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Tests;

public class InPlaceFitPredictTests
{
    /// <summary>Fitting on some rows and predicting others where they stand gives, to the last bit, what fitting on
    /// a copy of the training rows and predicting a copy of the test rows gives (the out-of-fold loop of instance
    /// hardness and of threshold tuning takes this path), for two classes and three.</summary>
    [Theory]
    [InlineData("logistic")]
    [InlineData("random-forest")]
    [InlineData("lightgbm")]
    public void Fit_predict_in_place_equals_fit_and_predict_on_copies(string learner)
    {
        var sets = new[]
        {
            MlNetClassifierTests.Blobs(["neg", "pos"], [90, 40]),
            MlNetClassifierTests.Blobs(["a", "b", "c"], [50, 40, 35]),
        };
        foreach (var data in sets)
        {
            var train = Enumerable.Range(0, data.RowCount).Where(i => i % 4 != 1).Reverse().ToArray();
            var test = Enumerable.Range(0, data.RowCount).Where(i => i % 4 == 1).ToArray();
            var copied = MlNetClassifier.ByName(new MLContext(2), learner, threads: 1)
                .Fit(data.Select(train)).PredictProbabilities(data.Select(test));
            var inPlace = ((IInPlaceClassifier)MlNetClassifier.ByName(new MLContext(2), learner, threads: 1))
                .FitPredict(data, train, test);
            Assert.Equal(copied, inPlace);
            Assert.Equal(test.Length * data.Classes.Count, inPlace.Length);
        }
    }
}
