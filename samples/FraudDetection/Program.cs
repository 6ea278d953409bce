using Imbalanced.MLNet;
using Imbalanced.ModelSelection;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Synthetic;
using Microsoft.ML;

namespace Samples.FraudDetection;

/// <summary>
/// Fraud-style binary classification done honestly: 3% positives, SMOTE inside ML.NET's training folds only
/// (stratified cross-validation), then a decision threshold tuned for F2 on a held-out part and applied with
/// ChangeModelThreshold, with metrics that honour it.
/// </summary>
public static class Program
{
    public static int Main() => Run(Console.Out);

    public static int Run(TextWriter output)
    {
        var ml = new MLContext(seed: 0);
        var dataset = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 4000,
            Features = 10,
            Weights = [0.97],
            ClassSeparation = 1.2,
            Seed = 7,
        });
        var shape = new DataViewShape("Features", "Label", dataset.NumericCount, dataset.NumericNames,
            LabelKind.Boolean, null);
        var data = DataViewConversion.ToDataView(ml, WithBooleanClasses(dataset), shape);

        var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 50)
            .WithResampling(ml, new Smote());
        var folds = ml.BinaryClassification.StratifiedCrossValidate(data, trainer, numberOfFolds: 5);
        var prAuc = folds.Average(f => f.Metrics.AreaUnderPrecisionRecallCurve);
        var rocAuc = folds.Average(f => f.Metrics.AreaUnderRocCurve);
        output.WriteLine($"SMOTE + FastTree, stratified 5-fold CV: PR-AUC {prAuc:0.000}, ROC-AUC {rocAuc:0.000}");

        var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.3, seed: 1);
        var tuning = ml.Data.StratifiedTrainTestSplit(split.TrainSet, testFraction: 0.3, seed: 2);
        var model = trainer.Fit(tuning.TrainSet);
        var choice = BinaryThresholds.Tune(model.Transform(tuning.TestSet), ThresholdObjective.FBeta(2));
        var tuned = BinaryThresholds.Apply(ml, model, choice.Threshold);
        var before = BinaryThresholds.Evaluate(model.Transform(split.TestSet));
        var after = BinaryThresholds.Evaluate(tuned.Transform(split.TestSet));
        output.WriteLine($"threshold tuned for F2: {choice.Threshold:0.###}");
        var (recallBefore, recallAfter) = (before.Report.Lines[1].Recall, after.Report.Lines[1].Recall);
        output.WriteLine($"held-out recall of fraud: {recallBefore:0.000} -> {recallAfter:0.000}, " +
            $"MCC {before.Mcc:0.000} -> {after.Mcc:0.000}");
        output.Write(after.Report.ToText());
        return 0;
    }

    private static Imbalanced.Data.Dataset WithBooleanClasses(Imbalanced.Data.Dataset d) =>
        d.WithClasses(["False", "True"]);
}
