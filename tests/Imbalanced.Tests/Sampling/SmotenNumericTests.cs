using System.Globalization;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>SMOTEN treats every feature as categorical, numeric (integer-coded) columns too, as imbalanced-learn's
/// SMOTEN does; SMOTE-NC suggests SMOTEN for all-categorical data only where SMOTEN takes it.</summary>
public class SmotenNumericTests
{
    [Fact]
    public void Integer_coded_columns_are_categories_and_the_rows_equal_imbalanced_learns()
    {
        // Class 'rare' has 6 rows and k_neighbors = 5: every new row is the class's per-feature mode, in
        // imbalanced-learn too (random draws aside), so its synthetic rows are a deterministic golden answer.
        var g = Fixtures.Golden("smoten_coded");
        var data = Fixtures.Load("smoten_coded.csv", "y").Data;
        Assert.Equal(["grade", "zone"], data.NumericNames);
        var result = new Smoten(new SmotenOptions { Seed = 3 }).FitResample(data);
        var counts = result.ClassCounts();
        foreach (var kv in g.GetProperty("counts_after").EnumerateObject())
            Assert.Equal(kv.Value.GetInt32(), counts[data.Classes.IndexOf(kv.Name)]);
        var expected = g.GetProperty("synthetic").EnumerateArray()
            .Select(r => string.Join(",", r.EnumerateArray().Select(v => v.GetString()))).ToArray();
        var added = result.Added;
        string Text(double v) => v.ToString(CultureInfo.InvariantCulture);
        var actual = Enumerable.Range(0, added.RowCount).Select(i => string.Join(",", Text(added.NumericRow(i)[0]),
            Text(added.NumericRow(i)[1]), added.Categories[0][added.CategoricalRow(i)[0]])).ToArray();
        // grade ties 9 and 10 (two rows each): the smallest value wins, not the first in string order ("10").
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_synthetic_value_is_always_one_its_class_has()
    {
        var data = Fixtures.Load("smoten_coded.csv", "y").Data;
        var options = new SmotenOptions { KNeighbors = 2, Seed = 5, Strategy = SamplingStrategy.Parse("rare=40") };
        var result = new Smoten(options).FitResample(data);
        var rare = data.RowsOfClass(data.Classes.IndexOf("rare"));
        Assert.Equal(34, result.SyntheticCount);
        for (var j = 0; j < data.NumericCount; j++)
        {
            var values = rare.Select(r => data.NumericRow(r)[j]).ToHashSet();
            for (var i = 0; i < result.SyntheticCount; i++) Assert.Contains(result.Added.NumericRow(i)[j], values);
        }
        // Not all the same row: with two neighbours the seeds' neighbourhoods differ.
        var grades = Enumerable.Range(0, result.SyntheticCount).Select(i => result.Added.NumericRow(i)[0]);
        Assert.True(grades.Distinct().Count() > 1);
    }

    [Fact]
    public void Smote_nc_suggests_smoten_for_all_categorical_data_only_where_smoten_takes_it()
    {
        var data = Fixtures.Load("smoten_coded.csv", "y").Data;
        var all = new SmoteNcOptions { CategoricalFeatures = ["grade", "zone", "colour"] };
        var refusal = Assert.Throws<DataException>(() => new SmoteNc(all).FitResample(data)).Message;
        Assert.Contains("use smoten", refusal);
        Assert.Equal(14, new Smoten().FitResample(data).SyntheticCount);

        // Six 'rare' rows are too few for six neighbours: SMOTEN would refuse too, so it is not suggested.
        var six = all with { KNeighbors = 6 };
        var tooFew = Assert.Throws<DataException>(() => new SmoteNc(six).FitResample(data)).Message;
        Assert.DoesNotContain("use smoten", tooFew);
        Assert.Contains("'rare'", tooFew);
        Assert.Throws<DataException>(() => new Smoten(new SmotenOptions { KNeighbors = 6 }).FitResample(data));

        // An empty cell: SMOTEN refuses it as well.
        var numeric = data.Numeric.Select((v, i) => i == 2 ? double.NaN : v).ToArray();
        var withEmpty = data.WithRows(numeric, data.Categorical, data.Labels);
        var empty = Assert.Throws<DataException>(() => new SmoteNc(all).FitResample(withEmpty)).Message;
        Assert.DoesNotContain("use smoten", empty);
        Assert.Contains("'grade'", empty);
    }
}
