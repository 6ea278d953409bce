namespace Imbalanced.Numerics;

/// <summary>Small helpers on vectors of doubles.</summary>
internal static class Vectors
{
    /// <summary>The position of the largest value, the first one when several are equal (the most probable class of a
    /// row of probabilities, ties to the first class in class order).</summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
