namespace Imbalanced.Sampling.Partitioned;

/// <summary>The result of <see cref="PartitionedResampling.Run"/>: the resampled data (the same rows, in the same
/// order, as the sampler's own <see cref="ISampler.FitResample"/>) and what each stage moved and cost.</summary>
/// <param name="Result">The resampled data.</param>
/// <param name="Partitions">How many partitions the rows were split into.</param>
/// <param name="Stages">The stages, in order.</param>
/// <example><c>var run = PartitionedResampling.Run(new Smote(), data, partitions: 4); // run.Result, run.Stages</c>
/// </example>
public sealed record PartitionedRun(ResampleResult Result, int Partitions, IReadOnlyList<PartitionStage> Stages)
{
    /// <summary>Bytes shuffled or collected, over all stages.</summary>
    /// <example><c>long moved = run.ShuffledBytes + run.BroadcastBytes;</c></example>
    public long ShuffledBytes => Stages.Sum(s => s.ShuffledBytes);

    /// <summary>Bytes broadcast, over all stages.</summary>
    /// <example><c>long sent = run.BroadcastBytes;</c></example>
    public long BroadcastBytes => Stages.Sum(s => s.BroadcastBytes);

    /// <summary>Wall-clock time over all stages.</summary>
    /// <example><c>Console.WriteLine(run.Elapsed.TotalSeconds);</c></example>
    public TimeSpan Elapsed => Stages.Aggregate(TimeSpan.Zero, (total, s) => total + s.Elapsed);
}
