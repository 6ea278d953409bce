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
    }
}
