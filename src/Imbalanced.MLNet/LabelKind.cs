namespace Imbalanced.MLNet;

/// <summary>How a label column is typed in ML.NET.</summary>
public enum LabelKind
{
    /// <summary>A <c>Boolean</c> label (binary classification).</summary>
    Boolean,
    /// <summary>A key label (multiclass classification).</summary>
    Key,
}
