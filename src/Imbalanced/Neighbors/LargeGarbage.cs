namespace Imbalanced.Neighbors;

/// <summary>Hands large arrays no longer referenced back to the system before a step allocates its own: left to the
/// collector's own pace they stayed resident beside the next step's arrays (the peaks of self-joins of millions of
/// points). A blocking, compacting collection of a heap of large arrays takes well under a second, against the
/// minutes of the work it precedes.</summary>
internal static class LargeGarbage
{
    /// <summary>Points below which a step leaves its garbage to the collector: 65,536. A blocking collection at each
    /// of a small k-means's steps (K-Means-SMOTE inside compare's folds) would cost more than it returns.</summary>
    public const int MinPoints = 65_536;

    /// <summary>Collects and compacts the whole heap now.</summary>
    public static void Return() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
