using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;
using Imbalanced.Trees;

namespace Imbalanced.Tests.Sampling;

public class ResultRowsTests
{
    /// <summary>SMOTE's result (new rows made on demand), the same cut down by a keep list that drops input and new
    /// rows, and a result holding its new rows: read in place, every row and label is the one the materialised data
    /// set holds, bit for bit.</summary>
    [Fact]
    public void Rows_read_in_place_are_the_rows_of_the_materialised_data_set()
    {
        var data = TestData.Blobs([40, 9], ["big", "small"]);
        var made = new Smote(new() { KNeighbors = 3, Seed = 4 }).FitResample(data);
        var n = data.RowCount;
        var cut = made.KeepOutputRows(
            Enumerable.Range(0, made.RowCount).Where(i => i % 5 != 1).ToArray());
        var held = new ResampleResult(data, [.. made.KeptInputRows], made.Added, [.. made.AddedRowOrigins]);
        foreach (var result in new[] { made, cut, held })
        {
            var rows = new ResultRows(result);
            var values = new double[rows.RowCount * rows.FeatureCount];
            var labels = new int[rows.RowCount];
            var scratch = new double[rows.FeatureCount];
            for (var r = 0; r < rows.RowCount; r++)
            {
                labels[r] = rows.Label(r);
                rows.Row(r, scratch).CopyTo(values.AsSpan(r * rows.FeatureCount, rows.FeatureCount));
            }
            var expected = result.ToDataset();
            Assert.Equal(expected.RowCount, rows.RowCount);
            Assert.Equal(expected.Numeric, values);
            Assert.Equal(expected.Labels, labels);
            Assert.Equal(data.Classes.Count, rows.ClassCount);
        }
        Assert.True(cut.RowCount < made.RowCount && cut.KeptInputRows.Count < n);
    }

    /// <summary>The points a combined sampler's cleaning indexes (<c>CombinedRows</c>: the input's rows in place, the
    /// new rows made as they are read, through a map when the result keeps only some input rows) are the rows and
    /// labels of the materialised data set, bit for bit.</summary>
    [Fact]
    public void Points_read_without_the_union_are_the_rows_of_the_materialised_data_set()
    {
        var data = TestData.Blobs([40, 9], ["big", "small"]);
        var made = new Smote(new() { KNeighbors = 3, Seed = 4 }).FitResample(data);
        var cut = made.KeepOutputRows(Enumerable.Range(0, made.RowCount).Where(i => i % 5 != 1).ToArray());
        var held = new ResampleResult(data, [.. made.KeptInputRows], made.Added, [.. made.AddedRowOrigins]);
        foreach (var result in new[] { made, cut, held })
        {
            var (points, labels) = result.CombinedRows();
            var expected = result.ToDataset();
            Assert.Equal(expected.RowCount, points.Count);
            Assert.Equal(expected.Numeric, points.Dense());
            Assert.Equal(expected.Labels, labels);
            Assert.Equal(result == cut, points.Map is not null);
        }
    }

    /// <summary>A tree grown on a result's rows read in place is the tree grown on the materialised data set: same
    /// nodes, features, thresholds, children and classes.</summary>
    [Fact]
    public void A_tree_grown_on_rows_read_in_place_is_the_tree_grown_on_the_data_set()
    {
        var data = TestData.Blobs([60, 12], ["big", "small"]);
        var made = new Smote(new() { KNeighbors = 5, Seed = 9 }).FitResample(data);
        var some = Enumerable.Range(0, made.RowCount).Where(i => i % 3 != 0).ToArray();
        var inPlace = DecisionTree.Fit(new ResultRows(made), some);
        var dataset = DecisionTree.Fit(made.ToDataset(), some);
        Assert.True(inPlace.NodeCount > 1);
        Assert.Equal(dataset.Feature.ToArray(), inPlace.Feature.ToArray());
        Assert.Equal(dataset.Threshold.ToArray(), inPlace.Threshold.ToArray());
        Assert.Equal(dataset.Left.ToArray(), inPlace.Left.ToArray());
        Assert.Equal(dataset.Right.ToArray(), inPlace.Right.ToArray());
        Assert.Equal(dataset.Class.ToArray(), inPlace.Class.ToArray());
    }
}
