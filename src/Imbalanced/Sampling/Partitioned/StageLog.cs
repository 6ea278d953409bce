using System.Diagnostics;

namespace Imbalanced.Sampling.Partitioned;

/// <summary>The stages of a partitioned run as they happen.</summary>
internal sealed class StageLog
{
    private readonly List<PartitionStage> _stages = [];

    public IReadOnlyList<PartitionStage> Stages => _stages;

    /// <summary>Runs <paramref name="work"/> as stage <paramref name="name"/> and records its cost; the bytes are
    /// counted from its result.</summary>
    public T Run<T>(string name, Func<T> work, Func<T, long>? shuffled = null, Func<T, long>? broadcast = null)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        _stages.Add(new PartitionStage(name, shuffled?.Invoke(result) ?? 0, broadcast?.Invoke(result) ?? 0,
            clock.Elapsed));
        return result;
    }
}
