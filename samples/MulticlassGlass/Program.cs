using Imbalanced.MLNet;
using Imbalanced.Sampling.Combined;
using Imbalanced.Synthetic;
using Microsoft.ML;

namespace Samples.MulticlassGlass;

/// <summary>
/// Multiclass with rare classes: a plain ML.NET learner against the same learner trained on SMOTE-ENN-resampled
/// folds, compared by macro-averaged recall under stratified cross-validation.
/// </summary>
public static class Program
{
    public static int Main() => Run(Console.Out);

    public static int Run(TextWriter output)
    {
        var ml = new MLContext(seed: 0);
        var dataset = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 1500, Features = 8, Informative = 4, Redundant = 1, Classes = 4, ClustersPerClass = 1, Weights = [0.7, 0.2, 0.07], Seed = 3,
        });
        var shape = new DataViewShape("Features", "Label", dataset.NumericCount, dataset.NumericNames, LabelKind.Key, dataset.Classes.Labels);
        var data = DataViewConversion.ToDataView(ml, dataset, shape);
        var plain = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy();
        var resampled = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy().WithResampling(ml, new SmoteEnn());
        foreach (var (name, estimator) in new (string, IEstimator<ITransformer>)[] { ("plain", plain), ("SMOTE-ENN", resampled) })
        {
            var folds = ml.MulticlassClassification.StratifiedCrossValidate(ml, data, estimator, numberOfFolds: 5);
            output.WriteLine($"{name,-10} macro accuracy (mean recall) {folds.Average(f => f.Metrics.MacroAccuracy):0.000}, " +
                             $"micro accuracy {folds.Average(f => f.Metrics.MicroAccuracy):0.000}");
        }
        return 0;
    }
}
