namespace Imbalanced.Neighbors;

/// <summary>Neighbour queries for some of the indexed points themselves, each excluding its own index.</summary>
internal static class IndexedQueries
{
    /// <summary>
    /// The <paramref name="k"/> nearest indexed points of the indexed points <paramref name="rows"/>, each never its
    /// own neighbour. It asks for <c>k + 1</c> and removes the point itself; exact because ties go to the lower
    /// index, so that with fewer than <c>k + 1</c> exact duplicates the point itself is always among them.
    /// </summary>
    /// <param name="index">An index built over <paramref name="points"/>.</param>
    /// <param name="points">The indexed points, row-major.</param>
    /// <param name="rows">Which indexed points to query.</param>
    /// <param name="k">Neighbours wanted.</param>
    public static KNeighbors OfRows(INeighborIndex index, double[] points, ReadOnlySpan<int> rows, int k)
    {
        var d = index.Dimensions;
        if (k + 1 > index.Count)
            throw new DataException(
                $"asked for {k} neighbours but only {index.Count - 1} other point(s) are available");
        var queries = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++) points.AsSpan(rows[i] * d, d).CopyTo(queries.AsSpan(i * d, d));
        var wide = index.Query(queries, k + 1);
        var indices = new int[rows.Length * k];
        var distances = new double[rows.Length * k];
        for (var i = 0; i < rows.Length; i++)
        {
            var o = 0;
            for (var c = 0; c <= k && o < k; c++)
            {
                var j = wide.Indices[i * (k + 1) + c];
                if (j == rows[i]) continue;
                indices[i * k + o] = j;
                distances[i * k + o] = wide.Distances[i * (k + 1) + c];
                o++;
            }
        }
        return new KNeighbors(k, indices, distances);
    }
}
