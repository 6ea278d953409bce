using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// A fitted transformer's output over a source view, read one row at a time through the transformer's row mapper on
/// the reading thread. <c>Transform</c>'s views split every cursor across ML.NET's background threads and merge the
/// parts again, which on tables of thousands of rows costs more than the transformation itself.
/// </summary>
internal sealed class MappedDataView(IDataView source, IRowToRowMapper mapper) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => mapper.OutputSchema;

    public long? GetRowCount() => source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var columns = columnsNeeded.ToArray();
        var input = source.GetRowCursor(mapper.GetDependencies(columns));
        return new Cursor(input, mapper.GetRow(input, columns));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n,
        Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(DataViewRowCursor input, DataViewRow row) : DataViewRowCursor
    {
        public override DataViewSchema Schema => row.Schema;

        public override long Position => input.Position;

        public override long Batch => input.Batch;

        public override bool MoveNext() => input.MoveNext();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            row.GetGetter<TValue>(column);

        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                row.Dispose();
                input.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
