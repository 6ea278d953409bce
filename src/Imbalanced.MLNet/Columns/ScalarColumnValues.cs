using Microsoft.ML;

namespace Imbalanced.MLNet.Columns;

/// <summary>One scalar value of type <typeparamref name="T"/> per row.</summary>
internal sealed class ScalarColumnValues<T>(T[] values) : ColumnValues
{
    public override Delegate Getter(Func<int> row) => new ValueGetter<T>((ref T value) => value = values[row()]);
}
