namespace Imbalanced.Numerics;

/// <summary>
/// Sums doubles in exactly NumPy's order (<c>np.add.reduce</c> on a contiguous float64 array: the first element,
/// plus the pairwise sum of the rest with 8 accumulators and blocks of 128), so that a result compared with
/// imbalanced-learn's at a rounding boundary comes out the same, bit for bit.
/// </summary>
internal static class NumPySum
{
    private const int BlockSize = 128;

    /// <summary>The sum of <paramref name="values"/> in NumPy's order.</summary>
    public static double Of(ReadOnlySpan<double> values) =>
        values.IsEmpty ? 0.0 : values[0] + Pairwise(values[1..]);

    private static double Pairwise(ReadOnlySpan<double> a)
    {
        var n = a.Length;
        if (n < 8)
        {
            var res = 0.0;
            for (var i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            a[..8].CopyTo(r);
            var i = 8;
            for (; i < n - n % 8; i += 8)
                for (var j = 0; j < 8; j++) r[j] += a[i + j];
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += a[i];
            return res;
        }
        var half = n / 2;
        half -= half % 8;
        return Pairwise(a[..half]) + Pairwise(a[half..]);
    }
}
