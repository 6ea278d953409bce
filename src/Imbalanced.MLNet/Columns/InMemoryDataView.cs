using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Columns;

/// <summary>An <see cref="IDataView"/> of rows held in memory, one <see cref="ColumnValues"/> per column of its
/// schema.</summary>
internal sealed class InMemoryDataView(DataViewSchema schema, IReadOnlyList<ColumnValues> columns, int rowCount)
    : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => schema;

    public long? GetRowCount() => rowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n,
        Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(InMemoryDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private int _row = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _row;

        public override long Batch => 0;

        public override bool MoveNext() => ++_row < view.GetRowCount();

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
                throw new InvalidOperationException($"column '{column.Name}' was not asked for by the cursor");
            return view.ColumnGetter(column.Index, () => _row) as ValueGetter<TValue>
                ?? throw new InvalidOperationException(
                    $"column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);
    }

    private Delegate ColumnGetter(int column, Func<int> row) => columns[column].Getter(row);
}
