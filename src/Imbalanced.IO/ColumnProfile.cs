namespace Imbalanced.Data;

/// <summary>What was learnt about one column while parsing it:
/// numeric or not, empty cells, non-finite values.</summary>
internal sealed class ColumnProfile
{
    /// <summary>True when every non-empty cell parsed as a number.</summary>
    public bool IsNumeric { get; set; } = true;

    /// <summary>Number of empty cells.</summary>
    public int EmptyCount { get; set; }

    /// <summary>Data row of the first non-finite number (NaN, infinity), -1 when none.</summary>
    public int FirstNonFiniteRow { get; set; } = -1;

    /// <summary>The text of the first non-finite number.</summary>
    public string? FirstNonFiniteText { get; set; }

    /// <summary>Folds in the profile of a later range of rows of the same column.</summary>
    public void Merge(ColumnProfile later)
    {
        IsNumeric &= later.IsNumeric;
        EmptyCount += later.EmptyCount;
        if (FirstNonFiniteRow < 0 && later.FirstNonFiniteRow >= 0)
        {
            FirstNonFiniteRow = later.FirstNonFiniteRow;
            FirstNonFiniteText = later.FirstNonFiniteText;
        }
    }
}
