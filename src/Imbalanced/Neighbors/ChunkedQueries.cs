namespace Imbalanced.Neighbors;

/// <summary>Queries for many rows of a table, asked a chunk at a time: no copy of all the rows asked about, nor of
/// all their answers, is held at once. A query's answer does not depend on the other queries asked with it, so the
/// answers are those of one query for all the rows.</summary>
internal static class ChunkedQueries
{
    /// <summary>Rows asked at once.</summary>
    public const int Chunk = 1 << 16;

    /// <summary>Asks <paramref name="index"/> for the <paramref name="k"/> nearest indexed points of rows
    /// <paramref name="rows"/> of the row-major <paramref name="points"/>, <paramref name="chunk"/> rows at a
    /// time, and hands each chunk's answers to <paramref name="each"/> with the position in
    /// <paramref name="rows"/> of its first row (answer <c>i</c> is for <c>rows[first + i]</c>).</summary>
    public static void Each(INeighborIndex index, double[] points, int[] rows, int k, Action<int, KNeighbors> each,
        int chunk = Chunk)
    {
        var asked = new PointRows(points, rows, rows.Length, index.Dimensions);
        for (var first = 0; first < rows.Length; first += chunk)
            each(first, index.Query(asked.Block(first, Math.Min(chunk, rows.Length - first)), k));
    }
}
