namespace Imbalanced.MLNet;

/// <summary>
/// Runs ML.NET training on a thread-pool thread. FastTree and FastForest on one thread hand the split search of each
/// feature to the pool and wait for it (<c>Task.Run(work).Wait()</c>, once per feature per split); waited on from a
/// pool thread such a task runs inline, waited on from any other thread every hand-off is a thread switch, which
/// measured about half the time of a 100-tree forest on 4,500 × 25 rows.
/// </summary>
internal static class PoolThread
{
    /// <summary>The result of <paramref name="work"/>, run on a pool thread (this one if it is one).</summary>
    public static T Run<T>(Func<T> work) =>
        Thread.CurrentThread.IsThreadPoolThread ? work() : Task.Run(work).GetAwaiter().GetResult();
}
