using Parquet;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>
/// The index column a resampled Parquet file gains: each kept row's input row number, null on every added row (a
/// synthetic row, or a copy of an input row that random over-sampling added). Written only: it is read from no
/// file.
/// </summary>
internal sealed class ParquetIndexColumn(DataField field, int keptRows) : ParquetColumn(field)
{
    public override bool IsNumeric => true;

    /// <summary>Output rows before <c>keptRows</c> are the kept ones, in order: their <c>sources</c> entry is their
    /// input row; the rows after are added.</summary>
    public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int[] sources, int start,
        int count, SyntheticValues synthetic)
    {
        var buffer = new int?[count];
        for (var r = 0; r < count && start + r < keptRows; r++) buffer[r] = sources[start + r];
        return group.WriteAsync<int>(field, (ReadOnlyMemory<int?>)buffer);
    }

    public override ValueTask ReadAsync(ParquetRowGroupReader group, int offset, int count) =>
        throw new NotSupportedException("the index column is written, never read");

    public override bool IsMissing(int row) => throw new NotSupportedException("the index column is written only");

    public override string Text(int row) => throw new NotSupportedException("the index column is written only");

    public override void Profile(int start, int end, double[] values, int stride, int column,
        ColumnProfile profile) => throw new NotSupportedException("the index column is written only");

    public override int[] Codes(out List<string> names) =>
        throw new NotSupportedException("the index column is written only");
}
