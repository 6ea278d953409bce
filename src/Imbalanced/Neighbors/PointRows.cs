namespace Imbalanced.Neighbors;

/// <summary>
/// The points an index reads: rows of a row-major array, either all of them in order or those a map names
/// (point <c>i</c> is row <c>map[i]</c>), read in place. A map lets an index cover a subset of a table's
/// rows (the rows a repeated editing pass still has) without a copy of them. Rows past the array's may be made on
/// demand (<see cref="MadeRows"/>): a table and the rows an over-sampler added to it are then indexed as one
/// without a copy of the table or the added rows held. Every read passes a scratch row for that case.
/// </summary>
internal sealed class PointRows
{
    private readonly double[] _values;
    private readonly MadeRows? _more;
    // Rows held by _values: rows from here on are made by _more.
    private readonly int _stored;

    /// <param name="points">Row-major values (not copied).</param>
    /// <param name="map">The rows that are the points, in point order; <see langword="null"/> for the first
    /// <paramref name="count"/> rows.</param>
    /// <param name="count">Number of points (the map's length when there is one).</param>
    /// <param name="dimensions">Values per row.</param>
    public PointRows(double[] points, int[]? map, int count, int dimensions)
        : this(points, null, map, count, dimensions)
    {
    }

    /// <param name="points">Row-major values (not copied).</param>
    /// <param name="more">The rows after those of <paramref name="points"/>: row
    /// <c>points.Length / dimensions + j</c> is its row <c>j</c>; <see langword="null"/> for none.</param>
    /// <param name="map">The rows that are the points, in point order; <see langword="null"/> for the first
    /// <paramref name="count"/> rows.</param>
    /// <param name="count">Number of points (the map's length when there is one).</param>
    /// <param name="dimensions">Values per row.</param>
    public PointRows(double[] points, MadeRows? more, int[]? map, int count, int dimensions)
    {
        _values = points;
        _more = more;
        _stored = more is null ? int.MaxValue : points.Length / Math.Max(1, dimensions);
        Map = map;
        Count = count;
        Dimensions = dimensions;
    }

    /// <summary>The rows that are the points, in point order; <see langword="null"/> for the first
    /// <see cref="Count"/> rows.</summary>
    public int[]? Map { get; }

    /// <summary>Number of points.</summary>
    public int Count { get; }

    /// <summary>Values per point.</summary>
    public int Dimensions { get; }

    /// <summary>The row that is point <paramref name="i"/>.</summary>
    public int Source(int i) => Map is null ? i : Map[i];

    /// <summary>Point <paramref name="i"/>: in place, or made in <paramref name="scratch"/> (as long as a row,
    /// not otherwise touched), valid until <paramref name="scratch"/> is used again.</summary>
    public ReadOnlySpan<double> Row(int i, Span<double> scratch)
    {
        var row = Source(i);
        return row < _stored
            ? _values.AsSpan(row * Dimensions, Dimensions)
            : _more!(row - _stored, scratch[..Dimensions]);
    }

    /// <summary>Copies point <paramref name="i"/> into <paramref name="into"/> (as long as a row).</summary>
    public void CopyTo(int i, Span<double> into) => Row(i, into).CopyTo(into);

    /// <summary>Points <paramref name="first"/> … <c>first + count − 1</c>, row-major: in place when the points
    /// are the array's rows in order, a copy otherwise.</summary>
    public ReadOnlySpan<double> Block(int first, int count)
    {
        if (Map is null && _more is null) return _values.AsSpan(first * Dimensions, count * Dimensions);
        return CopyOf(first, count);
    }

    /// <summary>The points as a row-major array: the array itself when the points are its rows in order, a copy
    /// otherwise.</summary>
    public double[] Dense() => Map is null && _more is null ? _values : CopyOf(0, Count);

    private double[] CopyOf(int first, int count)
    {
        var copy = new double[count * Dimensions];
        for (var i = 0; i < count; i++) CopyTo(first + i, copy.AsSpan(i * Dimensions, Dimensions));
        return copy;
    }

    /// <summary>Points <paramref name="points"/> of these, in that order, read as these are.</summary>
    public PointRows Of(ReadOnlySpan<int> points) => new(_values, _more, Sources(points), points.Length, Dimensions);

    /// <summary>The rows that are points <paramref name="points"/>.</summary>
    public int[] Sources(ReadOnlySpan<int> points)
    {
        var rows = new int[points.Length];
        for (var i = 0; i < points.Length; i++) rows[i] = Source(points[i]);
        return rows;
    }

    /// <summary>A copy of points <paramref name="points"/>, row-major, in that order.</summary>
    public double[] Copy(ReadOnlySpan<int> points)
    {
        var copy = new double[points.Length * Dimensions];
        for (var i = 0; i < points.Length; i++) CopyTo(points[i], copy.AsSpan(i * Dimensions, Dimensions));
        return copy;
    }
}
