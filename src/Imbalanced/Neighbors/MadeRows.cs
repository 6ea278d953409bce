namespace Imbalanced.Neighbors;

/// <summary>Row <paramref name="row"/> of rows made on demand (an over-sampler's new rows, made from their
/// origins), returned in place when it is held somewhere or made in <paramref name="scratch"/> (as long as a row).
/// </summary>
internal delegate ReadOnlySpan<double> MadeRows(int row, Span<double> scratch);
