namespace Imbalanced.MLNet;

/// <summary>What must be known to turn a core <see cref="Data.Dataset"/> back into an ML.NET <c>IDataView</c> like
/// the one it came from: column names, vector size, slot names, label type and key values.</summary>
/// <param name="FeatureColumn">Name of the fixed-size <c>Single</c> vector feature column.</param>
/// <param name="LabelColumn">Name of the label column.</param>
/// <param name="FeatureSize">Length of the feature vector.</param>
/// <param name="SlotNames">Slot names of the feature vector, or null.</param>
/// <param name="Label">Boolean or key.</param>
/// <param name="KeyValues">Text of each key value (key 1 first), or null when the key column has none.</param>
public sealed record DataViewShape(string FeatureColumn, string LabelColumn, int FeatureSize,
    IReadOnlyList<string>? SlotNames, LabelKind Label, IReadOnlyList<string>? KeyValues);
