namespace Imbalanced.Sampling.Regression;

/// <summary>One bin of <see cref="RelevanceBins"/>: a run of consecutive target values (in sorted order) that are
/// all rare or all common.</summary>
/// <param name="Rare">Whether the bin's rows are rare (relevance at least the threshold).</param>
/// <param name="Low">The smallest target value in the bin.</param>
/// <param name="High">The largest target value in the bin.</param>
/// <param name="Rows">The bin's rows, ascending.</param>
public sealed record RelevanceBin(bool Rare, double Low, double High, IReadOnlyList<int> Rows);
