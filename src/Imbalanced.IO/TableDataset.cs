namespace Imbalanced.Data;

/// <summary>
/// A <see cref="Dataset"/> built from a <see cref="RawTable"/> with the command line's rules: the target
/// column gives the labels, every other column not dropped is a feature, numeric when every non-empty value
/// parses as a number and categorical otherwise.
/// </summary>
public sealed class TableDataset
{
    private TableDataset(RawTable table, Dataset data, int targetColumn, ColumnRole[] roles,
        IReadOnlyList<KeyValuePair<string, int>> missing, RegressionDataset? regression = null)
    {
        Regression = regression;
        Table = table;
        Data = data;
        TargetColumn = targetColumn;
        Roles = roles;
        Missing = missing;
    }

    /// <summary>The table read from the file.</summary>
    public RawTable Table { get; }

    /// <summary>The data set of its features and labels.</summary>
    public Dataset Data { get; }

    /// <summary>Index of the target column in the table.</summary>
    public int TargetColumn { get; }

    /// <summary>For each table column: target, dropped, or a numeric or categorical feature and its index.</summary>
    public IReadOnlyList<ColumnRole> Roles { get; }

    /// <summary>Feature columns with empty cells, with the number of empty cells, in column order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Missing { get; }

    /// <summary>For a table built with <see cref="BuildRegression"/>: the features and the numeric target; else null.
    /// </summary>
    public RegressionDataset? Regression { get; }

    /// <summary>Builds a regression data set: the target column must hold a finite number in every row; the features
    /// are as <see cref="Build"/> makes them (<see cref="Data"/> holds them, under one class named after the target).
    /// </summary>
    /// <exception cref="DataException">A column is missing, a target cell is empty or not a finite number (naming its
    /// line), or a numeric feature holds NaN or infinity.</exception>
    /// <example><code>
    /// var table = TableDataset.BuildRegression(TableReader.Read("houses.csv"), "price");
    /// var result = new Smoter().FitResample(table.Regression!);
    /// </code></example>
    public static TableDataset BuildRegression(RawTable table, string target, IReadOnlyCollection<string>? drop = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var t = ColumnRoles.Target(table.Path, table.Columns, target, drop);
        var values = TargetNumbers(table, t);
        var built = BuildTable(table, target, drop, regression: true);
        var regression = new RegressionDataset(built.Data, values, table.Columns[t]);
        return new TableDataset(table, built.Data, built.TargetColumn, [.. built.Roles], built.Missing, regression);
    }

    /// <summary>The target column's numbers; an empty or non-numeric cell is an error naming its line.</summary>
    private static double[] TargetNumbers(RawTable table, int t)
    {
        var profile = table.Profile(t);
        var parsed = table.ParsedValues;
        var m = table.Columns.Count;
        var values = new double[table.RowCount];
        for (var i = 0; i < values.Length; i++)
        {
            var v = parsed[(long)i * m + t];
            if (double.IsFinite(v) && profile.IsNumeric)
            {
                values[i] = v;
                continue;
            }
            var text = table.Text(i, t);
            if (text.Length == 0)
                throw new DataException($"{table.Path}: line {table.LineOf(i)}: the target column " +
                    $"'{table.Columns[t]}' is empty; every row needs a number in a regression target");
            if (!NumberText.TryParse(text, out var number) || !double.IsFinite(number))
                throw new DataException($"{table.Path}: line {table.LineOf(i)}, column '{table.Columns[t]}': " +
                    $"'{text}' is not a finite number; a regression target must be numeric");
            values[i] = number;
        }
        return values;
    }

    /// <summary>Builds the data set; the table must have the target column and every dropped column.</summary>
    /// <exception cref="DataException">A column is missing, a label is
    /// empty, or a numeric column holds NaN or infinity.</exception>
    public static TableDataset Build(RawTable table, string target, IReadOnlyCollection<string>? drop = null) =>
        BuildTable(table, target, drop, regression: false);

    private static TableDataset BuildTable(RawTable table, string target, IReadOnlyCollection<string>? drop,
        bool regression)
    {
        var path = table.Path;
        var t = ColumnRoles.Target(path, table.Columns, target, drop);
        var decided = ColumnRoles.Decide(path, table.Columns, t, drop, table.Profile, table.LineOf);
        return BuildPart(table, t, decided, null, regression);
    }

