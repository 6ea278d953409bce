using Imbalanced.Neighbors;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Svm;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class SvmSmoteTests
{
    [Fact]
    public void Rows_come_from_support_vectors_interpolating_in_danger_and_extrapolating_when_safe()
    {
        var data = Fixtures.Load("pima_jitter.csv", "diabetes").Data;
        var pos = data.Classes.IndexOf("pos");
        var rows = data.RowsOfClass(pos);
        var all = NeighborSearch.Default.Build(data.Numeric, data.RowCount, data.NumericCount);
        var support = SupportVectors.OneVersusRest(data, pos).Rows.Where(i => data.Labels[i] == pos).ToArray();
        var others = DangerSets.OtherClassNeighbors(data, all, pos, support, 10);
        var kind = support.Select((r, i) => (r, o: others[i])).ToDictionary(t => t.r, t => t.o);
        var points = data.Select(rows);
        var same = NeighborSearch.Default.Build(points.Numeric, rows.Length, data.NumericCount);
        var result = new SvmSmote(new SvmSmoteOptions { Seed = 2, OutStep = 0.7 }).FitResample(data);
        Assert.Equal(data.ClassCounts()[0] - rows.Length, result.SyntheticCount);
        int interpolated = 0, extrapolated = 0;
        foreach (var o in result.AddedOrigins)
        {
            Assert.True(kind.TryGetValue(o.Base, out var m), "the seed is a support vector of the class");
            Assert.True(m < 10, "noise support vectors never seed");
            var near = IndexedQueries.OfRows(same, points.Numeric, [Array.BinarySearch(rows, o.Base)], 5)
                .IndicesOf(0).ToArray().Select(i => rows[i]);
            Assert.Contains(o.Neighbor, near);
            if (m >= 5) { Assert.InRange(o.Gap, 0, 1); interpolated++; }
            else { Assert.InRange(o.Gap, -0.7, 0); extrapolated++; }
        }
        Assert.True(interpolated > 0 && extrapolated > 0);
    }
}
