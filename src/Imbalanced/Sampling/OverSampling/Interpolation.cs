using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>The one interpolation formula of the SMOTE family, <c>base + gap · (neighbour − base)</c>, and the one
/// loop that draws (seed, neighbour, gap) triples with it.</summary>
internal static class Interpolation
{
    /// <summary>The draws of <see cref="MakeRows"/>: for each of <paramref name="count"/> rows, a pair uniform among
    /// <paramref name="pairs"/>, then a gap <c>step · u</c>. They depend on counts only, not on feature values, so a
    /// partitioned run draws them once, centrally (<see cref="Partitioned.PartitionedResampling"/>).</summary>
    public static (int Pair, double Gap)[] Draw(SeededRandom rng, int pairs, int count, double step = 1.0)
    {
        var draws = new (int Pair, double Gap)[count];
        for (var s = 0; s < count; s++)
        {
            var pair = rng.NextInt(pairs);
            draws[s] = (pair, step * rng.NextDouble());
        }
        return draws;
    }

    /// <summary>Writes <c>base + gap · (neighbour − base)</c> into <paramref name="destination"/>.</summary>
    /// <remarks>That is imbalanced-learn's formula, kept for identical results. Where <c>neighbour − base</c>
    /// overflows (values near ±1.8e308 of opposite signs) it is computed as
    /// <c>(1 − gap) · base + gap · neighbour</c> instead, kept within the two values for a gap in [0, 1], so an
    /// interpolated value is always finite.</remarks>
    public static void Write(ReadOnlySpan<double> baseRow, ReadOnlySpan<double> neighbor, double gap,
        Span<double> destination)
    {
        for (var j = 0; j < destination.Length; j++) destination[j] = Value(baseRow[j], neighbor[j], gap);
    }

    /// <summary>One value of <see cref="Write"/>: <c>b + gap · (n − b)</c>, finite where both values are.</summary>
    public static double Value(double b, double n, double gap)
    {
        var v = b + gap * (n - b);
        if (!double.IsFinite(v) && double.IsFinite(b) && double.IsFinite(n))
        {
            v = (1 - gap) * b + gap * n;
            if (gap is >= 0 and <= 1) v = Math.Clamp(v, Math.Min(b, n), Math.Max(b, n));
        }
        return v;
    }

    /// <summary>
    /// Adds <paramref name="count"/> rows of class <paramref name="classCode"/>: each draws a pair uniformly among the
    /// <c>seeds × k</c> (seed, neighbour) pairs, then a gap <c>step · u</c> with u uniform in [0, 1) (a negative step
    /// extrapolates away from the neighbour), and records base, neighbour and gap as its origin.
    /// </summary>
    /// <param name="added">Where the rows go (seeds and neighbours are rows of its input).</param>
    /// <param name="rng">The sampler's random stream.</param>
    /// <param name="classCode">Class of the new rows.</param>
    /// <param name="seeds">Input rows that seed new rows.</param>
    /// <param name="k">Neighbours per seed.</param>
    /// <param name="neighborOf">The input row of pair p's neighbour
    /// (p = seed position · k + neighbour position).</param>
    /// <param name="count">Rows to make.</param>
    /// <param name="step">Scale of the gap (1 for SMOTE).</param>
    public static void MakeRows(SyntheticRows added, SeededRandom rng, int classCode,
        IReadOnlyList<int> seeds, int k, Func<int, int> neighborOf, int count, double step = 1.0)
    {
        foreach (var (pair, gap) in Draw(rng, seeds.Count * k, count, step))
        {
            added.AddInterpolated(classCode, new RowOrigin(true, -1, seeds[pair / k], neighborOf(pair), gap));
        }
    }
}
