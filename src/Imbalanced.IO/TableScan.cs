using System.Text;

namespace Imbalanced.Data;

/// <summary>
/// The <see cref="ImbalanceSummary"/> of a table file in one pass that holds one row at a time: class counts,
/// feature kinds and empty cells, with the rules and errors of <see cref="TableDataset.Build"/>. Memory grows with
/// the number of columns and classes, not rows, so a delimited file larger than memory can be inspected.
/// </summary>
/// <example>
/// <code>
/// var summary = TableScan.Summarize("transactions.csv", "fraud");
/// Console.WriteLine($"{summary.Rows} rows, ratio {summary.ImbalanceRatio:0.0}");
/// </code>
/// </example>
public static class TableScan
{
    /// <summary>Summarises the table in <paramref name="path"/> by its target column <paramref name="target"/>,
    /// leaving out the columns <paramref name="drop"/>. A Parquet file is read as <see cref="TableReader"/> reads
    /// it; delimited text is streamed.</summary>
    /// <exception cref="DataException">As <see cref="TableReader.Read"/> and <see cref="TableDataset.Build"/>: the
    /// file is missing or malformed, a column is missing, a label is empty, or a numeric column holds NaN or
    /// infinity.</exception>
    /// <example><c>ImbalanceSummary s = TableScan.Summarize("churn.csv", "churn", drop: ["customer_id"]);</c>
    /// </example>
    public static ImbalanceSummary Summarize(string path, string target, IReadOnlyCollection<string>? drop = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(target);
        TableReader.CheckFile(path);
        if (TableReader.IsParquetInput(path))
            return ImbalanceSummary.Of(TableDataset.Build(TableReader.Read(path), target, drop));
        var scan = Scan(path, target, drop);
        return ImbalanceSummary.Of(scan.Classes, scan.Counts, [.. scan.Roles.Numeric.Select(j => scan.Columns[j])],
            [.. scan.Roles.Categorical.Select(j => scan.Columns[j])], scan.Roles.Missing);
    }

    /// <summary>Reads the delimited table in <paramref name="path"/> once, one row at a time.</summary>
    /// <exception cref="DataException">As <see cref="Summarize"/>.</exception>
    internal static ScannedTable Scan(string path, string target, IReadOnlyCollection<string>? drop)
    {
        string[] columns = [];
        ColumnProfile[] profiles = [];
        var t = -1;
        var rows = 0;
        var firstNonFiniteLine = new Dictionary<int, int>();
        var labels = new TextCoder();
        var counts = new List<int>();
        var bytes = new byte[256];
        var chars = new char[256];
        var layout = DelimitedScanner.Scan(path, header =>
        {
            columns = header;
            t = ColumnRoles.Target(path, columns, target, drop);
            profiles = [.. columns.Select(_ => new ColumnProfile())];
        }, (csv, line) =>
        {
            for (var j = 0; j < columns.Length; j++)
            {
                var field = csv.GetFieldSpan(j);
                if (field.Length > bytes.Length) bytes = new byte[field.Length * 2];
                var cell = bytes.AsSpan(0, Encoding.Latin1.GetBytes(field, bytes));
                if (j == t)
                {
                    if (cell.IsEmpty) throw ColumnRoles.EmptyLabel(path, line, target);
                    var code = labels.Code(cell, chars);
                    if (code == counts.Count) counts.Add(0);
                    counts[code]++;
                    continue;
                }
                var profile = profiles[j];
                var hadNonFinite = profile.FirstNonFiniteRow >= 0;
                CellParser.ParseCell(cell, rows, profile);
                if (!hadNonFinite && profile.FirstNonFiniteRow >= 0) firstNonFiniteLine[rows] = line;
            }
            rows++;
        });
        if (rows == 0) throw new DataException($"{path}: the file has a header row but no data rows");
        var roles = ColumnRoles.Decide(path, columns, t, drop, j => profiles[j], row => firstNonFiniteLine[row]);
        var classes = ClassSet.FromDistinct(labels.Names);
        var classCounts = new int[classes.Count];
        for (var c = 0; c < labels.Names.Count; c++) classCounts[classes.IndexOf(labels.Names[c])] = counts[c];
        return new ScannedTable(path, columns, layout, t, roles, classes, classCounts, rows)
        {
            EmptyNumeric = [.. roles.Numeric.Select(j => profiles[j].EmptyCount)],
            EmptyCategorical = [.. roles.Categorical.Select(j => profiles[j].EmptyCount)],
        };
    }
}
