using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary><see cref="Float24Rows"/>: the neighbour descent's compact copy of the points.</summary>
public class Float24RowsTests
{
    [Theory]
    [InlineData(1.0f, 0x3F8000)]
    [InlineData(-2.0f, 0xC00000)]
    [InlineData(0.0f, 0x000000)]
    // Halfway between two 24-bit floats (1 + 2⁻¹⁶ and 1 + 3·2⁻¹⁶): to the even one, down here and up there.
    [InlineData(1.0000152587890625f, 0x3F8000)]
    [InlineData(1.0000457763671875f, 0x3F8002)]
    // Past halfway: up.
    [InlineData(1.00001621246337890625f, 0x3F8001)]
    public void Rounds_to_the_nearest_24_bit_float_ties_to_even(float value, int bits) =>
        Assert.Equal((uint)bits, Float24Rows.Round(value));

    [Fact]
    public void Rows_keep_the_rounded_values_and_widen_back()
    {
        var rows = new Float24Rows(new PointRows([1.0, 3.0, 5.0, 7.0], null, 2, 2), [1, 0], new ParallelOptions());
        // Centred: means 3 and 5; row 0 of the copy is point 1.
        Assert.Equal(2f, Float24Rows.Widen(rows.Bits(0, 0)));
        Assert.Equal(-2f, Float24Rows.Widen(rows.Bits(1, 1)));
        Assert.Equal(32f, rows.Distance(0, 1));
    }

    /// <summary>Widths with and without a vector's worth of values, and with a tail after it: each value is off by
    /// at most 2⁻¹⁶ of its distance from its column's mean, so (triangle inequality) each distance is off by at most
    /// 2⁻¹⁶ of the two rows' distances from the mean (twice that allowed here); symmetric, and 0 from a row to itself.
    /// </summary>
    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(37)]
    public void Distances_are_near_the_exact_ones(int d)
    {
        const int n = 300;
        var points = ApproximateIndexTests.Generated(n, d, seed: d);
        var rows = new Float24Rows(new PointRows(points, null, n, d), Enumerable.Range(0, n).ToArray(),
            new ParallelOptions());
        var mean = Enumerable.Range(0, d).Select(c => Enumerable.Range(0, n).Average(i => points[i * d + c]))
            .ToArray();
        double FromMean(int i) => Math.Sqrt(DistanceMetric.Euclidean.Reduced(points.AsSpan(i * d, d), mean));
        for (var a = 0; a < n; a += 7)
            for (var b = 0; b < n; b += 5)
            {
                var exact = Math.Sqrt(DistanceMetric.Euclidean.Reduced(points.AsSpan(a * d, d),
                    points.AsSpan(b * d, d)));
                var rounded = rows.Distance(a, b);
                Assert.Equal(rounded, rows.Distance(b, a));
                var allowed = Math.Pow(2, -15) * (FromMean(a) + FromMean(b)) + 1e-5 * exact + 1e-6;
                Assert.True(Math.Abs(Math.Sqrt(rounded) - exact) <= allowed, $"{a}, {b}: {rounded} against {exact}");
            }
        Assert.Equal(0f, rows.Distance(4, 4));
    }

    /// <summary>A row widened once gives, against every other row, the very distance the two packed rows give (the
    /// descent finds an offer's place with it): widths with and without a vector's worth, with and without a
    /// tail.</summary>
    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(37)]
    public void A_widened_row_gives_the_same_distances(int d)
    {
        const int n = 120;
        var points = ApproximateIndexTests.Generated(n, d, seed: d + 1);
        var rows = new Float24Rows(new PointRows(points, null, n, d), Enumerable.Range(0, n).ToArray(),
            new ParallelOptions());
        var widened = new float[d];
        for (var a = 0; a < n; a += 3)
        {
            rows.Widen(a, widened);
            for (var b = 0; b < n; b++) Assert.Equal(rows.Distance(a, b), rows.Distance(widened, b));
        }
    }

    /// <summary>Values far from zero that differ little (years, say): centred first, their distances keep their
    /// precision; rounded as they are, a step of a 24-bit float near 2,000 is 2⁻⁴ and every distance here
    /// would be wrong by far.</summary>
    [Fact]
    public void Values_far_from_zero_keep_their_differences()
    {
        const int n = 200, d = 2;
        var random = new Random(3);
        var points = new double[n * d];
        for (var i = 0; i < points.Length; i++) points[i] = 2_000 + random.NextDouble();
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        var rows = new Float24Rows(new PointRows(points, null, n, d), order, new ParallelOptions());
        for (var a = 0; a < n; a++)
        {
            var b = (a + 1) % n;
            var exact = DistanceMetric.Euclidean.Reduced(points.AsSpan(order[a] * d, d),
                points.AsSpan(order[b] * d, d));
            Assert.True(Math.Abs(rows.Distance(a, b) - exact) <= 1e-3 * exact + 1e-6, $"{a}: {exact}");
        }
    }

    /// <summary>Every machine adds the squares in one order: eight running sums over blocks of eight (one per
    /// position), folded in pairs of pairs, then a last block of four, then the last values: the packed and the
    /// widened distances equal that rule written plainly, bit for bit, for 1 to 29 values a row (whatever width this
    /// machine's vectors have; ARM64 and SSE-only machines take the 128-bit path, AVX ones the 256-bit one).</summary>
    [Fact]
    public void Distances_are_summed_in_one_order_on_every_machine()
    {
        for (var d = 1; d <= 29; d++)
        {
            const int n = 40;
            var points = Imbalanced.Tests.Support.TestData.Gaussian(n, d, seed: 100 + d);
            var rows = new Float24Rows(new PointRows(points, null, n, d), Enumerable.Range(0, n).ToArray(),
                new ParallelOptions());
            var widened = new float[d];
            for (var a = 0; a < n; a += 3)
            {
                rows.Widen(a, widened);
                for (var b = 0; b < n; b += 4)
                {
                    var expected = Plain(rows, a, b, d);
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected),
                        BitConverter.SingleToInt32Bits(rows.Distance(a, b)));
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected),
                        BitConverter.SingleToInt32Bits(rows.Distance(widened, b)));
                }
            }
        }
    }

    private static float Plain(Float24Rows rows, int a, int b, int d)
    {
        float Diff(int c) => Float24Rows.Widen(rows.Bits(a, c)) - Float24Rows.Widen(rows.Bits(b, c));
        var i = 0;
        var sum = 0f;
        if (d >= 8)
        {
            var lanes = new float[8];
            for (; i + 8 <= d; i += 8)
                for (var k = 0; k < 8; k++) lanes[k] += Diff(i + k) * Diff(i + k);
            sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        }
        if (d - i >= 4)
        {
            var q = Enumerable.Range(0, 4).Select(k => Diff(i + k) * Diff(i + k)).ToArray();
            sum += (q[0] + q[1]) + (q[2] + q[3]);
            i += 4;
        }
        for (; i < d; i++) sum += Diff(i) * Diff(i);
        return sum;
    }
}
