namespace Imbalanced.Sampling.Partitioned;

/// <summary>One stage of a partitioned run: what it moved between partitions and how long it took here.</summary>
/// <param name="Name">What the stage does, for example <c>count classes</c> or <c>k-NN join</c>.</param>
/// <param name="ShuffledBytes">Bytes sent from partitions to other partitions or to the driver (a shuffle or a
/// collect), counting 8 bytes per feature value and 4 per row number or count.</param>
/// <param name="BroadcastBytes">Bytes the driver sends to every partition once (a broadcast variable), counted
/// once.</param>
/// <param name="Elapsed">Wall-clock time of the stage on this machine.</param>
/// <example><c>foreach (var s in run.Stages) Console.WriteLine($"{s.Name}: {s.ShuffledBytes} B shuffled");</c>
/// </example>
public readonly record struct PartitionStage(string Name, long ShuffledBytes, long BroadcastBytes, TimeSpan Elapsed);
