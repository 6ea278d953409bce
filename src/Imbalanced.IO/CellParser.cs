using System.Text;

namespace Imbalanced.Data;

/// <summary>
/// Parses every cell of a <see cref="TextArena"/> as a number, in parallel over ranges of rows, into a
/// row-major matrix (NaN where a cell is empty or not a number) and one <see cref="ColumnProfile"/> per column.
/// </summary>
internal static class CellParser
{
    private const int RowsPerRange = 8192;

    public static (double[] Values, ColumnProfile[] Profiles) Parse(TextArena text, int columns)
    {
        var n = text.RowCount;
        var values = new double[(long)n * columns];
        var ranges = (n + RowsPerRange - 1) / RowsPerRange;
        var partial = new ColumnProfile[ranges][];
        Parallel.For(0, ranges, r =>
        {
            var profiles = new ColumnProfile[columns];
            for (var j = 0; j < columns; j++) profiles[j] = new ColumnProfile();
            var end = Math.Min(n, (r + 1) * RowsPerRange);
            for (var i = r * RowsPerRange; i < end; i++)
            {
                var fields = text.Fields(i);
                for (var j = 0; j < columns; j++)
                {
                    fields.MoveNext();
                    values[(long)i * columns + j] = ParseCell(fields.Current, i, profiles[j]);
                }
            }
            partial[r] = profiles;
        });
        var merged = new ColumnProfile[columns];
        for (var j = 0; j < columns; j++)
        {
            merged[j] = new ColumnProfile();
            for (var r = 0; r < ranges; r++) merged[j].Merge(partial[r][j]);
        }
        return (values, merged);
    }

    /// <summary>Parses one cell into its column's profile; NaN when it is empty or not a number.</summary>
    internal static double ParseCell(ReadOnlySpan<byte> cell, int row, ColumnProfile profile)
    {
        if (cell.IsEmpty)
        {
            profile.EmptyCount++;
            return double.NaN;
        }
        if (!profile.IsNumeric) return double.NaN;
        if (!NumberText.TryParse(cell, out var v))
        {
            profile.IsNumeric = false;
            return double.NaN;
        }
        if (!double.IsFinite(v) && profile.FirstNonFiniteRow < 0)
        {
            profile.FirstNonFiniteRow = row;
            profile.FirstNonFiniteText = Encoding.UTF8.GetString(cell);
        }
        return v;
    }
}
