namespace Imbalanced.MLNet;

/// <summary>How a label column is typed in ML.NET.</summary>
/// <example>
/// <code>
/// var (data, shape) = DataViewConversion.ToDataset(view);
/// if (shape.Label == LabelKind.Key) Console.WriteLine($"{shape.KeyValues!.Count} classes");
/// </code>
/// </example>
public enum LabelKind
{
    /// <summary>A <c>Boolean</c> label (binary classification).</summary>
    /// <example>
    /// <code>
    /// var shape = new DataViewShape("Features", "Label", 30, null, LabelKind.Boolean, null);
    /// </code>
    /// </example>
    Boolean,
    /// <summary>A key label (multiclass classification).</summary>
    /// <example>
    /// <code>
    /// var shape = new DataViewShape("Features", "Label", 9, null, LabelKind.Key, ["1", "2", "3", "5", "6", "7"]);
    /// </code>
    /// </example>
    Key,
}
