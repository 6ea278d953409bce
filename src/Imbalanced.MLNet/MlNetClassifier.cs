using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// The core library's <see cref="IClassifier"/> contract over ML.NET trainers, so that core algorithms that need
/// class probabilities (instance hardness, threshold tuning, cross-validation) can use ML.NET learners: binary
/// problems read the <c>Probability</c> column (an uncalibrated trainer is Platt-calibrated), multiclass problems
/// the <c>Score</c> vector of one-versus-all with probabilities.
/// </summary>
/// <param name="ml">The ML.NET context.</param>
/// <param name="binary">
/// Builds the binary learner, given the example-weight column name (null when rows are not weighted).
/// </param>
/// <param name="multiclass">Builds the multiclass learner, likewise.</param>
public sealed class MlNetClassifier(
    MLContext ml,
    Func<MLContext, string?, IEstimator<ITransformer>> binary,
    Func<MLContext, string?, IEstimator<ITransformer>> multiclass) : IClassifier
{
    /// <summary>
    /// ML.NET's random forest (FastForest), as imbalanced-learn's instance hardness uses a random forest.
    /// </summary>
    public static MlNetClassifier RandomForest(MLContext ml, int trees = 100) => new(ml,
        (c, w) => c.BinaryClassification.Trainers
            .FastForest(exampleWeightColumnName: w, numberOfTrees: trees)
            .Append(c.BinaryClassification.Calibrators.Platt()),
        (c, w) => c.MulticlassClassification.Trainers.OneVersusAll(
            c.BinaryClassification.Trainers.FastForest(exampleWeightColumnName: w, numberOfTrees: trees),
            useProbabilities: true));

    /// <summary>
    /// ML.NET's L-BFGS logistic regression (maximum entropy for several classes), features min-max normalised.
    /// </summary>
    public static MlNetClassifier Logistic(MLContext ml) => new(ml,
        (c, w) => c.Transforms.NormalizeMinMax("Features")
            .Append(c.BinaryClassification.Trainers.LbfgsLogisticRegression(exampleWeightColumnName: w)),
        (c, w) => c.Transforms.NormalizeMinMax("Features")
            .Append(c.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: w)));

    /// <summary>ML.NET's LightGBM (binary and multiclass, with probabilities).</summary>
    public static MlNetClassifier LightGbm(MLContext ml) => new(ml,
        (c, w) => c.BinaryClassification.Trainers.LightGbm(exampleWeightColumnName: w),
        (c, w) => c.MulticlassClassification.Trainers.LightGbm(exampleWeightColumnName: w));

    /// <summary>
    /// The learners the command line names: <c>logistic</c>, <c>lightgbm</c>, <c>random-forest</c>, <c>fasttree</c>.
    /// </summary>
    public static MlNetClassifier ByName(MLContext ml, string name) => name switch
    {
        "logistic" => Logistic(ml),
        "lightgbm" => LightGbm(ml),
        "random-forest" => RandomForest(ml),
        "fasttree" => BoostedTrees(ml),
        _ => throw new ArgumentException(
            $"unknown learner '{name}'; the learners are: logistic, lightgbm, random-forest, fasttree"),
    };

    /// <summary>ML.NET's gradient-boosted trees (FastTree), Platt-calibrated.</summary>
    public static MlNetClassifier BoostedTrees(MLContext ml, int trees = 100) => new(ml,
        (c, w) => c.BinaryClassification.Trainers
            .FastTree(exampleWeightColumnName: w, numberOfTrees: trees)
            .Append(c.BinaryClassification.Calibrators.Platt()),
        (c, w) => c.MulticlassClassification.Trainers.OneVersusAll(
            c.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: w, numberOfTrees: trees),
            useProbabilities: true));

    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        var k = train.Classes.Count;
        var shape = new DataViewShape(
            "Features",
            "Label",
            train.NumericCount,
            null,
            k == 2 ? LabelKind.Boolean : LabelKind.Key,
            k == 2 ? null : train.Classes.Labels);
        var binaryLabels = k == 2 ? new[] { "False", "True" } : null;
        // A binary problem becomes Boolean: class 1 of the data set is "True".
        var data = k == 2 ? train.WithClasses(binaryLabels!) : train;
        var view = DataViewConversion.ToDataView(ml, data, shape, weights);
        var weightColumn = weights is null ? null : "Weight";
        var model = (k == 2 ? binary(ml, weightColumn) : multiclass(ml, weightColumn)).Fit(view);
        return new Model(ml, model, shape, k, binaryLabels);
    }

    /// <summary>Saves a model this classifier fitted: its ML.NET model and what is needed to feed it.</summary>
    public static void Save(IClassifierModel model, Stream stream)
    {
        if (model is not Model m)
            throw new ArgumentException("only models fitted by an MlNetClassifier can be saved here", nameof(model));
        using var zip = new System.IO.Compression.ZipArchive(
            stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry("model.zip").Open())
            m.Ml.Model.Save(m.Transformer, DataViewConversion.ToDataView(m.Ml, Empty(m), m.Shape).Schema, entry);
        using var manifest = zip.CreateEntry("shape.json").Open();
        System.Text.Json.JsonSerializer.Serialize(manifest, new Saved(m.Shape, m.Classes, m.BinaryLabels));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static IClassifierModel Load(MLContext ml, Stream stream)
    {
        using var zip = new System.IO.Compression.ZipArchive(
            stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        Saved saved;
        using (var manifest = zip.GetEntry("shape.json")!.Open())
            saved = System.Text.Json.JsonSerializer.Deserialize<Saved>(manifest)!;
        using var entry = zip.GetEntry("model.zip")!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        copy.Position = 0;
        return new Model(ml, ml.Model.Load(copy, out _), saved.Shape, saved.Classes, saved.BinaryLabels);
    }

    private static Dataset Empty(Model m) => new(
        new double[m.Shape.FeatureSize],
        Enumerable.Range(0, m.Shape.FeatureSize).Select(j => $"f{j}").ToArray(),
        [],
        [],
        [],
        [0],
        ClassSet.FromDistinct(m.BinaryLabels ?? m.Shape.KeyValues!.ToArray()));

    private sealed record Saved(DataViewShape Shape, int Classes, string[]? BinaryLabels);

    private sealed class Model(
        MLContext ml, ITransformer model, DataViewShape shape, int classes, string[]? binaryLabels) : IClassifierModel
    {
        public MLContext Ml => ml;

        public ITransformer Transformer => model;

        public DataViewShape Shape => shape;

        public int Classes => classes;

        public string[]? BinaryLabels => binaryLabels;

        public double[] PredictProbabilities(Dataset data)
        {
            var input = binaryLabels is null ? data : data.WithClasses(binaryLabels);
            var scored = model.Transform(DataViewConversion.ToDataView(ml, input, shape));
            return Probabilities(scored, classes, data.RowCount);
        }
    }

    /// <summary>Row-major class probabilities of scored data: <c>Probability</c> for two classes, the normalised
    /// <c>Score</c> vector otherwise.</summary>
    internal static double[] Probabilities(IDataView scored, int classes, int rows)
    {
        {
            var result = new double[rows * classes];
            if (classes == 2)
            {
                var i = 0;
                foreach (var p in scored.GetColumn<float>("Probability"))
                {
                    result[i * 2 + 1] = p;
                    result[i * 2] = 1 - p;
                    i++;
                }
                return result;
            }
            var row = 0;
            foreach (var scores in scored.GetColumn<float[]>("Score"))
            {
                var sum = scores.Sum();
                for (var c = 0; c < classes; c++)
                    result[row * classes + c] = sum > 0 ? scores[c] / sum : 1.0 / classes;
                row++;
            }
            return result;
        }
    }
}
