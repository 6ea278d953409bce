using System.Numerics;

namespace Imbalanced.Neighbors;

/// <summary>
/// A compact copy of points for ranking candidate neighbours: each value less its column's mean, rounded to the
/// nearest bfloat16 (the upper half of a single-precision number: 8 bits of exponent, 8 of significand), two
/// bytes where a single-precision copy takes four. Squared distances are summed in single precision.
/// </summary>
/// <remarks>Centring first keeps the precision where the points differ: a column of values near 2,023 would keep
/// steps of 8 uncentred, and keeps about 0.4% of each value's distance from the mean centred. The neighbour
/// descent ranks its lists with these distances and the answers' order and distances are recomputed exactly, so
/// the rounding only decides, between candidates about equally near, which stays in a list.</remarks>
internal sealed class BFloat16Rows
{
    private readonly ushort[] _values;
    private readonly int _d;

    /// <summary>Rounds the points <paramref name="order"/> names, in that order: row <c>i</c> of the copy is point
    /// <c>order[i]</c>.</summary>
    public BFloat16Rows(PointRows points, int[] order, ParallelOptions options)
    {
        _d = points.Dimensions;
        var mean = new double[_d];
        var scratch = new double[_d];
        // Summed in one fixed order: the same means, and the same rounding, whatever the thread count.
        for (var i = 0; i < points.Count; i++)
        {
            var row = points.Row(i, scratch);
            for (var c = 0; c < _d; c++) mean[c] += row[c];
        }
        for (var c = 0; c < _d; c++) mean[c] /= Math.Max(1, points.Count);
        var d = _d;
        _values = new ushort[(long)order.Length * d];
        Parallel.For(0, order.Length, options, () => new double[d], (i, _, own) =>
        {
            var row = points.Row(order[i], own);
            for (var c = 0; c < d; c++) _values[(long)i * d + c] = Round((float)(row[c] - mean[c]));
            return own;
        }, _ => { });
    }

    /// <summary>The nearest bfloat16 to <paramref name="value"/> (ties to even), as its bits.</summary>
    internal static ushort Round(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
    }

    /// <summary>The single-precision number bfloat16 bits <paramref name="bits"/> stand for.</summary>
    internal static float Widen(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    /// <summary>The squared distance of rows <paramref name="a"/> and <paramref name="b"/>: the same value for a
    /// pair every time.</summary>
    public float Distance(int a, int b)
    {
        var x = _values.AsSpan(a * _d, _d);
        var y = _values.AsSpan(b * _d, _d);
        var i = 0;
        var sum = 0f;
        var lanes = Vector<ushort>.Count;
        if (Vector.IsHardwareAccelerated && _d >= lanes)
        {
            var acc = Vector<float>.Zero;
            for (; i + lanes <= _d; i += lanes)
            {
                Vector.Widen(new Vector<ushort>(x[i..]), out var xLow, out var xHigh);
                Vector.Widen(new Vector<ushort>(y[i..]), out var yLow, out var yHigh);
                var low = Single(xLow) - Single(yLow);
                var high = Single(xHigh) - Single(yHigh);
                acc += low * low + high * high;
            }
            sum = Vector.Sum(acc);
        }
        for (; i < _d; i++)
        {
            var diff = Widen(x[i]) - Widen(y[i]);
            sum += diff * diff;
        }
        return sum;
    }

    private static Vector<float> Single(Vector<uint> bits) => Vector.AsVectorSingle(Vector.ShiftLeft(bits, 16));

    /// <summary>Row <paramref name="i"/>'s bits.</summary>
    internal ReadOnlySpan<ushort> Row(int i) => _values.AsSpan(i * _d, _d);
}