    /// <summary>Builds the data set of a table whose column roles (and classes, when given) were decided on a larger
    /// table that holds it: every row of <paramref name="table"/> is a row of that table.</summary>
    /// <exception cref="DataException">A label is empty or is not one of <paramref name="classes"/>.</exception>
    internal static TableDataset BuildPart(RawTable table, int t, ColumnRoles decided, ClassSet? classes,
        bool regression = false)
    {
        var path = table.Path;
        var target = table.Columns[t];
        var roles = decided.Roles;
        var numericCols = decided.Numeric;
        var categoricalCols = decided.Categorical;
        var missing = decided.Missing;

        var n = table.RowCount;
        var p = numericCols.Length;
        var numeric = new double[n * p];
        var parsed = table.ParsedValues;
        var m = roles.Length;
        for (var i = 0; i < n; i++)
            for (var k = 0; k < p; k++) numeric[i * p + k] = parsed[(long)i * m + numericCols[k]];

        var q = categoricalCols.Length;
        var codes = new int[n * q];
        var labels = new int[n];
        List<string> labelNames;
        var categoryNames = new List<string>[q];
        if (regression)
        {
            // One class named after the target: the labels of a regression data set are not used.
            labelNames = [target];
            (_, categoryNames) = CodeText(table, -1, roles, codes, labels, q);
        }
        else if (table.ParquetColumns is { } columns)
        {
            labels = columns[t].Codes(out labelNames);
            var empty = Array.IndexOf(labels, -1);
            if (empty >= 0) throw ColumnRoles.EmptyLabel(path, table.LineOf(empty), target);
            for (var k = 0; k < q; k++)
            {
                var column = columns[categoricalCols[k]].Codes(out categoryNames[k]);
                for (var i = 0; i < n; i++) codes[i * q + k] = column[i];
            }
        }
        else (labelNames, categoryNames) = CodeText(table, t, roles, codes, labels, q);

        classes ??= ClassSet.FromDistinct(labelNames);
        var labelMap = labelNames.Select(classes.IndexOf).ToArray();
        if (Array.IndexOf(labelMap, -1) is var unknown and >= 0)
            throw new DataException($"{path}: label '{labelNames[unknown]}' of column '{target}' was not in the file " +
                "when it was first read; the file changed while it was being read");
        for (var i = 0; i < n; i++) labels[i] = labelMap[labels[i]];
        var categories = OrdinalCategories(categoryNames, codes);
        table.ReleaseParsedValues();
        var data = new Dataset(numeric, numericCols.Select(j => table.Columns[j]).ToArray(), codes,
            categoricalCols.Select(j => table.Columns[j]).ToArray(), categories, labels, classes);
        return new TableDataset(table, data, t, roles, missing);
    }

    /// <summary>Turns first-seen category codes (row-major, one column per feature) into ranks in ordinal order;
    /// returns each feature's categories in that order.</summary>
    internal static IReadOnlyList<string>[] OrdinalCategories(IReadOnlyList<List<string>> firstSeen, int[] codes)
    {
        var q = firstSeen.Count;
        var n = q == 0 ? 0 : codes.Length / q;
        var categories = new IReadOnlyList<string>[q];
        for (var k = 0; k < q; k++)
        {
            var sorted = firstSeen[k].ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            var rank = firstSeen[k].Select(s => Array.BinarySearch(sorted, s, StringComparer.Ordinal)).ToArray();
            for (var i = 0; i < n; i++)
            {
                ref var c = ref codes[i * q + k];
                if (c >= 0) c = rank[c];
            }
            categories[k] = sorted;
        }
        return categories;
    }

    /// <summary>Codes the labels and the categorical columns of a delimited table from its text, in one pass over
    /// the rows; returns the distinct texts of each in first-seen order.</summary>
    private static (List<string> Labels, List<string>[] Categories) CodeText(RawTable table, int t,
        ColumnRole[] roles, int[] codes, int[] labels, int q)
    {
        var coders = new TextCoder[q];
        for (var k = 0; k < q; k++) coders[k] = new TextCoder();
        var labelCoder = new TextCoder();
        var slot = new int[roles.Length];
        for (var j = 0; j < roles.Length; j++)
            slot[j] = roles[j] is { Kind: ColumnKind.Categorical } role ? role.Index : -1;
        Span<char> buffer = stackalloc char[256];
        for (var i = 0; i < table.RowCount; i++)
        {
            var fields = table.Fields(i);
            for (var j = 0; j < roles.Length; j++)
            {
                fields.MoveNext();
                if (j == t)
                {
                    if (fields.Current.IsEmpty)
                        throw ColumnRoles.EmptyLabel(table.Path, table.LineOf(i), table.Columns[t]);
                    labels[i] = labelCoder.Code(fields.Current, buffer);
                }
                else if (slot[j] >= 0)
                {
                    codes[i * q + slot[j]] = fields.Current.IsEmpty ? -1 : coders[slot[j]].Code(fields.Current, buffer);
                }
            }
        }
        return (labelCoder.Names, [.. coders.Select(c => c.Names)]);
    }

}
