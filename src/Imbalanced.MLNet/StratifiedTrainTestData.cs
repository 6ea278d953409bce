using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>A train/test split of an <see cref="IDataView"/>,
/// with the members of ML.NET's <c>TrainTestData</c>.</summary>
/// <param name="TrainSet">Rows to train on.</param>
/// <param name="TestSet">Rows to test on.</param>
/// <example>
/// <code>
/// var (train, test) = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2, seed: 1);
/// var model = pipeline.Fit(train);
/// var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
/// </code>
/// </example>
public sealed record StratifiedTrainTestData(IDataView TrainSet, IDataView TestSet)
{
    /// <summary>Rows to train on.</summary>
    /// <example>
    /// <code>
    /// var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2);
    /// var model = pipeline.Fit(split.TrainSet);
    /// </code>
    /// </example>
    public IDataView TrainSet { get; init; } = TrainSet;

    /// <summary>Rows to test on.</summary>
    /// <example>
    /// <code>
    /// var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2);
    /// var metrics = ml.BinaryClassification.Evaluate(pipeline.Fit(split.TrainSet).Transform(split.TestSet));
    /// </code>
    /// </example>
    public IDataView TestSet { get; init; } = TestSet;
}
