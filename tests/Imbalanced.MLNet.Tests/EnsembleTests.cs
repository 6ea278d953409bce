using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.MLNet.Ensembles;
using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Tests;

/// <summary>Balanced ensembles beat their plain base learner on balanced accuracy on strongly imbalanced data
/// (3% positives), predict probabilities, and save to and load from one file.</summary>
public class EnsembleTests
{
    private static (IDataView Train, Dataset Test, DataViewShape Shape) Data(MLContext ml)
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hacide_subset.csv");
        var table = TableDataset.Build(TableReader.Read(fixture), "cls").Data;
        var split = StratifiedSplits.TrainTest(table.Labels, 0.4, seed: 3);
        var shape = new DataViewShape("Features", "Label", 2, ["x1", "x2"], LabelKind.Boolean, null);
        var boolean = new Dataset(table.Numeric, table.NumericNames, [], [], [], table.Labels,
            ClassSet.FromDistinct(["False", "True"]));
        return (DataViewConversion.ToDataView(ml, boolean.Select(split.Train), shape),
            boolean.Select(split.Test), shape);
    }

    private static IDataView WithWeights(MLContext ml, IDataView data) =>
        ml.Transforms.CustomMapping<Flag, WeightRow>((_, o) => o.Weight = 1f, contractName: null)
            .Fit(data)
            .Transform(data);

    private sealed class Flag
    {
        public bool Label { get; set; }
    }

    private sealed class WeightRow
    {
        public float Weight { get; set; }
    }

    private static double BalancedAccuracy(Dataset test, double[] probabilities)
    {
        var predicted = Enumerable.Range(0, test.RowCount)
            .Select(i => probabilities[i * 2 + 1] > probabilities[i * 2] ? 1 : 0)
            .ToArray();
        return ClassificationMetrics.BalancedAccuracy(new ConfusionMatrix(test.Labels, predicted, 2));
    }

    public static TheoryData<EnsembleKind, int> Kinds() => new()
    {
        { EnsembleKind.BalancedBagging, 10 }, { EnsembleKind.BalancedRandomForest, 100 },
        { EnsembleKind.EasyEnsemble, 5 }, { EnsembleKind.RusBoost, 20 },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Beats_the_plain_base_learner_and_round_trips(EnsembleKind kind, int members)
    {
        var ml = new MLContext(0);
        var (train, test, shape) = Data(ml);
        // The plain base learner, trained on all the (imbalanced) training data: the member learner itself for bagging,
        // EasyEnsemble and RUSBoost, and for the balanced forest a plain random forest (ML.NET's FastForest).
        var plain = kind == EnsembleKind.BalancedRandomForest
            ? ml.BinaryClassification.Trainers.FastForest(numberOfTrees: members)
                .Append(ml.BinaryClassification.Calibrators.Naive())
                .Fit(train)
            : BalancedEnsemble.DefaultLearner(kind)(ml, 2, 2)
                .Fit(kind == EnsembleKind.RusBoost ? WithWeights(ml, train) : train);
        var plainProbabilities = MlNetClassifier.Probabilities(
            plain.Transform(DataViewConversion.ToDataView(ml, test, shape)), 2, test.RowCount);
        var model = new BalancedEnsemble(ml, kind, members, seed: 1).Fit(train);
        var probabilities = model.PredictProbabilities(test);
        for (var i = 0; i < test.RowCount; i++)
            Assert.Equal(1.0, probabilities[i * 2] + probabilities[i * 2 + 1], 1e-6);
        var ensemble = BalancedAccuracy(test, probabilities);
        var baseline = BalancedAccuracy(test, plainProbabilities);
        Assert.True(ensemble > baseline, $"{kind}: balanced accuracy {ensemble:0.000} vs plain {baseline:0.000}");

        var path = Path.Combine(Path.GetTempPath(), $"ensemble-{Guid.NewGuid():N}.zip");
        model.Save(path);
        var loaded = BalancedEnsembleModel.Load(ml, path);
        Assert.Equal(probabilities, loaded.PredictProbabilities(test));
        Assert.Equal(model.MemberCount, loaded.MemberCount);
        File.Delete(path);
    }

    [Fact]
    public void Multiclass_ensembles_predict_every_class()
    {
        var ml = new MLContext(0);
        var data = Imbalanced.Synthetic.ClassificationGenerator.Generate(new Imbalanced.Synthetic.ClassificationOptions
        {
            Rows = 600,
            Features = 4,
            Informative = 3,
            Redundant = 0,
            Classes = 3,
            ClustersPerClass = 1,
            Weights = [0.8, 0.15],
            Seed = 2,
        });
        var shape = new DataViewShape("Features", "Label", 4, null, LabelKind.Key, data.Classes.Labels);
        var model = new BalancedEnsemble(ml, EnsembleKind.BalancedBagging, 5, seed: 1)
            .Fit(DataViewConversion.ToDataView(ml, data, shape));
        var predicted = model.Predict(DataViewConversion.ToDataView(ml, data, shape));
        Assert.Equal(["0", "1", "2"], predicted.Distinct().Order());
    }
}
