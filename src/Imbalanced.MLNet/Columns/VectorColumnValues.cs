using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Columns;

/// <summary>One dense vector of <typeparamref name="T"/> per row, copied into the caller's buffer.</summary>
internal sealed class VectorColumnValues<T>(T[][] rows) : ColumnValues
{
    public override Delegate Getter(Func<int> row) => new ValueGetter<VBuffer<T>>((ref VBuffer<T> value) =>
    {
        var source = rows[row()];
        var editor = VBufferEditor.Create(ref value, source.Length);
        source.CopyTo(editor.Values);
        value = editor.Commit();
    });
}
