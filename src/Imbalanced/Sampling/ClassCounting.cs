namespace Imbalanced.Sampling;

/// <summary>Majority and minority of class counts: ties to the
/// first class in class order, as imbalanced-learn.</summary>
internal static class ClassCounting
{
    /// <summary>The present class with the fewest rows.</summary>
    public static int Minority(IReadOnlyList<int> counts) =>
        Enumerable.Range(0, counts.Count).Where(c => counts[c] > 0).MinBy(c => counts[c]);
}
