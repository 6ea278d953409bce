namespace Imbalanced.Data;

/// <summary>What one streaming pass over a delimited table learns (<see cref="TableScan.Scan"/>): its columns and
/// delimiter, every column's role, the classes and their counts, and the empty cells of every feature.</summary>
/// <param name="Path">The file.</param>
/// <param name="Columns">Column names in file order.</param>
/// <param name="Layout">The detected delimiter, line break and byte order mark.</param>
/// <param name="Target">Index of the target column.</param>
/// <param name="Roles">The role of every column.</param>
/// <param name="Classes">The classes in class order.</param>
/// <param name="Counts">Rows of each class, by class code.</param>
/// <param name="Rows">Number of data rows.</param>
internal sealed record ScannedTable(string Path, string[] Columns, TextLayout Layout, int Target, ColumnRoles Roles,
    ClassSet Classes, int[] Counts, int Rows)
{
    /// <summary>Empty cells of each numeric feature, in feature order.</summary>
    public required int[] EmptyNumeric { get; init; }

    /// <summary>Empty cells of each categorical feature, in feature order.</summary>
    public required int[] EmptyCategorical { get; init; }
}
