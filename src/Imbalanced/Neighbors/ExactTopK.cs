namespace Imbalanced.Neighbors;

/// <summary>The k smallest (distance, index) pairs seen, ordered lexicographically, as a bounded max-heap.</summary>
internal struct ExactTopK
{
    private readonly double[] _d;
    private readonly int[] _i;
    private int _count;

    public ExactTopK(int k)
    {
        _d = new double[k];
        _i = new int[k];
        _count = 0;
    }

    public readonly int Capacity => _d.Length;

    public readonly bool IsFull => _count == _d.Length;

    /// <summary>The worst kept distance, +∞ while not full.</summary>
    public readonly double Worst => IsFull ? _d[0] : double.PositiveInfinity;

    public void Reset() => _count = 0;

    /// <summary>Whether (<paramref name="d1"/>, <paramref name="i1"/>) comes before (<paramref name="d2"/>,
    /// <paramref name="i2"/>): the engine's order of answers, by distance, then lower index.</summary>
    internal static bool Before(double d1, int i1, double d2, int i2) => d1 < d2 || (d1 == d2 && i1 < i2);

    public void Offer(double d, int index)
    {
        if (_count < _d.Length)
        {
            var c = _count++;
            while (c > 0)
            {
                var parent = (c - 1) >> 1;
                if (!Before(_d[parent], _i[parent], d, index)) break;
                _d[c] = _d[parent];
                _i[c] = _i[parent];
                c = parent;
            }
            _d[c] = d;
            _i[c] = index;
            return;
        }
        if (!Before(d, index, _d[0], _i[0])) return;
        var pos = 0;
        while (true)
        {
            var l = 2 * pos + 1;
            if (l >= _count) break;
            var r = l + 1;
            var m = r < _count && Before(_d[l], _i[l], _d[r], _i[r]) ? r : l;
            if (!Before(d, index, _d[m], _i[m])) break;
            _d[pos] = _d[m];
            _i[pos] = _i[m];
            pos = m;
        }
        _d[pos] = d;
        _i[pos] = index;
    }

    /// <summary>Writes the kept pairs sorted ascending and returns how many there are.</summary>
    public readonly int CopySorted(Span<double> distances, Span<int> indices)
    {
        var n = _count;
        _d.AsSpan(0, n).CopyTo(distances);
        _i.AsSpan(0, n).CopyTo(indices);
        SortPairs(distances[..n], indices[..n]);
        return n;
    }

    /// <summary>Pairs past which <see cref="SortPairs"/> sorts by comparisons rather than by insertion.</summary>
    private const int InsertionMax = 32;

    /// <summary>Sorts pairs by distance, then index: by insertion for the small k most queries ask, else by
    /// <see cref="MemoryExtensions.Sort{T}(Span{T}, Comparison{T})"/> (a caller may ask for thousands).</summary>
    public static void SortPairs(Span<double> d, Span<int> idx)
    {
        if (d.Length > InsertionMax)
        {
            var pairs = new (double D, int I)[d.Length];
            for (var a = 0; a < pairs.Length; a++) pairs[a] = (d[a], idx[a]);
            pairs.AsSpan().Sort(static (x, y) => Before(x.D, x.I, y.D, y.I) ? -1 : Before(y.D, y.I, x.D, x.I) ? 1 : 0);
            for (var a = 0; a < pairs.Length; a++) (d[a], idx[a]) = pairs[a];
            return;
        }
        for (var a = 1; a < d.Length; a++)
        {
            var dv = d[a];
            var iv = idx[a];
            var b = a - 1;
            while (b >= 0 && Before(dv, iv, d[b], idx[b]))
            {
                d[b + 1] = d[b];
                idx[b + 1] = idx[b];
                b--;
            }
            d[b + 1] = dv;
            idx[b + 1] = iv;
        }
    }
}
