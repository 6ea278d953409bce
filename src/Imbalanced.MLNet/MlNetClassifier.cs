using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// The core library's <see cref="IClassifier"/> contract over ML.NET trainers, so that core algorithms that need
/// class probabilities (instance hardness, threshold tuning, cross-validation) can use ML.NET learners: binary
/// problems read the <c>Probability</c> column (an uncalibrated trainer is Platt-calibrated), multiclass problems the
/// <c>Score</c> vector of one-versus-all with probabilities.
/// </summary>
public sealed class MlNetClassifier(MLContext ml, Func<MLContext, IEstimator<ITransformer>> binary, Func<MLContext, IEstimator<ITransformer>> multiclass) : IClassifier
{
    /// <summary>ML.NET's random forest (FastForest), as imbalanced-learn's instance hardness uses a random forest.</summary>
    public static MlNetClassifier RandomForest(MLContext ml, int trees = 100) => new(ml,
        c => c.BinaryClassification.Trainers.FastForest(numberOfTrees: trees).Append(c.BinaryClassification.Calibrators.Platt()),
        c => c.MulticlassClassification.Trainers.OneVersusAll(c.BinaryClassification.Trainers.FastForest(numberOfTrees: trees), useProbabilities: true));

    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        var k = train.Classes.Count;
        var shape = new DataViewShape("Features", "Label", train.NumericCount, null, k == 2 ? LabelKind.Boolean : LabelKind.Key,
            k == 2 ? null : train.Classes.Labels);
        var binaryLabels = k == 2 ? new[] { "False", "True" } : null;
        // A binary problem becomes Boolean: class 1 of the data set is "True".
        var data = k == 2 ? Relabel(train, binaryLabels!) : train;
        var view = DataViewConversion.ToDataView(ml, data, shape);
        var model = (k == 2 ? binary(ml) : multiclass(ml)).Fit(view);
        return new Model(ml, model, shape, k, binaryLabels);
    }

    private static Dataset Relabel(Dataset data, string[] labels) =>
        new(data.Numeric, data.NumericNames, data.Categorical, data.CategoricalNames, data.Categories, data.Labels, ClassSet.FromDistinct(labels));

    private sealed class Model(MLContext ml, ITransformer model, DataViewShape shape, int classes, string[]? binaryLabels) : IClassifierModel
    {
        public double[] PredictProbabilities(Dataset data)
        {
            var input = binaryLabels is null ? data : Relabel(data, binaryLabels);
            return Probabilities(model.Transform(DataViewConversion.ToDataView(ml, input, shape)), classes, data.RowCount);
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
                for (var c = 0; c < classes; c++) result[row * classes + c] = sum > 0 ? scores[c] / sum : 1.0 / classes;
                row++;
            }
            return result;
        }
    }
}
