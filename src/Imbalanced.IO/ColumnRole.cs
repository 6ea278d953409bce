namespace Imbalanced.Data;

/// <summary>The role of one table column in its <see cref="TableDataset"/>: its kind and, for a feature, its index
/// among the numeric or the categorical features of <see cref="TableDataset.Data"/> (-1 otherwise).</summary>
/// <param name="Kind">Target, dropped, numeric or categorical.</param>
/// <param name="Index">Index among the features of its kind, or -1.</param>
/// <example><code>if (table.Roles[j] is { Kind: ColumnKind.Numeric, Index: var k }) value = row[k];</code></example>
public readonly record struct ColumnRole(ColumnKind Kind, int Index);
