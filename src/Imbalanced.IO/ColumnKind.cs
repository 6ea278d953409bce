namespace Imbalanced.Data;

/// <summary>What a column of a table read from a file is in its <see cref="TableDataset"/>.</summary>
public enum ColumnKind
{
    /// <summary>The target: the labels.</summary>
    Target,

    /// <summary>Left out of the features.</summary>
    Dropped,

    /// <summary>A numeric feature.</summary>
    Numeric,

    /// <summary>A categorical feature.</summary>
    Categorical,
}
