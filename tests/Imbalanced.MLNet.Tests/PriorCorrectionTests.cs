using Imbalanced.Calibration;
using Imbalanced.Data;
using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;
using Imbalanced.Synthetic;

namespace Imbalanced.MLNet.Tests;

/// <summary>Prior correction (Saerens et al. 2002) undoes what random over-sampling does to a logistic model's
/// probabilities.</summary>
public class PriorCorrectionTests
{
    [Fact]
    public void After_prior_correction_a_random_over_sampled_logistic_model_predicts_the_true_prevalence_on_average()
    {
        // 4,000 rows, about 10% positive, hard enough that probabilities are not all 0 or 1
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 4000,
            Features = 6,
            Weights = [0.9],
            Flip = 0.05,
            ClassSeparation = 0.8,
            Seed = 21,
        });
        var split = StratifiedSplits.TrainTest(data.LabelCodes, 0.5, seed: 2);
        var (train, test) = (data.Select(split.Train), data.Select(split.Test));
        var positive = ClassCountingOf(data);
        var prevalence = test.LabelCodes.Count(l => l == positive) / (double)test.RowCount;
        // the standard error of a prevalence estimated from the test rows
        var error = Math.Sqrt(prevalence * (1 - prevalence) / test.RowCount);

        double MeanProbability(CalibrationMethod calibration)
        {
            var trained = TrainedCombination.Fit(train, "random-over", "logistic", new MlNetLearners(),
                new CompareOptions { Calibration = calibration, Seed = 3 });
            var p = trained.PredictProbabilities(test);
            return Enumerable.Range(0, test.RowCount).Average(i => p[i * 2 + positive]);
        }

        var corrected = MeanProbability(CalibrationMethod.Prior);
        var uncorrected = MeanProbability(CalibrationMethod.None);

        Assert.InRange(corrected, prevalence - 3 * error, prevalence + 3 * error);
        Assert.True(uncorrected > prevalence + 10 * error, $"uncorrected {uncorrected}, prevalence {prevalence}");
    }

    private static int ClassCountingOf(Dataset data) =>
        Sampling.ClassCounting.Minority(data.ClassCounts());
}
