using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary>The double-precision metrics add the same numbers in the same order with 256-bit vectors (x64) and with
/// two 128-bit ones (ARM64's NEON, where 256-bit vectors are emulated), so every machine measures the same
/// distances, bit for bit.</summary>
public class DistanceMetricTests
{
    [Fact]
    public void Both_widths_give_the_same_bits_whatever_the_dimensions()
    {
        var rng = new Random(11);
        for (var dims = 0; dims <= 23; dims++)
            for (var trial = 0; trial < 50; trial++)
            {
                var a = Enumerable.Range(0, dims).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 9)))
                    .ToArray();
                var b = Enumerable.Range(0, dims).Select(_ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-8, 9)))
                    .ToArray();
                Assert.Equal(Bits(DistanceMetric.EuclideanMetric.Reduced256(a, b)),
                    Bits(DistanceMetric.EuclideanMetric.Reduced128(a, b)));
                Assert.Equal(Bits(DistanceMetric.ManhattanMetric.Reduced256(a, b)),
                    Bits(DistanceMetric.ManhattanMetric.Reduced128(a, b)));
                Assert.Equal(Bits(DistanceMetric.EuclideanMetric.Reduced256(a, b)),
                    Bits(DistanceMetric.Euclidean.Reduced(a, b)));
            }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
