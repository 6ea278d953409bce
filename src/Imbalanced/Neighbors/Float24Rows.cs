using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Imbalanced.Neighbors;

/// <summary>
/// A compact copy of points for ranking candidate neighbours: each value less its column's mean, rounded to the
/// nearest 24-bit float (the upper three bytes of a single-precision number: 8 bits of exponent, 15 of
/// significand), three bytes where a single-precision copy takes four. Squared distances are summed in single
/// precision.
/// </summary>
/// <remarks>Each value is off by at most 2⁻¹⁶ of its distance from its column's mean, 256 times a single-precision
/// number's rounding: the neighbour descent ranks its lists with these distances, and the answers' order and
/// distances are recomputed exactly, so the rounding only decides, between candidates equal to about five
/// significant digits, which stays in a list. (Two bytes a value, bfloat16, kept 2⁻⁹: the 5-NN of 2,000,000
/// generated points lost recall, 0.9952 to 0.9865; see <c>benchmarks/results/streaming.md</c>.) Centring first
/// keeps the precision where the points differ: a column of values near 2,023 would keep steps of 2⁻⁴
/// uncentred.</remarks>
internal sealed class Float24Rows
{
    // A lane of four values: bytes 3j … 3j + 2 of the twelve become the upper three bytes of lane j, its lowest byte
    // zero (an index of 0x80 or more picks zero).
    private static readonly Vector128<byte> Spread = Vector128.Create(
        (byte)0x80, 0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11);

    private readonly byte[] _bytes;
    private readonly int _d;

