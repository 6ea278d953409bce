using Sylvan.Data.Csv;

namespace Imbalanced.Data;

/// <summary>Counts, while a table streams past, the rows of each class that have each category of each categorical
/// feature: what SMOTEN's value-difference metric learns from the whole table
/// (<see cref="Imbalanced.Sampling.WholeTable.CategoryCounts"/>), gathered without holding the rows.</summary>
internal sealed class CategoryCounts(ScannedTable scan)
{
    private readonly TextCoder[] _coders = [.. scan.Roles.Categorical.Select(_ => new TextCoder())];
    private readonly List<int[]>[] _counts = [.. scan.Roles.Categorical.Select(_ => new List<int[]>())];
    private byte[] _bytes = new byte[256];
    private readonly char[] _chars = new char[256];

    /// <summary>Counts the categories of the current row of <paramref name="csv"/>, of class
    /// <paramref name="classCode"/>; an empty cell is not counted.</summary>
    public void Add(int classCode, CsvDataReader csv)
    {
        var columns = scan.Roles.Categorical;
        for (var f = 0; f < columns.Length; f++)
        {
            var cell = StreamingResample.Bytes(csv.GetFieldSpan(columns[f]), ref _bytes);
            if (cell.IsEmpty) continue;
            var code = _coders[f].Code(cell, _chars);
            if (code == _counts[f].Count) _counts[f].Add(new int[scan.Counts.Length]);
            _counts[f][code][classCode]++;
        }
    }

    /// <summary>The counts of each feature, by category text.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, int[]>> ByText() =>
    [
        .. _coders.Select(IReadOnlyDictionary<string, int[]> (coder, f) =>
            coder.Names.Select((name, code) => (name, code)).ToDictionary(e => e.name, e => _counts[f][e.code],
                StringComparer.Ordinal)),
    ];
}
