using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class ResampleResultViewTests
{
    [Fact]
    public void Callers_see_read_only_views_of_kept_rows_and_origins()
    {
        var data = TestData.Blobs([20, 6], ["big", "small"]);
        var result = new Smote(new() { KNeighbors = 3, Seed = 1 }).FitResample(data);
        Assert.Equal(Enumerable.Range(0, data.RowCount), result.KeptInputRows);
        Assert.Equal(14, result.AddedRowOrigins.Count);
        Assert.All(result.AddedRowOrigins, o => Assert.True(o.Synthetic && o.Base >= 0 && o.Neighbor >= 0));
        Assert.Equal(result.Origin(data.RowCount), result.AddedRowOrigins[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<int>)result.KeptInputRows)[0] = 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Origin(result.RowCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Origin(-1));
        Assert.Equal("big, small", result.Input.Classes.ToString());
    }

    /// <summary>A cleaning step's keep list over an over-sampling result: when it keeps every new row in order, the
    /// new rows serve as they are (no copy of them is made); otherwise the rows kept are copied out. Either way the
    /// result holds the rows and origins the keep list names, and <c>Combined</c> is the union ToDataset gives
    /// without being kept. SMOTE's own result makes its new rows from their origins when asked: cut down, it keeps
    /// the origins it names and makes the same rows.</summary>
    [Fact]
    public void Keeping_every_new_row_reuses_them_and_keeping_some_copies_those()
    {
        var data = TestData.Blobs([20, 6], ["big", "small"]);
        var made = new Smote(new() { KNeighbors = 3, Seed = 1 }).FitResample(data);
        var n = data.RowCount;
        var combined = made.Combined();
        Assert.Equal(made.ToDataset().Numeric, combined.Numeric);
        Assert.Equal(made.ToDataset().Labels, combined.Labels);
        var allNew = Enumerable.Range(0, n).Where(i => i % 4 != 0).Concat(Enumerable.Range(n, 14)).ToArray();
        var someNew = Enumerable.Range(0, n).Concat(Enumerable.Range(n, 14).Where(i => i % 3 == 0)).ToArray();
        var madeAll = made.KeepOutputRows(allNew);
        var madeSome = made.KeepOutputRows(someNew);

        var result = new ResampleResult(data, [.. made.KeptInputRows], made.Added, [.. made.AddedRowOrigins]);
        Assert.Equal(combined.Numeric, result.Combined().Numeric);
        Assert.Equal(combined.Labels, result.Combined().Labels);
        var reused = result.KeepOutputRows(allNew);
        Assert.Same(result.Added, reused.Added);
        Assert.Equal(Enumerable.Range(0, n).Where(i => i % 4 != 0), reused.KeptInputRows);
        Assert.Equal(result.AddedRowOrigins, reused.AddedRowOrigins);

        var copied = result.KeepOutputRows(someNew);
        Assert.NotSame(result.Added, copied.Added);
        var chosen = someNew.Where(i => i >= n).Select(i => i - n).ToArray();
        Assert.Equal(chosen.SelectMany(i => result.Added.NumericRow(i).ToArray()), copied.Added.Numeric);
        Assert.Equal(chosen.Select(i => result.AddedRowOrigins[i]), copied.AddedRowOrigins);

        foreach (var (fromMade, held) in new[] { (madeAll, reused), (madeSome, copied) })
        {
            Assert.Equal(held.KeptInputRows, fromMade.KeptInputRows);
            Assert.Equal(held.AddedRowOrigins, fromMade.AddedRowOrigins);
            Assert.Equal(held.Added.Numeric, fromMade.Added.Numeric);
            Assert.Equal(held.Added.Labels, fromMade.Added.Labels);
            Assert.Equal(held.ClassCounts(), fromMade.ClassCounts());
        }
    }
}
