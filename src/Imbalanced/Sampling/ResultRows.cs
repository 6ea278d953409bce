using Imbalanced.Trees;

namespace Imbalanced.Sampling;

/// <summary>
/// The output rows of a <see cref="ResampleResult"/> (kept input rows first, then added rows) read in place: a kept
/// row from the input, an added row from the input too when the result makes its rows on demand (made from the
/// row's base, neighbour and gap into a caller's buffer, the values <see cref="ResampleResult.ToDataset"/> would
/// hold). A filter reads
/// SMOTE's output through it without the union of input and new rows ever being made.
/// </summary>
internal readonly struct ResultRows(ResampleResult result) : ITreeRows
{
    /// <inheritdoc />
    public int RowCount { get; } = result.RowCount;

    /// <inheritdoc />
    public int FeatureCount { get; } = result.Input.NumericCount;

    /// <inheritdoc />
    public int ClassCount { get; } = result.Input.Classes.Count;

    /// <inheritdoc />
    public int Label(int row) => result.LabelOf(row);

    /// <inheritdoc />
    public ReadOnlySpan<double> Row(int row, Span<double> scratch) => result.OutputRow(row, scratch);
}
