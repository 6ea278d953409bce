using System.Runtime.Intrinsics;

namespace Imbalanced.Neighbors;

/// <summary>A distance between two points of equal dimension, given as spans.</summary>
public delegate double SpanDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

/// <summary>A distance between two points of equal dimension.</summary>
public abstract class DistanceMetric
{
    /// <summary>Euclidean distance <c>√Σ (aᵢ − bᵢ)²</c> (the default).</summary>
    public static DistanceMetric Euclidean { get; } = new EuclideanMetric();

    /// <summary>Manhattan distance <c>Σ |aᵢ − bᵢ|</c>.</summary>
    public static DistanceMetric Manhattan { get; } = new ManhattanMetric();

    /// <summary>A caller-supplied metric. It must be symmetric and non-negative for the results to make
    /// sense.</summary>
    public static DistanceMetric Custom(SpanDistance distance, string name = "custom") =>
        new CustomMetric(distance, name);

    /// <summary>A value ordered as the distance is (the squared distance for Euclidean), computed always in the same
    /// order of operations, so that every index and thread count compares the very same numbers.</summary>
    public abstract double Reduced(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

    /// <summary>The distance from its reduced value.</summary>
    public abstract double FromReduced(double reduced);

    /// <summary>Name of the metric.</summary>
    public abstract override string ToString();

    /// <summary>The Euclidean metric: the sum of <see cref="Square"/> terms as <see cref="Sum128{T}"/> and
    /// <see cref="Sum256{T}"/> add them.</summary>
    internal sealed class EuclideanMetric : DistanceMetric
    {
        public override double Reduced(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
            Vector256.IsHardwareAccelerated ? Reduced256(a, b) : Reduced128(a, b);

        internal static double Reduced128(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Sum128<Square>(a, b);

        internal static double Reduced256(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Sum256<Square>(a, b);

        public override double FromReduced(double reduced) => Math.Sqrt(reduced);

        public override string ToString() => "euclidean";
    }

    /// <summary>The Manhattan metric: the sum of <see cref="Absolute"/> terms, added as the Euclidean metric adds
    /// its squares.</summary>
    internal sealed class ManhattanMetric : DistanceMetric
    {
        public override double Reduced(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
            Vector256.IsHardwareAccelerated ? Reduced256(a, b) : Reduced128(a, b);

        internal static double Reduced128(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Sum128<Absolute>(a, b);

        internal static double Reduced256(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Sum256<Absolute>(a, b);

        public override double FromReduced(double reduced) => reduced;

        public override string ToString() => "manhattan";
    }

    /// <summary>The term a metric sums for one difference, at each width.</summary>
    private interface ITerm
    {
        static abstract double Of(double difference);

        static abstract Vector128<double> Of(Vector128<double> difference);

        static abstract Vector256<double> Of(Vector256<double> difference);
    }

    private readonly struct Square : ITerm
    {
        public static double Of(double difference) => difference * difference;

        public static Vector128<double> Of(Vector128<double> difference) => difference * difference;

        public static Vector256<double> Of(Vector256<double> difference) => difference * difference;
    }

    private readonly struct Absolute : ITerm
    {
        public static double Of(double difference) => Math.Abs(difference);

        public static Vector128<double> Of(Vector128<double> difference) => Vector128.Abs(difference);

        public static Vector256<double> Of(Vector256<double> difference) => Vector256.Abs(difference);
    }

    /// <summary>The sum of the terms of every dimension in the one order every width keeps: the terms of each
    /// residue modulo 4 added in order (four running sums), those four sums in pairs, then the last dimensions in
    /// order; here with two 128-bit vectors (NEON on ARM64, where 256-bit ones are only emulated).</summary>
    private static double Sum128<T>(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        where T : struct, ITerm
    {
        var i = 0;
        var (low, high) = (Vector128<double>.Zero, Vector128<double>.Zero);
        for (; i + 4 <= a.Length; i += 4)
        {
            low += T.Of(Vector128.Create(a.Slice(i, 2)) - Vector128.Create(b.Slice(i, 2)));
            high += T.Of(Vector128.Create(a.Slice(i + 2, 2)) - Vector128.Create(b.Slice(i + 2, 2)));
        }
        var sum = (low.GetElement(0) + low.GetElement(1)) + (high.GetElement(0) + high.GetElement(1));
        for (; i < a.Length; i++) sum += T.Of(a[i] - b[i]);
        return sum;
    }

    /// <summary><see cref="Sum128{T}"/>'s sum with one 256-bit vector of four running sums (tested bit for bit).
    /// </summary>
    private static double Sum256<T>(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        where T : struct, ITerm
    {
        var i = 0;
        var acc = Vector256<double>.Zero;
        for (; i + 4 <= a.Length; i += 4)
            acc += T.Of(Vector256.Create(a.Slice(i, 4)) - Vector256.Create(b.Slice(i, 4)));
        var sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < a.Length; i++) sum += T.Of(a[i] - b[i]);
        return sum;
    }

    private sealed class CustomMetric(SpanDistance distance, string name) : DistanceMetric
    {
        public override double Reduced(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => distance(a, b);

        public override double FromReduced(double reduced) => reduced;

        public override string ToString() => name;
    }
}
