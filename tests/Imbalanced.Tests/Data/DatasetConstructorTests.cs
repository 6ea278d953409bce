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
}
