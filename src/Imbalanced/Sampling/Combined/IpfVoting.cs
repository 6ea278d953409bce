namespace Imbalanced.Sampling.Combined;

/// <summary>How the trees of <see cref="SmoteIpf"/>'s iterative-partitioning filter decide that a row is noise
/// (smote_variants' <c>voting</c>).</summary>
public enum IpfVoting
{
    /// <summary>More than half of the trees misclassify the row.</summary>
    Majority,

    /// <summary>Every tree misclassifies the row.</summary>
    Consensus,
}
