using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary><see cref="BFloat16Rows"/>: the neighbour descent's compact copy of the points.</summary>
public class BFloat16RowsTests
{
    [Theory]
    [InlineData(1.0f, 0x3F80)]
    [InlineData(-2.0f, 0xC000)]
    [InlineData(0.0f, 0x0000)]
    // Halfway between two bfloat16 numbers: to the even one, down here and up there.
    [InlineData(1.00390625f, 0x3F80)]
    [InlineData(1.01171875f, 0x3F82)]
    // Past halfway: up.
    [InlineData(1.0040f, 0x3F81)]
    public void Rounds_to_the_nearest_bfloat16_ties_to_even(float value, int bits) =>
        Assert.Equal((ushort)bits, BFloat16Rows.Round(value));

    /// <summary>Widths with and without a vector's worth of values, and with a tail after it: each value is off by
    /// at most 2⁻⁹ of its distance from its column's mean, so (triangle inequality) each distance is off by at most
    /// 2⁻⁹ of the two rows' distances from the mean (twice that allowed here); symmetric, and 0 from a row to itself.
    /// </summary>
    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(37)]
    public void Distances_are_near_the_exact_ones(int d)
    {
        const int n = 300;
        var points = ApproximateIndexTests.Generated(n, d, seed: d);
        var rows = new BFloat16Rows(new PointRows(points, null, n, d), Enumerable.Range(0, n).ToArray(),
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
                var allowed = Math.Pow(2, -8) * (FromMean(a) + FromMean(b)) + 1e-6;
                Assert.True(Math.Abs(Math.Sqrt(rounded) - exact) <= allowed, $"{a}, {b}: {rounded} against {exact}");
            }
        Assert.Equal(0f, rows.Distance(4, 4));
    }

    /// <summary>Values far from zero that differ little (years, say): centred first, their distances keep their
    /// precision; rounded as they are, a step of bfloat16 near 2,000 is 8 and every distance here would be 0 or
    /// wrong by far.</summary>
    [Fact]
    public void Values_far_from_zero_keep_their_differences()
    {
        const int n = 200, d = 2;
        var random = new Random(3);
        var points = new double[n * d];
        for (var i = 0; i < points.Length; i++) points[i] = 2_000 + random.NextDouble();
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        var rows = new BFloat16Rows(new PointRows(points, null, n, d), order, new ParallelOptions());
        for (var a = 0; a < n; a++)
        {
            var b = (a + 1) % n;
            var exact = DistanceMetric.Euclidean.Reduced(points.AsSpan(order[a] * d, d),
                points.AsSpan(order[b] * d, d));
            Assert.True(Math.Abs(rows.Distance(a, b) - exact) <= 0.02 * exact + 1e-4, $"{a}: {exact}");
        }
    }
}
