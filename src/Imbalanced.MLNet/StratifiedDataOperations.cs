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
/// <example>
/// <code>
/// var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2, seed: 1);
/// var folds = ml.BinaryClassification.StratifiedCrossValidate(split.TrainSet, pipeline, numberOfFolds: 5);
/// </code>
/// </example>
public static class StratifiedDataOperations
{
    /// <summary>A stratified train/test split on the label column (Boolean, key, text or number).</summary>
    /// <example>
    /// <code>
    /// var (train, test) = ml.Data.StratifiedTrainTestSplit(data, labelColumn: "Class", testFraction: 0.2, seed: 1);
    /// </code>
    /// </example>
    public static StratifiedTrainTestData StratifiedTrainTestSplit(this DataOperationsCatalog catalog, IDataView data,
        string labelColumn = "Label", double testFraction = 0.1, int seed = 0)
    {
        var split = StratifiedSplits.TrainTest(LabelCodes(data, labelColumn), testFraction, seed);
        return new StratifiedTrainTestData(new RowSubsetDataView(data, split.Train),
            new RowSubsetDataView(data, split.Test));
    }

    /// <summary>Stratified k-fold splits of a data view, as (train, test) pairs.</summary>
    /// <example>
    /// <code>
    /// foreach (var (train, test) in ml.Data.StratifiedFolds(data, numberOfFolds: 5, seed: 1))
    ///     Console.WriteLine(ml.BinaryClassification.Evaluate(pipeline.Fit(train).Transform(test)).F1Score);
    /// </code>
    /// </example>
    public static IReadOnlyList<StratifiedTrainTestData> StratifiedFolds(this DataOperationsCatalog catalog,
        IDataView data, string labelColumn = "Label", int numberOfFolds = 5, int seed = 0) =>
        StratifiedSplits.KFold(LabelCodes(data, labelColumn), numberOfFolds, true, seed)
            .Select(s => new StratifiedTrainTestData(new RowSubsetDataView(data, s.Train),
                new RowSubsetDataView(data, s.Test))).ToArray();

    /// <summary>Stratified cross-validation of a binary estimator (a trainer or a whole pipeline): the rows are
    /// split into folds stratified by <paramref name="stratificationColumn"/> of the raw data, the estimator is
    /// fitted on the other folds and each untouched fold is scored and evaluated on <paramref name="labelColumn"/>
    /// of the scored data. When the scored data has a <c>Probability</c> column (a calibrated trainer), each
    /// fold's metrics are ML.NET's <see cref="CalibratedBinaryClassificationMetrics"/> (log loss and more);
    /// otherwise the non-calibrated <see cref="BinaryClassificationMetrics"/>.</summary>
    /// <param name="catalog">The binary classification catalog, <c>ml.BinaryClassification</c>.</param>
    /// <param name="data">The raw data, before the estimator's transforms.</param>
    /// <param name="estimator">The estimator to fit on each training part.</param>
    /// <param name="numberOfFolds">How many folds.</param>
    /// <param name="labelColumn">The Boolean label column of the scored data, which the pipeline may make itself.
    /// </param>
    /// <param name="stratificationColumn">The column of the raw data whose classes every fold keeps in proportion
    /// (Boolean, key, text or number); <see langword="null"/> uses <paramref name="labelColumn"/>.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <returns>One result per fold.</returns>
    /// <example>
    /// A pipeline that makes its Boolean <c>Label</c> from a text column <c>Class</c>, stratified by that column:
    /// <code>
    /// var pipeline = ml.Transforms.Expression("Label", "c => c == \"fraud\"", "Class")
    ///     .Append(ml.Transforms.Concatenate("Features", "X1", "X2"))
    ///     .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
    /// var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5,
    ///     stratificationColumn: "Class");
    /// var logLoss = folds.Select(f => ((CalibratedBinaryClassificationMetrics)f.Metrics).LogLoss).Average();
    /// </code>
    /// </example>
    public static IReadOnlyList<StratifiedCrossValidationResult<BinaryClassificationMetrics>> StratifiedCrossValidate(
        this BinaryClassificationCatalog catalog, IDataView data, IEstimator<ITransformer> estimator,
        int numberOfFolds = 5, string labelColumn = "Label", string? stratificationColumn = null, int seed = 0) =>
        CrossValidate(data, estimator, numberOfFolds, labelColumn, stratificationColumn, seed,
            scored =>
            {
                RequireLabel(scored, labelColumn, "Boolean", t => t is BooleanDataViewType);
                return scored.Schema.GetColumnOrNull("Probability") is null
                    ? catalog.EvaluateNonCalibrated(scored, labelColumn)
                    : catalog.Evaluate(scored, labelColumn);
            });

    /// <summary>Stratified cross-validation of a binary estimator; the <paramref name="ml"/> argument is not needed
    /// any more.</summary>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="ml">Unused.</param>
    /// <param name="data">The data.</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="numberOfFolds">How many folds.</param>
    /// <param name="labelColumn">The label column, used both to stratify and to evaluate.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <returns>One result per fold.</returns>
    /// <example><code>
    /// var folds = ml.BinaryClassification.StratifiedCrossValidate(data, trainer, numberOfFolds: 5);
    /// </code></example>
    [Obsolete("Pass the MLContext once: ml.BinaryClassification.StratifiedCrossValidate(data, estimator, ...).")]
    public static IReadOnlyList<StratifiedCrossValidationResult<BinaryClassificationMetrics>> StratifiedCrossValidate(
        this BinaryClassificationCatalog catalog, MLContext ml, IDataView data, IEstimator<ITransformer> estimator,
        int numberOfFolds = 5, string labelColumn = "Label", int seed = 0) =>
        catalog.StratifiedCrossValidate(data, estimator, numberOfFolds, labelColumn, null, seed);

