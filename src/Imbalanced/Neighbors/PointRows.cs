namespace Imbalanced.Neighbors;

/// <summary>
/// The points an index reads: rows of a row-major array, either all of them in order or those a map
/// names (point <c>i</c> is row <c>map[i]</c>), read in place. A map lets an index cover a subset of a table's
/// rows (the rows a repeated editing pass still has) without a copy of them.
/// </summary>
internal sealed class PointRows
{
    /// <param name="points">Row-major values (not copied).</param>
    /// <param name="map">The rows that are the points, in point order; <see langword="null"/> for the first
    /// <paramref name="count"/> rows.</param>
    /// <param name="count">Number of points (the map's length when there is one).</param>
    /// <param name="dimensions">Values per row.</param>
    public PointRows(double[] points, int[]? map, int count, int dimensions)
    {
        Values = points;
        Map = map;
        Count = count;
        Dimensions = dimensions;
    }

    /// <summary>The row-major values the points are read from.</summary>
    public double[] Values { get; }

    /// <summary>The rows that are the points, in point order; <see langword="null"/> for the first
    /// <see cref="Count"/> rows.</summary>
    public int[]? Map { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Values per point.</summary>
    public int Dimensions { get; }

    /// <summary>The row of <see cref="Values"/> that is point <paramref name="i"/>.</summary>
    public int Source(int i) => Map is null ? i : Map[i];

    /// <summary>Point <paramref name="i"/>, in place.</summary>
    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(Source(i) * Dimensions, Dimensions);

    /// <summary>Points <paramref name="first"/> … <c>first + count − 1</c>, row-major: in place without a map, a
    /// copy with one.</summary>
    public ReadOnlySpan<double> Block(int first, int count)
    {
        if (Map is null) return Values.AsSpan(first * Dimensions, count * Dimensions);
        return CopyOf(Map.AsSpan(first, count));
    }

    /// <summary>The points as a row-major array: <see cref="Values"/> itself without a map, a copy of the mapped rows
    /// with one.</summary>
    public double[] Dense() => Map is null ? Values : CopyOf(Map);

    /// <summary>The rows of <see cref="Values"/> that are points <paramref name="points"/>.</summary>
    public int[] Sources(ReadOnlySpan<int> points)
    {
        var rows = new int[points.Length];
        for (var i = 0; i < points.Length; i++) rows[i] = Source(points[i]);
        return rows;
    }

    /// <summary>A copy of points <paramref name="points"/>, row-major, in that order.</summary>
    public double[] Copy(ReadOnlySpan<int> points) => CopyOf(Map is null ? points : Sources(points));

    /// <summary>A copy of rows <paramref name="rows"/> of <see cref="Values"/>, row-major, in that order.</summary>
    private double[] CopyOf(ReadOnlySpan<int> rows)
    {
        var copy = new double[rows.Length * Dimensions];
        for (var i = 0; i < rows.Length; i++)
            Values.AsSpan(rows[i] * Dimensions, Dimensions).CopyTo(copy.AsSpan(i * Dimensions, Dimensions));
        return copy;
    }
}
