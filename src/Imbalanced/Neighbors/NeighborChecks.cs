namespace Imbalanced.Neighbors;

internal static class NeighborChecks
{
    public static void CheckK(int k, int available)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), $"k must be at least 1; got {k}");
        if (k > available)
            throw new DataException($"asked for {k} neighbours but only {available} point(s) are available");
    }
}
