using System.Globalization;
using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// Stratified splits for ML.NET, which has none (its <c>samplingKeyColumnName</c> groups rows, it does not
/// stratify): every class is spread over the parts in proportion (see <see cref="StratifiedSplits"/>), and every
/// column of the data view is kept.
/// </summary>
public static class StratifiedDataOperations
{
    /// <summary>A stratified train/test split on the label column (Boolean, key, text or number).</summary>
    public static StratifiedTrainTestData StratifiedTrainTestSplit(this DataOperationsCatalog catalog, IDataView data,
        string labelColumn = "Label", double testFraction = 0.1, int seed = 0)
    {
        var split = StratifiedSplits.TrainTest(LabelCodes(data, labelColumn), testFraction, seed);
        return new StratifiedTrainTestData(new RowSubsetDataView(data, split.Train),
            new RowSubsetDataView(data, split.Test));
    }

    /// <summary>Stratified k-fold splits of a data view, as (train, test) pairs.</summary>
    public static IReadOnlyList<StratifiedTrainTestData> StratifiedFolds(this DataOperationsCatalog catalog,
        IDataView data, string labelColumn = "Label", int numberOfFolds = 5, int seed = 0) =>
        StratifiedSplits.KFold(LabelCodes(data, labelColumn), numberOfFolds, true, seed)
            .Select(s => new StratifiedTrainTestData(new RowSubsetDataView(data, s.Train),
                new RowSubsetDataView(data, s.Test))).ToArray();

    /// <summary>Stratified cross-validation of a binary estimator:
    /// ML.NET's non-calibrated metrics on each untouched fold.</summary>
    public static IReadOnlyList<StratifiedCrossValidationResult<BinaryClassificationMetrics>> StratifiedCrossValidate(
        this BinaryClassificationCatalog catalog, MLContext ml, IDataView data, IEstimator<ITransformer> estimator,
        int numberOfFolds = 5, string labelColumn = "Label", int seed = 0) =>
        CrossValidate(ml, data, estimator, numberOfFolds, labelColumn, seed,
            scored => catalog.EvaluateNonCalibrated(scored, labelColumn));

    /// <summary>Stratified cross-validation of a multiclass estimator.</summary>
    public static IReadOnlyList<StratifiedCrossValidationResult<MulticlassClassificationMetrics>>
        StratifiedCrossValidate(this MulticlassClassificationCatalog catalog, MLContext ml, IDataView data,
        IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumn = "Label", int seed = 0) =>

        CrossValidate(ml, data, estimator, numberOfFolds, labelColumn, seed,
            scored => catalog.Evaluate(scored, labelColumn));
    private static IReadOnlyList<StratifiedCrossValidationResult<TMetrics>> CrossValidate<TMetrics>(MLContext ml,
        IDataView data, IEstimator<ITransformer> estimator, int numberOfFolds, string labelColumn, int seed,
        Func<IDataView, TMetrics> evaluate) =>
        ml.Data.StratifiedFolds(data, labelColumn, numberOfFolds, seed).Select((fold, i) =>
        {
            var model = estimator.Fit(fold.TrainSet);
            var scored = model.Transform(fold.TestSet);
            return new StratifiedCrossValidationResult<TMetrics>(evaluate(scored), model, scored, i);
        }).ToArray();

    /// <summary>The label of every row as a class code (classes in first-seen order of their text).</summary>
    internal static int[] LabelCodes(IDataView data, string labelColumn)
    {
        var codes = new Dictionary<string, int>();
        return LabelTexts(data, labelColumn).Select(t => codes.TryGetValue(t, out var c) ? c : codes[t] = codes.Count)
            .ToArray();
    }

    /// <summary>The label of every row as text: <c>True</c>/<c>False</c>,
    /// a key's value, the text, or the number.</summary>
    internal static List<string> LabelTexts(IDataView data, string labelColumn)
    {
        var column = data.Schema.GetColumnOrNull(labelColumn)
            ?? throw new DataException($"the data view has no column '{labelColumn}'; its columns are: " +
                $"{string.Join(", ", data.Schema.Select(c => c.Name))}");
        string[]? keyValues = null;
        if (column.Type is KeyDataViewType && column.HasKeyValues())
        {
            VBuffer<ReadOnlyMemory<char>> keys = default;
            column.GetKeyValues(ref keys);
            keyValues = keys.DenseValues().Select(k => k.ToString()).ToArray();
        }
        var texts = new List<string>();
        using var cursor = data.GetRowCursor([column]);
        Func<string> read = column.Type switch
        {
            BooleanDataViewType => Getter<bool>(cursor, column, b => b ? "True" : "False"),
            KeyDataViewType => Getter<uint>(cursor, column,
                k => keyValues is null || k == 0 ? k.ToString(CultureInfo.InvariantCulture) : keyValues[k - 1]),
            TextDataViewType => Getter<ReadOnlyMemory<char>>(cursor, column, t => t.ToString()),
            _ when column.Type.RawType == typeof(float) =>
                Getter<float>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when column.Type.RawType == typeof(double) =>
                Getter<double>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when column.Type.RawType == typeof(int) =>
                Getter<int>(cursor, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ => throw new DataException($"column '{labelColumn}' has type {column.Type}, which is not a class label"),
        };
        while (cursor.MoveNext()) texts.Add(read());
        return texts;
    }

    private static Func<string> Getter<T>(DataViewRowCursor cursor, DataViewSchema.Column column, Func<T, string> text)
    {
        var getter = cursor.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return text(value);
        };
    }
}
