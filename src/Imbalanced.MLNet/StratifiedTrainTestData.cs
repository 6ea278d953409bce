using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>A train/test split of an <see cref="IDataView"/>,
/// with the members of ML.NET's <c>TrainTestData</c>.</summary>
/// <param name="TrainSet">Rows to train on.</param>
/// <param name="TestSet">Rows to test on.</param>
public sealed record StratifiedTrainTestData(IDataView TrainSet, IDataView TestSet);
