namespace Imbalanced.Data;

/// <summary>The file format a table was read from, and so is written back in.</summary>
public enum TableFormat
{
    /// <summary>Delimited text with a header row.</summary>
    Delimited,
    /// <summary>Apache Parquet.</summary>
    Parquet,
}
