using Imbalanced.Data;

namespace Imbalanced.Cli.Models;

/// <summary>The feature columns a model needs, read from a table to score: numbers (an empty cell is missing) and
/// categories (matched by text; an empty cell is the empty category).</summary>
internal static class FeatureTable
{
    /// <summary>The features of <paramref name="table"/> in <paramref name="features"/>' order, as a data set whose
    /// labels are all class 0 (unknown).</summary>
    /// <exception cref="DataException">A column is missing, a numeric one is not numeric, or holds a number that is
    /// not finite.</exception>
    public static Dataset Read(RawTable table, IReadOnlyList<FeatureColumn> features, ClassSet classes)
    {
        var n = table.RowCount;
        var numericColumns = features.Where(f => f.Categories is null).ToArray();
        var categoricalColumns = features.Where(f => f.Categories is not null).ToArray();
        var p = numericColumns.Length;
        var q = categoricalColumns.Length;
        var numeric = new double[n * p];
        for (var o = 0; o < p; o++)
        {
            var name = numericColumns[o].Name;
            var j = Column(table, name);
            if (!table.IsNumeric(j))
            {
                var bad = Enumerable.Range(0, n)
                    .First(i => !table.Utf8(i, j).IsEmpty && !NumberText.TryParse(table.Utf8(i, j), out _));
                throw new DataException($"{table.Path}: line {table.LineOf(bad)}, column '{name}': " +
                    $"'{table.Text(bad, j)}' is not a number, and the model was trained on numbers in this column");
            }
            for (var i = 0; i < n; i++)
            {
                if (table.Utf8(i, j).IsEmpty)
                {
                    numeric[i * p + o] = double.NaN;
                    continue;
                }
                var v = table.Number(i, j);
                if (!double.IsFinite(v))
                    throw new DataException($"{table.Path}: line {table.LineOf(i)}, column '{name}': " +
                        $"'{table.Text(i, j)}' is not a finite number");
                if (Math.Abs(v) > float.MaxValue)
                    throw new DataException($"{table.Path}: line {table.LineOf(i)}, column '{name}': " +
                        $"'{table.Text(i, j)}' is beyond the ±3.4e38 the model's ML.NET learner takes (single " +
                        "precision)");
                numeric[i * p + o] = v;
            }
        }
        var codes = new int[n * q];
        var categories = new IReadOnlyList<string>[q];
        for (var f = 0; f < q; f++)
        {
            var j = Column(table, categoricalColumns[f].Name);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                if (table.Utf8(i, j).IsEmpty)
                {
                    codes[i * q + f] = -1;
                    continue;
                }
                var text = table.Text(i, j);
                if (!seen.TryGetValue(text, out var code)) seen[text] = code = seen.Count;
                codes[i * q + f] = code;
            }
            categories[f] = seen.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        }
        return new Dataset(numeric, numericColumns.Select(c => c.Name).ToArray(), codes,
            categoricalColumns.Select(c => c.Name).ToArray(), categories, new int[n], classes);
    }

    private static int Column(RawTable table, string name)
    {
        var j = table.IndexOf(name);
        return j >= 0
            ? j
            : throw new DataException($"{table.Path}: the model needs column '{name}', which is missing");
    }
}
