namespace Imbalanced.Data;

/// <summary>What was learnt about one column while reading it: numeric or not, empty cells, non-finite values.</summary>
internal sealed class ColumnProfile(int capacity)
{
    /// <summary>Parsed values while the column is still numeric (NaN for empty cells); null once a non-number is seen.</summary>
    public double[]? Values { get; private set; } = new double[Math.Max(capacity, 16)];

    /// <summary>Number of empty cells.</summary>
    public int EmptyCount { get; private set; }

    /// <summary>1-based line of the first non-finite number (NaN, infinity), 0 when none.</summary>
    public int FirstNonFiniteLine { get; private set; }

    /// <summary>The text of the first non-finite number.</summary>
    public string? FirstNonFiniteText { get; private set; }

    /// <summary>True when every non-empty cell parsed as a number.</summary>
    public bool IsNumeric => Values is not null;

    public void Add(int row, ReadOnlySpan<char> text, int line)
    {
        if (text.IsEmpty) EmptyCount++;
        if (Values is null) return;
        if (row >= Values.Length)
        {
            var bigger = Values;
            Array.Resize(ref bigger, Values.Length * 2);
            Values = bigger;
        }
        if (text.IsEmpty) { Values[row] = double.NaN; return; }
        if (!NumberText.TryParse(text, out var v)) { Values = null; return; }
        if (!double.IsFinite(v) && FirstNonFiniteLine == 0)
        {
            FirstNonFiniteLine = line;
            FirstNonFiniteText = text.ToString();
        }
        Values[row] = v;
    }

    /// <summary>Drops the parsed values once they have been copied out; the column stays known as numeric.</summary>
    public void Release() { if (Values is not null) Values = []; }

    /// <summary>Marks the column as not numeric (for example a Parquet string column).</summary>
    public void MarkNonNumeric() => Values = null;
}
