using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary><see cref="NeighborSearch.BuildOfRows"/>: an index over some rows of a table, read in place, answers
/// as an index over a copy of those rows does.</summary>
public class RowSubsetIndexTests
{
    public static TheoryData<string> Engines => ["simd", "kd-tree", "brute-force", "probing", "descent"];

    private static (NeighborSearch Search, int Dimensions) Engine(string name) => name switch
    {
        "simd" => (new NeighborSearch(Algorithm: NeighborAlgorithm.Exact), 20),
        "kd-tree" => (new NeighborSearch(Algorithm: NeighborAlgorithm.Exact), 4),
        "brute-force" => (new NeighborSearch(DistanceMetric.Manhattan, NeighborAlgorithm.BruteForce), 20),
        "probing" => (new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
        {
            Approximate = new ApproximateOptions { Lists = 20, Seed = 5 },
        }, 20),
        _ => (new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
        {
            Approximate = new ApproximateOptions { Lists = 20, GraphFrom = 1, GraphWidth = 8, Seed = 5 },
        }, 20),
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void An_index_over_rows_answers_as_one_over_a_copy_of_them(string engine)
    {
        var (search, d) = Engine(engine);
        const int n = 1500;
        var points = ApproximateIndexTests.Generated(n, d, seed: 2);
        // Every third row left out, and the rows kept not in table order at the end.
        var rows = Enumerable.Range(0, n).Where(r => r % 3 != 1).ToArray();
        (rows[^1], rows[^2]) = (rows[^2], rows[^1]);
        var copy = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++) points.AsSpan(rows[i] * d, d).CopyTo(copy.AsSpan(i * d, d));
        var overCopy = search.Build(copy, rows.Length, d);
        var inPlace = search.BuildOfRows(points, rows, d);
        Assert.Equal(overCopy.GetType(), inPlace.GetType());
        foreach (var includeSelf in new[] { false, true })
        {
            var expected = overCopy.QuerySelf(5, includeSelf);
            var actual = inPlace.QuerySelf(5, includeSelf);
            Assert.Equal(expected.Indices, actual.Indices);
            Assert.Equal(expected.Distances, actual.Distances);
        }
        var queries = points.AsSpan(d, 40 * d);
        Assert.Equal(overCopy.Query(queries, 3).Indices, inPlace.Query(queries, 3).Indices);
    }

    /// <summary>Points that are a table's rows and rows made on demand after them (SMOTE-ENN's and SMOTE-Tomek's
    /// over-sampled data, read without the union; made here into the scratch row each read passes, so a reader
    /// that reused one scratch for two rows would measure wrong distances), all of them in order or some through a
    /// map that crosses from the table to the made rows: the answers of an index over one array holding the same
    /// rows.</summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public void An_index_over_a_table_and_the_rows_after_it_answers_as_one_over_a_single_array(string engine)
    {
        var (search, d) = Engine(engine);
        const int n = 1000, extra = 500;
        var all = ApproximateIndexTests.Generated(n + extra, d, seed: 3);
        var table = all[..(n * d)];
        var more = all[(n * d)..];
        var rows = Enumerable.Range(0, n + extra).Where(r => r % 4 != 2).ToArray();
        (rows[0], rows[^1]) = (rows[^1], rows[0]);
        foreach (var map in new[] { null, rows })
        {
            var count = map?.Length ?? n + extra;
            var points = new PointRows(table, (j, scratch) =>
            {
                more.AsSpan(j * d, d).CopyTo(scratch);
                return scratch;
            }, map, count, d);
            var single = map is null ? all : new PointRows(all, map, count, d).Dense();
            var expected = search.Build(single, count, d);
            var actual = search.Build(points);
            Assert.Equal(expected.GetType(), actual.GetType());
            foreach (var includeSelf in new[] { false, true })
            {
                var e = expected.QuerySelf(4, includeSelf);
                var a = actual.QuerySelf(4, includeSelf);
                Assert.Equal(e.Indices, a.Indices);
                Assert.Equal(e.Distances, a.Distances);
            }
            Assert.Equal(points.Dense(), single);
        }
    }

    [Fact]
    public void A_non_finite_value_in_a_row_of_the_subset_is_refused_and_one_outside_it_is_not()
    {
        var points = ApproximateIndexTests.Generated(200, 20);
        points[7 * 20 + 3] = double.NaN;
        var search = new NeighborSearch(Algorithm: NeighborAlgorithm.Exact);
        var error = Assert.Throws<DataException>(() => search.BuildOfRows(points, [1, 7, 9], 20));
        Assert.Contains("point 1 has a missing or non-finite value in dimension 3", error.Message);
        Assert.Equal(2, search.BuildOfRows(points, [1, 8, 9], 20).QuerySelf(2, includeSelf: false).K);
    }
}
