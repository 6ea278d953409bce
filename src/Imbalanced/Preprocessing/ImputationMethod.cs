namespace Imbalanced.Preprocessing;

/// <summary>What fills an empty numeric cell, fitted on the training part only (a categorical empty cell is always a
/// category of its own).</summary>
public enum ImputationMethod
{
    /// <summary>The column's median in the training part (scikit-learn's <c>SimpleImputer(strategy="median")</c>).
    /// </summary>
    Median,

    /// <summary>The column's mean in the training part.</summary>
    Mean,

    /// <summary>Left empty (NaN), for learners that take missing values (the tree learners).</summary>
    None,
}
