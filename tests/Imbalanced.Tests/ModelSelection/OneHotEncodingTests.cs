using Imbalanced.Data;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.ModelSelection;

public class OneHotEncodingTests
{
    [Fact]
    public void Each_category_becomes_a_zero_one_column_after_the_numeric_ones_and_a_missing_one_stays_missing()
    {
        // Two rows: x = 1.5 / 2.5; colour = red / missing (code -1) among {red, blue}.
        var data = new Dataset([1.5, 2.5], ["x"], [0, -1], ["colour"], [["red", "blue"]], [0, 1],
            ClassSet.FromDistinct(["a", "b"]));

        var encoded = OneHotEncoding.Encode(data);

        Assert.Equal(["x", "colour=red", "colour=blue"], encoded.NumericNames);
        Assert.Equal(0, encoded.CategoricalCount);
        Assert.Equal([1.5, 1, 0], encoded.NumericRow(0).ToArray());
        Assert.Equal(2.5, encoded.NumericRow(1)[0]);
        Assert.True(double.IsNaN(encoded.NumericRow(1)[1]) && double.IsNaN(encoded.NumericRow(1)[2]));
        Assert.Equal(data.Labels, encoded.Labels);
    }

    [Fact]
    public void Numeric_only_data_is_returned_as_it_is()
    {
        var data = Dataset.FromRows([[1.0], [2.0]], ["a", "b"]);

        Assert.Same(data, OneHotEncoding.Encode(data));
    }
}
