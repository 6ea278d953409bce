using System.Collections;

namespace Imbalanced.Sampling;

/// <summary>
/// The origins of a result's added rows, read-only: held as they are, or, for rows each made from one input row
/// alone (SMOTEN's, made from the modes of a seed's neighbourhood), as that row only — four bytes a row instead of
/// a whole <see cref="RowOrigin"/>, which counts when millions of rows are added.
/// </summary>
internal sealed class OriginList : IReadOnlyList<RowOrigin>
{
    private readonly RowOrigin[]? _origins;
    private readonly int[]? _bases;

    private OriginList(RowOrigin[]? origins, int[]? bases)
    {
        _origins = origins;
        _bases = bases;
    }

    /// <summary>The origins <paramref name="origins"/>, not copied.</summary>
    public static OriginList Of(RowOrigin[] origins) => new(origins, null);

    /// <summary>Rows each made from one input row, its base, with no neighbour or gap: added row a has origin
    /// <c>RowOrigin(true, -1, bases[a], -1, NaN)</c>.</summary>
    public static OriginList MadeFrom(int[] bases) => new(null, bases);

    /// <summary>Number of origins.</summary>
    public int Length => _origins?.Length ?? _bases!.Length;

    /// <inheritdoc />
    public int Count => Length;

    /// <summary>The base row of added row <paramref name="a"/>.</summary>
    public int Base(int a) => _bases is null ? _origins![a].Base : _bases[a];

    /// <inheritdoc />
    public RowOrigin this[int a] =>
        _bases is null ? _origins![a] : new RowOrigin(true, -1, _bases[a], -1, double.NaN);

    /// <summary>The origins of the added rows <paramref name="rows"/>, in that order, held the same way.</summary>
    public OriginList Select(int[] rows)
    {
        if (_bases is not null) return MadeFrom([.. rows.Select(a => _bases[a])]);
        return Of([.. rows.Select(a => _origins![a])]);
    }

    /// <inheritdoc />
    public IEnumerator<RowOrigin> GetEnumerator()
    {
        for (var a = 0; a < Length; a++) yield return this[a];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
