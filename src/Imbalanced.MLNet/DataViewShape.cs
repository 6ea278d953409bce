namespace Imbalanced.MLNet;

/// <summary>What must be known to turn a core <see cref="Data.Dataset"/> back into an ML.NET <c>IDataView</c> like
/// the one it came from: column names, vector size, slot names, label type and key values.</summary>
/// <param name="FeatureColumn">Name of the fixed-size <c>Single</c> vector feature column.</param>
/// <param name="LabelColumn">Name of the label column.</param>
/// <param name="FeatureSize">Length of the feature vector.</param>
/// <param name="SlotNames">Slot names of the feature vector, or null.</param>
/// <param name="Label">Boolean or key.</param>
/// <param name="KeyValues">Text of each key value (key 1 first), or null when the key column has none.</param>
/// <example>
/// <code>
/// var (data, shape) = DataViewConversion.ToDataset(view);
/// var resampled = new RandomUnderSampler().FitResample(data).ToDataset();
/// IDataView back = DataViewConversion.ToDataView(ml, resampled, shape); // same columns as view
/// var binary = new DataViewShape("Features", "Label", FeatureSize: 30, SlotNames: null, LabelKind.Boolean,
///     KeyValues: null);
/// </code>
/// </example>
public sealed record DataViewShape(string FeatureColumn, string LabelColumn, int FeatureSize,
    IReadOnlyList<string>? SlotNames, LabelKind Label, IReadOnlyList<string>? KeyValues)
{
    /// <summary>Name of the fixed-size <c>Single</c> vector feature column.</summary>
    /// <example>
    /// <code>
    /// var (data, shape) = DataViewConversion.ToDataset(view, featureColumn: "Features");
    /// Console.WriteLine(shape.FeatureColumn); // Features
    /// </code>
    /// </example>
    public string FeatureColumn { get; init; } = FeatureColumn;

    /// <summary>Name of the label column.</summary>
    /// <example>
    /// <code>
    /// var (data, shape) = DataViewConversion.ToDataset(view, labelColumn: "IsFraud");
    /// Console.WriteLine(shape.LabelColumn); // IsFraud
    /// </code>
    /// </example>
    public string LabelColumn { get; init; } = LabelColumn;

    /// <summary>Length of the feature vector.</summary>
    /// <example>
    /// <code>
    /// var (data, shape) = DataViewConversion.ToDataset(view);
    /// Console.WriteLine($"{shape.FeatureSize} features"); // the vector size of the Features column
    /// </code>
    /// </example>
    public int FeatureSize { get; init; } = FeatureSize;

    /// <summary>Slot names of the feature vector, or null.</summary>
    /// <example>
    /// <code>
    /// var (data, shape) = DataViewConversion.ToDataset(view);
    /// var names = shape.SlotNames ?? data.NumericNames; // the core names slots f0, f1, ... when there are none
    /// </code>
    /// </example>
    public IReadOnlyList<string>? SlotNames { get; init; } = SlotNames;

    /// <summary>Boolean or key.</summary>
    /// <example>
    /// <code>
    /// var (data, shape) = DataViewConversion.ToDataset(view);
    /// var task = shape.Label == LabelKind.Boolean ? "binary" : "multiclass";
    /// </code>
    /// </example>
    public LabelKind Label { get; init; } = Label;

    /// <summary>Text of each key value (key 1 first), or null when the key column has none.</summary>
    /// <example>
    /// <code>
    /// var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "Class").Fit(view).Transform(view);
    /// var (data, shape) = DataViewConversion.ToDataset(keyed);
    /// Console.WriteLine(string.Join(", ", shape.KeyValues!)); // the classes, in key order
    /// </code>
    /// </example>
    public IReadOnlyList<string>? KeyValues { get; init; } = KeyValues;
}
