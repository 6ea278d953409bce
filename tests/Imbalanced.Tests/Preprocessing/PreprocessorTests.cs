using Imbalanced.Data;
using Imbalanced.Preprocessing;

namespace Imbalanced.Tests.Preprocessing;

public class PreprocessorTests
{
    private static readonly ClassSet Classes = ClassSet.FromDistinct(["a", "b"]);

    [Fact]
    public void Each_category_seen_in_training_becomes_a_zero_one_column_after_the_numeric_ones()
    {
        // x = 1.5 / 2.5 / 4; colour = red / blue / red among {red, blue, green} (green never seen)
        var train = new Dataset([1.5, 2.5, 4], ["x"], [0, 1, 0], ["colour"], [["red", "blue", "green"]], [0, 1, 0],
            Classes);

        var prep = Preprocessor.Fit(train);
        var encoded = prep.Encode(train);

        Assert.Equal(["x", "colour=red", "colour=blue"], encoded.NumericNames);
        Assert.Equal(0, encoded.CategoricalCount);
        Assert.Equal([1.5, 1, 0, 2.5, 0, 1, 4, 1, 0], encoded.NumericValues.ToArray());
        Assert.Equal(train.LabelCodes, encoded.LabelCodes);
    }

    [Fact]
    public void Beyond_max_categories_the_most_frequent_are_kept_in_their_order_and_the_others_encode_as_zeros()
    {
        // colour codes over {a, b, c, d}: a once, b three times, c three times, d twice.
        int[] codes = [1, 2, 0, 3, 1, 2, 3, 2, 1];
        var train = new Dataset(new double[9], ["x"], codes, ["colour"], [["a", "b", "c", "d"]], new int[9], Classes);

        var two = Preprocessor.Fit(train, maxCategories: 2);
        Assert.Equal(["x", "colour=b", "colour=c"], two.EncodedNames);
        var encoded = two.Encode(train).NumericValues.ToArray();
        Assert.Equal([0.0, 1, 0, 0, 0, 1, 0, 0, 0], encoded[..9]); // rows b, c, a
        Assert.Equal(["x", "colour=b", "colour=c", "colour=d"], Preprocessor.Fit(train, maxCategories: 3).EncodedNames);
        Assert.Equal(4, Preprocessor.Fit(train).Categories[0].Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => Preprocessor.Fit(train, maxCategories: 0));
    }

    [Fact]
    public void Beyond_max_categories_a_category_of_one_row_is_not_encoded()
    {
        // colour codes over {a, b, c, d}: a once, b three times, c once, d twice.
        int[] codes = [1, 0, 3, 1, 2, 3, 1];
        var train = new Dataset(new double[7], ["x"], codes, ["colour"], [["a", "b", "c", "d"]], new int[7], Classes);
        Assert.Equal(["x", "colour=b", "colour=d"], Preprocessor.Fit(train, maxCategories: 3).EncodedNames);
        Assert.Equal(["x", "colour=b"], Preprocessor.Fit(train, maxCategories: 1).EncodedNames);
        Assert.Equal(["x", "colour=a", "colour=b", "colour=c", "colour=d"],
            Preprocessor.Fit(train, maxCategories: 4).EncodedNames);
        // An identifier (one row each) beyond the limit: no column.
        var ids = new Dataset(new double[4], ["x"], [0, 1, 2, 3], ["id"], [["p", "q", "r", "s"]], new int[4], Classes);
        Assert.Equal(["x"], Preprocessor.Fit(ids, maxCategories: 3).EncodedNames);
    }

    [Fact]
    public void A_category_never_seen_in_training_encodes_as_zeros_and_categories_match_by_name()
    {
        var train = new Dataset([1.0, 2.0], ["x"], [0, 1], ["colour"], [["red", "blue"]], [0, 1], Classes);
        // another table's own category list: code 0 = "green" (unseen), code 1 = "red"
        var other = new Dataset([3.0, 4.0], ["x"], [0, 1], ["colour"], [["green", "red"]], [0, 0], Classes);

        var encoded = Preprocessor.Fit(train).Encode(other);

        Assert.Equal([3.0, 0, 0, 4.0, 1, 0], encoded.NumericValues.ToArray());
    }

    [Fact]
    public void Empty_numeric_cells_take_the_training_median_or_mean_and_none_leaves_them_empty()
    {
        var train = new Dataset([1, double.NaN, 2, 10], ["x"], [0, 1, 0, 1], Classes);
        var test = new Dataset([double.NaN, 5], ["x"], [0, 1], Classes);

        Assert.Equal([2.0, 5], Preprocessor.Fit(train, ImputationMethod.Median).Impute(test).NumericValues.ToArray());
        Assert.Equal([13.0 / 3, 5],
            Preprocessor.Fit(train, ImputationMethod.Mean).Impute(test).NumericValues.ToArray());
        Assert.True(double.IsNaN(Preprocessor.Fit(train, ImputationMethod.None).Impute(test).NumericValues.Span[0]));
    }

    [Fact]
    public void An_empty_categorical_cell_is_a_category_of_its_own()
    {
        var data = new Dataset([], [], [0, -1, 1, -1], ["colour"], [["red", "blue"]], [0, 1, 0, 1], Classes);

        var coded = Preprocessor.EmptyAsCategory(data);

        Assert.Equal(["red", "blue", Preprocessor.EmptyCategory], coded.Categories[0]);
        Assert.Equal([0, 2, 1, 2], coded.CategoricalCodes.ToArray());
        Assert.Equal(["colour=red", "colour=blue", "colour="], Preprocessor.Fit(coded).EncodedNames);
    }

    [Fact]
    public void Numeric_only_complete_data_is_returned_as_it_is()
    {
        var data = Dataset.FromRows([[1.0], [2.0]], ["a", "b"]);

        Assert.Same(data, Preprocessor.Fit(data).Transform(data));
    }
}
