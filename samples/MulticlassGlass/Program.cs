using Imbalanced.MLNet;
using Imbalanced.MLNet.Ensembles;
using Imbalanced.Sampling.Combined;
using Imbalanced.Synthetic;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.MulticlassGlass;

/// <summary>
/// Multiclass with rare classes: a plain ML.NET learner against the same learner trained on SMOTE-ENN-resampled
/// folds, compared by macro-averaged recall under stratified cross-validation, then a balanced bagging ensemble.
/// </summary>
public static class Program
{
    public static int Main() => Run(Console.Out);

    public static int Run(TextWriter output)
    {
        var ml = new MLContext(seed: 0);
        var dataset = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 1500,
            Features = 8,
            Informative = 4,
            Redundant = 1,
            Classes = 4,
            ClustersPerClass = 1,
            Weights = [0.7, 0.2, 0.07],
            Seed = 3,
        });
        var shape = new DataViewShape("Features", "Label", dataset.NumericCount, dataset.NumericNames, LabelKind.Key,
            dataset.Classes.Labels);
        var data = DataViewConversion.ToDataView(ml, dataset, shape);
        var plain = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy();
        var resampled = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy().WithResampling(ml, new SmoteEnn());
        (string, IEstimator<ITransformer>)[] estimators = [("plain", plain), ("SMOTE-ENN", resampled)];
        foreach (var (name, estimator) in estimators)
        {
            var folds = ml.MulticlassClassification.StratifiedCrossValidate(data, estimator, numberOfFolds: 5);
            var macro = folds.Average(f => f.Metrics.MacroAccuracy);
            var micro = folds.Average(f => f.Metrics.MicroAccuracy);
            output.WriteLine($"{name,-10} macro accuracy (mean recall) {macro:0.000}, micro accuracy {micro:0.000}");
        }

        // A balanced bagging ensemble of boosted trees, scored on a stratified hold-out by macro recall.
        var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.3, seed: 1);
        var ensemble = new BalancedEnsemble(ml, EnsembleKind.BalancedBagging, members: 5, seed: 0).Fit(split.TrainSet);
        var truth = split.TestSet.GetColumn<uint>("Label").Select(k => dataset.Classes[(int)k - 1]).ToArray();
        var report = Imbalanced.Metrics.Evaluation.Evaluate(truth, ensemble.Predict(split.TestSet));
        output.WriteLine($"balanced bagging: macro recall {report.Report.Macro.Recall:0.000}, " +
            $"balanced accuracy {report.BalancedAccuracy:0.000}");
        return 0;
    }
}