    /// <summary>Rounds the points <paramref name="order"/> names, in that order: row <c>i</c> of the copy is point
    /// <c>order[i]</c>.</summary>
    public Float24Rows(PointRows points, int[] order, ParallelOptions options)
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
        // Four bytes after the last row: a lane of four values is read as sixteen bytes.
        _bytes = new byte[(long)order.Length * d * 3 + 4];
        Parallel.For(0, order.Length, options, () => new double[d], (i, _, own) =>
        {
            var row = points.Row(order[i], own);
            var at = (long)i * d * 3;
            for (var c = 0; c < d; c++, at += 3)
            {
                var bits = Round((float)(row[c] - mean[c]));
                _bytes[at] = (byte)bits;
                _bytes[at + 1] = (byte)(bits >> 8);
                _bytes[at + 2] = (byte)(bits >> 16);
            }
            return own;
        }, _ => { });
    }

    /// <summary>The nearest 24-bit float to <paramref name="value"/> (ties to even), as its bits.</summary>
    internal static uint Round(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits + 0x7Fu + ((bits >> 8) & 1u)) >> 8;
    }

    /// <summary>The single-precision number 24-bit float bits <paramref name="bits"/> stand for.</summary>
    internal static float Widen(uint bits) => BitConverter.UInt32BitsToSingle(bits << 8);

    /// <summary>The squared distance of rows <paramref name="a"/> and <paramref name="b"/>: the same value for a
    /// pair every time, on every machine (<see cref="Sum{TRow}"/>).</summary>
    public float Distance(int a, int b)
    {
        // Read in place, without a bounds check per load: every load ends within the row's bytes plus the four
        // bytes after the last row.
        ref var start = ref MemoryMarshal.GetArrayDataReference(_bytes);
        return Sum<Packed>(ref Unsafe.Add(ref start, (nint)a * _d * 3), ref Unsafe.Add(ref start, (nint)b * _d * 3));
    }

    /// <summary>Row <paramref name="a"/>'s values, widened to single precision, into <paramref name="into"/>
    /// (<see cref="Dimensions"/> of them).</summary>
    public void Widen(int a, Span<float> into)
    {
        ref var x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), (nint)a * _d * 3);
        for (var c = 0; c < _d; c++) into[c] = Widen(Bits(ref x, c));
    }

    /// <summary>The squared distance of a row widened by <see cref="Widen(int, Span{float})"/> and row
    /// <paramref name="b"/>: the same value as <see cref="Distance(int, int)"/> gives for the two rows, summed in
    /// the same order.</summary>
    public float Distance(ReadOnlySpan<float> a, int b) => Sum<Widened>(
        ref Unsafe.As<float, byte>(ref MemoryMarshal.GetReference(a)),
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), (nint)b * _d * 3));

    /// <summary>The squared distance of row <paramref name="x"/>, read as <typeparamref name="TRow"/> says, and the
    /// packed row <paramref name="y"/>. The squares are added in one fixed order whatever the vector width: eight
    /// running sums over the blocks of eight values (one per position in a block), folded as
    /// <see cref="Fold(Vector128{float}, Vector128{float})"/> says; then a last block of four, folded; then the last
    /// values one by one.</summary>
    private float Sum<TRow>(ref byte x, ref byte y)
        where TRow : struct, IRow
    {
        var i = 0;
        var sum = 0f;
        if (_d >= 8)
        {
            Vector128<float> low, high;
            if (Vector256.IsHardwareAccelerated)
            {
                // Eight values a step: twelve bytes into each half, spread within each half.
                var spread = Vector256.Create(Spread, Spread);
                var acc8 = Vector256<float>.Zero;
                for (; i + 8 <= _d; i += 8)
                {
                    var diff = TRow.Eight(ref x, i, spread) - Within(ref y, i, spread);
                    acc8 += diff * diff;
                }
                (low, high) = (acc8.GetLower(), acc8.GetUpper());
            }
            else
            {
                (low, high) = (Vector128<float>.Zero, Vector128<float>.Zero);
                for (; i + 8 <= _d; i += 8)
                {
                    var d0 = TRow.Four(ref x, i) - Four(ref y, i);
                    var d1 = TRow.Four(ref x, i + 4) - Four(ref y, i + 4);
                    low += d0 * d0;
                    high += d1 * d1;
                }
            }
            sum = Fold(low, high);
        }
        if (_d - i >= 4)
        {
            var diff = TRow.Four(ref x, i) - Four(ref y, i);
            sum += Fold(diff * diff);
            i += 4;
        }
        for (; i < _d; i++)
        {
            var diff = TRow.One(ref x, i) - Widen(Bits(ref y, i));
            sum += diff * diff;
        }
        return sum;
    }

    /// <summary>How <see cref="Sum{TRow}"/> reads its first row: values <c>i</c> … <c>i + 7</c>, <c>i</c> …
    /// <c>i + 3</c>, or <c>i</c>, in single precision.</summary>
    private interface IRow
    {
        static abstract Vector256<float> Eight(ref byte row, int i, Vector256<byte> spread);

        static abstract Vector128<float> Four(ref byte row, int i);

        static abstract float One(ref byte row, int i);
    }

    /// <summary>A packed row: three bytes a value.</summary>
    private readonly struct Packed : IRow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Eight(ref byte row, int i, Vector256<byte> spread) => Within(ref row, i, spread);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Four(ref byte row, int i) => Float24Rows.Four(ref row, i);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float One(ref byte row, int i) => Widen(Bits(ref row, i));
    }

    /// <summary>A widened row: single-precision values (the bytes of a float span).</summary>
    private readonly struct Widened : IRow
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Eight(ref byte row, int i, Vector256<byte> spread) =>
            Vector256.LoadUnsafe(ref Unsafe.As<byte, float>(ref row), (nuint)i);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Four(ref byte row, int i) =>
            Vector128.LoadUnsafe(ref Unsafe.As<byte, float>(ref row), (nuint)i);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float One(ref byte row, int i) => Unsafe.Add(ref Unsafe.As<byte, float>(ref row), i);
    }

    /// <summary>The one order the running sums are added in, that of .NET's <c>Vector256.Sum</c> on x64:
    /// <c>((l0 + l1) + (l2 + l3)) + ((h0 + h1) + (h2 + h3))</c>, <c>l</c> the sums of positions 0–3 of a block of
    /// eight, <c>h</c> those of 4–7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Fold(Vector128<float> low, Vector128<float> high) => Fold(low) + Fold(high);

    /// <summary><c>(s0 + s1) + (s2 + s3)</c>, the order of .NET's <c>Vector128.Sum</c> on x64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Fold(Vector128<float> s) =>
        (s.GetElement(0) + s.GetElement(1)) + (s.GetElement(2) + s.GetElement(3));

    /// <summary>Values <paramref name="i"/> … <paramref name="i"/> + 3 of a packed row, widened.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Four(ref byte row, int i) =>
        Vector128.Shuffle(Vector128.LoadUnsafe(ref row, (nuint)(i * 3)), Spread).AsSingle();

    /// <summary>Values per row.</summary>
    public int Dimensions => _d;

    /// <summary>Values <paramref name="i"/> … <paramref name="i"/> + 7 of a row: twelve bytes into each half,
    /// spread within each half.</summary>
    private static Vector256<float> Within(ref byte row, int i, Vector256<byte> spread)
    {
        var (low, high) = (Vector128.LoadUnsafe(ref row, (nuint)(i * 3)),
            Vector128.LoadUnsafe(ref row, (nuint)(i * 3 + 12)));
        return Avx2.IsSupported
            ? Avx2.Shuffle(Vector256.Create(low, high), spread).AsSingle()
            : Vector256.Create(Vector128.Shuffle(low, Spread), Vector128.Shuffle(high, Spread)).AsSingle();
    }

    private static uint Bits(ref byte row, int c) => Unsafe.Add(ref row, c * 3)
        | (uint)Unsafe.Add(ref row, c * 3 + 1) << 8 | (uint)Unsafe.Add(ref row, c * 3 + 2) << 16;

    private static uint Bits(ReadOnlySpan<byte> row, int c) =>
        row[c * 3] | (uint)row[c * 3 + 1] << 8 | (uint)row[c * 3 + 2] << 16;

    /// <summary>Value <paramref name="c"/> of row <paramref name="i"/>, as its bits.</summary>
    internal uint Bits(int i, int c) => Bits(_bytes.AsSpan(i * _d * 3, _d * 3), c);
}
