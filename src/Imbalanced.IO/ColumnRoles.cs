namespace Imbalanced.Data;

/// <summary>The command line's column rules, shared by <see cref="TableDataset"/> and <see cref="TableScan"/>: the
/// target column gives the labels, every other column not dropped is a feature, numeric when every non-empty value
/// parses as a finite number and categorical otherwise.</summary>
internal sealed class ColumnRoles
{
    private ColumnRoles(ColumnRole[] roles, int[] numeric, int[] categorical,
        IReadOnlyList<KeyValuePair<string, int>> missing)
    {
        Roles = roles;
        Numeric = numeric;
        Categorical = categorical;
        Missing = missing;
    }

    /// <summary>The role of every column.</summary>
    public ColumnRole[] Roles { get; }

    /// <summary>The numeric feature columns, in column order.</summary>
    public int[] Numeric { get; }

    /// <summary>The categorical feature columns, in column order.</summary>
    public int[] Categorical { get; }

    /// <summary>Feature columns with empty cells and their number of empty cells, in column order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Missing { get; }

    /// <summary>Index of the target column, once the header is known.</summary>
    /// <exception cref="DataException">The target or a dropped column does not exist, or the target is dropped.
    /// </exception>
    public static int Target(string path, IReadOnlyList<string> columns, string target,
        IReadOnlyCollection<string>? drop)
    {
        var t = IndexOf(columns, target);
        if (t < 0)
            throw new DataException($"{path}: no column named '{target}' for the target; the columns are: " +
                $"{string.Join(", ", columns)}");
        foreach (var d in drop ?? [])
        {
            var j = IndexOf(columns, d);
            if (j < 0)
                throw new DataException($"{path}: no column named '{d}' to drop; the columns are: " +
                    $"{string.Join(", ", columns)}");
            if (j == t) throw new DataException($"{path}: cannot drop the target column '{d}'");
        }
        return t;
    }

    /// <summary>The roles, once every column's profile is known.</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="columns">The column names.</param>
    /// <param name="target">The target column's index (<see cref="Target"/>).</param>
    /// <param name="drop">Names of the columns to leave out.</param>
    /// <param name="profile">What was learnt about each column.</param>
    /// <param name="lineOf">The line of a data row (for the first non-finite number of a column).</param>
    /// <exception cref="DataException">A numeric column holds NaN or infinity.</exception>
    public static ColumnRoles Decide(string path, IReadOnlyList<string> columns, int target,
        IReadOnlyCollection<string>? drop, Func<int, ColumnProfile> profile, Func<int, int> lineOf)
    {
        var roles = new ColumnRole?[columns.Count];
        foreach (var d in drop ?? []) roles[IndexOf(columns, d)] = new ColumnRole(ColumnKind.Dropped, -1);
        roles[target] = new ColumnRole(ColumnKind.Target, -1);
        var numeric = new List<int>();
        var categorical = new List<int>();
        var missing = new List<KeyValuePair<string, int>>();
        for (var j = 0; j < roles.Length; j++)
        {
            if (roles[j] is not null) continue;
            var p = profile(j);
            if (p.IsNumeric)
            {
                if (p.FirstNonFiniteRow >= 0)
                    throw new DataException($"{path}: line {lineOf(p.FirstNonFiniteRow)}, column '{columns[j]}': " +
                        $"'{p.FirstNonFiniteText}' is not a finite number; remove or replace NaN and infinite values");
                roles[j] = new ColumnRole(ColumnKind.Numeric, numeric.Count);
                numeric.Add(j);
            }
            else
            {
                roles[j] = new ColumnRole(ColumnKind.Categorical, categorical.Count);
                categorical.Add(j);
            }
            if (p.EmptyCount > 0) missing.Add(new(columns[j], p.EmptyCount));
        }
        return new ColumnRoles([.. roles.Select(r => r!.Value)], [.. numeric], [.. categorical], missing);
    }

    /// <summary>The error for a data row without a label.</summary>
    public static DataException EmptyLabel(string path, int line, string target) =>
        new($"{path}: line {line}: the target column '{target}' is empty; every row needs a label");

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var j = 0; j < columns.Count; j++)
            if (columns[j] == name) return j;
        return -1;
    }
}
