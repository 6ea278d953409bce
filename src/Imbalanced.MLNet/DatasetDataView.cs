using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// An in-memory <see cref="IDataView"/> of a fixed-size <c>Single</c> feature vector, a Boolean or key label and an
/// optional <c>Single</c> weight, read straight from arrays. It replaces <c>LoadFromEnumerable</c>, which emits and
/// later finalises dynamic methods for every view it builds (in the comparison workflow, a third of the process's CPU
/// went to that finaliser). Like the view <c>LoadFromEnumerable</c> builds of a list, it cannot shuffle: rows always
/// come in order, so every trainer reads them as it did before.
/// </summary>
internal sealed class DatasetDataView : IDataView
{
    private readonly float[] _features;
    private readonly int _size;
    private readonly bool[]? _booleans;
    private readonly uint[]? _keys;
    private readonly float[]? _weights;
    private readonly int _rows;

    /// <summary>A view of <paramref name="rows"/> rows: <paramref name="features"/> row-major, <paramref name="size"/>
    /// per row; exactly one of <paramref name="booleans"/> and <paramref name="keys"/> (1-based, 0 missing) holds the
    /// labels; <paramref name="weights"/> is null for none. The schema's columns are in that order.</summary>
    public DatasetDataView(DataViewSchema schema, int rows, float[] features, int size, bool[]? booleans,
        uint[]? keys, float[]? weights)
    {
        Schema = schema;
        _rows = rows;
        _features = features;
        _size = size;
        _booleans = booleans;
        _keys = keys;
        _weights = weights;
    }

    /// <inheritdoc/>
    public bool CanShuffle => false;

    /// <inheritdoc/>
    public DataViewSchema Schema { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => _rows;

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded) active[column.Index] = true;
        return new Cursor(this, active);
    }

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n,
        Random? rand = null) => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(DatasetDataView view, bool[] active) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        private int Row => (int)_position;

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rows)
            {
                _position = view._rows;
                return false;
            }
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => active[column.Index];

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)Row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!active[column.Index])
                throw new InvalidOperationException($"column '{column.Name}' is not active in this cursor");
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<VBuffer<float>>)Features,
                1 when view._booleans is { } b => (ValueGetter<bool>)((ref bool value) => value = b[Row]),
                1 => (ValueGetter<uint>)((ref uint value) => value = view._keys![Row]),
                _ => (ValueGetter<float>)((ref float value) => value = view._weights![Row]),
            };
            return getter as ValueGetter<TValue> ?? throw new InvalidOperationException(
                $"column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}");
        }

        private void Features(ref VBuffer<float> value)
        {
            var editor = VBufferEditor.Create(ref value, view._size);
            view._features.AsSpan(Row * view._size, view._size).CopyTo(editor.Values);
            value = editor.Commit();
        }
    }
}
