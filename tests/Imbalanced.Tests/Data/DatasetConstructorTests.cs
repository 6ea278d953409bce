using Imbalanced.Data;

namespace Imbalanced.Tests.Data;

public class DatasetConstructorTests
{
    [Fact]
    public void A_numeric_only_data_set_needs_no_categorical_arguments()
    {
        var (classes, codes) = ClassSet.Encode(["a", "b", "a"]);
        var data = new Dataset([1, 2, 3, 4, 5, 6], ["x", "y"], codes, classes);
        Assert.Equal((3, 2, 0), (data.RowCount, data.NumericCount, data.CategoricalCount));
        Assert.Equal([3.0, 4.0], data.NumericRow(1).ToArray());
        Assert.Equal("b", data.LabelOf(1));
        Assert.Throws<ArgumentException>(() => new Dataset([1, 2, 3], ["x", "y"], codes, classes));
    }

    [Fact]
    public void Callers_see_read_only_views_of_the_values()
    {
        var (classes, codes) = ClassSet.Encode(["a", "b", "a"]);
        var data = new Dataset([1, 2, 3, 4, 5, 6], ["x", "y"], codes, classes);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], data.NumericValues.ToArray());
        Assert.Equal([0, 1, 0], data.LabelCodes);
        Assert.True(data.CategoricalCodes.IsEmpty);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)data.LabelCodes)[0] = 1);
        Assert.Equal(0, data.LabelCodes[0]);
    }
}
