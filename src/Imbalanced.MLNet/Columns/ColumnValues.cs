namespace Imbalanced.MLNet.Columns;

/// <summary>The values of one column of an <see cref="InMemoryDataView"/>.</summary>
internal abstract class ColumnValues
{
    /// <summary>A getter (a <c>ValueGetter</c> of the column's type) of the value in row
    /// <paramref name="row"/>().</summary>
    public abstract Delegate Getter(Func<int> row);
}
