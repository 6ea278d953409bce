using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

public class ChunkedQueriesTests
{
    [Theory]
    [InlineData(NeighborAlgorithm.Exact)]
    [InlineData(NeighborAlgorithm.Approximate)]
    public void Rows_asked_in_chunks_get_the_answers_of_one_query_for_all(NeighborAlgorithm algorithm)
    {
        const int n = 600, d = 20;
        var points = ApproximateIndexTests.Generated(n, d, seed: 8);
        var search = new NeighborSearch(Algorithm: algorithm) { Approximate = new ApproximateOptions { Lists = 12 } };
        var index = search.Build(points, n, d);
        var rows = Enumerable.Range(0, n).Where(r => r % 4 != 0).Reverse().ToArray();
        var copy = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++) points.AsSpan(rows[i] * d, d).CopyTo(copy.AsSpan(i * d, d));
        var whole = index.Query(copy, 4);
        var indices = new int[whole.Indices.Length];
        var distances = new double[whole.Distances.Length];
        var chunks = 0;
        ChunkedQueries.Each(index, points, rows, 4, (first, found) =>
        {
            chunks++;
            found.Indices.CopyTo(indices, first * 4);
            found.Distances.CopyTo(distances, first * 4);
        }, chunk: 64);
        Assert.Equal((rows.Length + 63) / 64, chunks);
        Assert.Equal(whole.Indices, indices);
        Assert.Equal(whole.Distances, distances);
    }
}
