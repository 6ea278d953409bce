using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;

namespace Imbalanced.Tests.Support;

/// <summary>Checks shared by the tests of interpolating over-samplers.</summary>
internal static class SegmentChecks
{
    /// <summary>Every added row of class <paramref name="classCode"/> is <c>base + gap · (neighbour − base)</c> with
    /// a gap in [0, 1), base and neighbour rows of that class, and the neighbour among the base's
    /// <paramref name="k"/> nearest rows of its class (any row of the class when <paramref name="k"/> is
    /// null); only the rows <paramref name="where"/> keeps, when given.</summary>
    public static void OnSegmentsToSameClassNeighbors(Dataset data, ResampleResult result, int classCode, int? k,
        Func<RowOrigin, bool>? where = null)
    {
        var rows = data.RowsOfClass(classCode);
        var points = data.Select(rows);
        var neighbors = k is { } kk
            ? NeighborSearch.Default.Build(points.Numeric, points.RowCount, data.NumericCount)
                .QuerySelf(kk, includeSelf: false)
            : null;
        for (var i = 0; i < result.Added.RowCount; i++)
        {
            if (result.Added.Labels[i] != classCode) continue;
            var o = result.AddedRowOrigins[i];
            if (where is not null && !where(o)) continue;
            Assert.True(o.Synthetic);
            Assert.InRange(o.Gap, 0.0, 0.9999999999999999);
            var b = Array.IndexOf(rows, o.Base);
            var nb = Array.IndexOf(rows, o.Neighbor);
            Assert.True(b >= 0 && nb >= 0, "base and neighbour are rows of the class");
            if (neighbors is not null) Assert.Contains(nb, neighbors.IndicesOf(b).ToArray());
            var row = result.Added.NumericRow(i);
            for (var j = 0; j < data.NumericCount; j++)
            {
                double x = data.NumericRow(o.Base)[j], y = data.NumericRow(o.Neighbor)[j];
                Assert.Equal(x + o.Gap * (y - x), row[j], 1e-12);
            }
        }
    }

    /// <summary>The same added rows, values, labels and provenance.</summary>
    public static void SameAdded(ResampleResult a, ResampleResult b)
    {
        Assert.Equal(a.Added.Numeric, b.Added.Numeric);
        Assert.Equal(a.Added.Labels, b.Added.Labels);
        Assert.Equal(a.AddedRowOrigins, b.AddedRowOrigins);
    }
}
