using Imbalanced.Data;

namespace Imbalanced.Sampling.Partitioned;

/// <summary>The rows of a data set split into contiguous partitions (as a cluster engine splits a file), each
/// knowing its own rows of every class; the class counts of the partitions are all the driver collects.</summary>
internal sealed class RowPartitions
{
    private readonly int[][][] _classRows;
    private readonly int[][] _rankStart;

    public RowPartitions(Dataset data, int partitions)
    {
        Count = partitions;
        var n = data.RowCount;
        var classes = data.Classes.Count;
        Starts = Enumerable.Range(0, partitions + 1).Select(p => (int)((long)n * p / partitions)).ToArray();
        _classRows = new int[partitions][][];
        Parallel.For(0, partitions, p =>
        {
            var lists = Enumerable.Range(0, classes).Select(_ => new List<int>()).ToArray();
            for (var i = Starts[p]; i < Starts[p + 1]; i++) lists[data.Labels[i]].Add(i);
            _classRows[p] = lists.Select(l => l.ToArray()).ToArray();
        });
        // Driver: the class counts of each partition, summed, and where each partition's ranks start per class.
        _rankStart = new int[partitions + 1][];
        _rankStart[0] = new int[classes];
        for (var p = 0; p < partitions; p++)
            _rankStart[p + 1] = Enumerable.Range(0, classes).Select(c => _rankStart[p][c] + _classRows[p][c].Length)
                .ToArray();
        TotalCounts = _rankStart[partitions];
    }

    /// <summary>Number of partitions.</summary>
    public int Count { get; }

    /// <summary>First row of each partition; the last entry is the row count.</summary>
    public int[] Starts { get; }

    /// <summary>Rows of every class.</summary>
    public int[] TotalCounts { get; }

    /// <summary>The partition holding the row of class <paramref name="classCode"/> whose rank (position among the
    /// class's rows in input order) is <paramref name="rank"/>.</summary>
    public int PartitionOfRank(int classCode, int rank)
    {
        int lo = 0, hi = Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_rankStart[mid][classCode] <= rank) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The row of class <paramref name="classCode"/> and rank <paramref name="rank"/>, looked up by the
    /// partition <paramref name="partition"/> that holds it.</summary>
    public int RowOfRank(int partition, int classCode, int rank) =>
        _classRows[partition][classCode][rank - _rankStart[partition][classCode]];

    /// <summary>The rows of class <paramref name="classCode"/> that partition <paramref name="partition"/> holds.
    /// </summary>
    public int[] ClassRows(int partition, int classCode) => _classRows[partition][classCode];
}