    /// <summary>Stratified cross-validation of a multiclass estimator (a trainer or a whole pipeline): the rows are
    /// split into folds stratified by <paramref name="stratificationColumn"/> of the raw data, the estimator is
    /// fitted on the other folds and each untouched fold is scored and evaluated on the key
    /// <paramref name="labelColumn"/> of the scored data.</summary>
    /// <param name="catalog">The multiclass classification catalog, <c>ml.MulticlassClassification</c>.</param>
    /// <param name="data">The raw data, before the estimator's transforms.</param>
    /// <param name="estimator">The estimator to fit on each training part.</param>
    /// <param name="numberOfFolds">How many folds.</param>
    /// <param name="labelColumn">The key label column of the scored data, which the pipeline may make itself (with
    /// <c>MapValueToKey</c>).</param>
    /// <param name="stratificationColumn">The column of the raw data whose classes every fold keeps in proportion
    /// (Boolean, key, text or number); <see langword="null"/> uses <paramref name="labelColumn"/>.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <returns>One result per fold.</returns>
    /// <example>
    /// <code>
    /// var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Class")
    ///     .Append(ml.Transforms.Concatenate("Features", "X1", "X2"))
    ///     .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
    /// var folds = ml.MulticlassClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5,
    ///     stratificationColumn: "Class");
    /// </code>
    /// </example>
    public static IReadOnlyList<StratifiedCrossValidationResult<MulticlassClassificationMetrics>>
        StratifiedCrossValidate(this MulticlassClassificationCatalog catalog, IDataView data,
        IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumn = "Label",
        string? stratificationColumn = null, int seed = 0) =>
        CrossValidate(data, estimator, numberOfFolds, labelColumn, stratificationColumn, seed,
            scored =>
            {
                RequireLabel(scored, labelColumn, "key", t => t is KeyDataViewType);
                return catalog.Evaluate(scored, labelColumn);
            });

    /// <summary>Stratified cross-validation of a multiclass estimator; the <paramref name="ml"/> argument is not
    /// needed any more.</summary>
    /// <param name="catalog">The multiclass classification catalog.</param>
    /// <param name="ml">Unused.</param>
    /// <param name="data">The data.</param>
    /// <param name="estimator">The estimator.</param>
    /// <param name="numberOfFolds">How many folds.</param>
    /// <param name="labelColumn">The label column, used both to stratify and to evaluate.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <returns>One result per fold.</returns>
    /// <example><code>
    /// var folds = ml.MulticlassClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5);
    /// </code></example>
    [Obsolete("Pass the MLContext once: ml.MulticlassClassification.StratifiedCrossValidate(data, estimator, ...).")]
    public static IReadOnlyList<StratifiedCrossValidationResult<MulticlassClassificationMetrics>>
        StratifiedCrossValidate(this MulticlassClassificationCatalog catalog, MLContext ml, IDataView data,
        IEstimator<ITransformer> estimator, int numberOfFolds = 5, string labelColumn = "Label", int seed = 0) =>
        catalog.StratifiedCrossValidate(data, estimator, numberOfFolds, labelColumn, null, seed);

    private static IReadOnlyList<StratifiedCrossValidationResult<TMetrics>> CrossValidate<TMetrics>(IDataView data,
        IEstimator<ITransformer> estimator, int numberOfFolds, string labelColumn, string? stratificationColumn,
        int seed, Func<IDataView, TMetrics> evaluate)
    {
        var stratifyBy = stratificationColumn ?? labelColumn;
        if (data.Schema.GetColumnOrNull(stratifyBy) is null)
            throw new DataException($"cannot stratify by column '{stratifyBy}': the data has no such column; " +
                $"its columns are: {Columns(data)}" + (stratificationColumn is null
                    ? ". If the pipeline makes the label itself, pass the raw column to stratify by as " +
                      "stratificationColumn"
                    : ""));
        var codes = LabelCodes(data, stratifyBy);
        return StratifiedSplits.KFold(codes, numberOfFolds, true, seed).Select((s, i) =>
        {
            var model = estimator.Fit(new RowSubsetDataView(data, s.Train));
            var scored = model.Transform(new RowSubsetDataView(data, s.Test));
            return new StratifiedCrossValidationResult<TMetrics>(evaluate(scored), model, scored, i);
        }).ToArray();
    }

    private static void RequireLabel(IDataView scored, string labelColumn, string kind,
        Func<DataViewType, bool> fits)
    {
        var column = scored.Schema.GetColumnOrNull(labelColumn)
            ?? throw new DataException($"cannot evaluate: the scored data has no label column '{labelColumn}'; " +
                $"its columns are: {Columns(scored)}");
        if (!fits(column.Type))
            throw new DataException($"cannot evaluate: the label column '{labelColumn}' of the scored data has " +
                $"type {column.Type}, but a {kind} label is needed; map it to one in the pipeline and stratify " +
                "by the raw column");
    }

    private static string Columns(IDataView data) =>
        string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name));

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
