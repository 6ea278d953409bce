namespace Imbalanced.Sampling.Combined;

/// <summary>One iteration of <see cref="SmoteIpf"/>'s filter, as a record of what it saw and did.</summary>
/// <param name="Rows">Rows of the filter's input present at the start of the iteration, ascending.</param>
/// <param name="Partitions">The stratified partitions of <paramref name="Rows"/>; one tree was grown on each.
/// </param>
/// <param name="Removed">The rows the vote of the trees removed, ascending.</param>
internal sealed record IpfIteration(int[] Rows, int[][] Partitions, int[] Removed);
