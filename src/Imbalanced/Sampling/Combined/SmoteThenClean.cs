using Imbalanced.Data;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Sampling.Combined;

/// <summary>SMOTE, then a cleaning pass over all classes of the over-sampled data; what survives of the original
/// rows stays first, in input order, then what survives of the new rows.</summary>
public abstract class SmoteThenClean(SmoteThenCleanOptions? options) : ISampler
{
    /// <summary>The options.</summary>
    protected SmoteThenCleanOptions Options { get; } = options ?? new();

    /// <summary>Rows of <paramref name="oversampled"/> the cleaning keeps (every class targeted).</summary>
    protected abstract int[] Clean(Dataset oversampled, ICollection<int> allClasses);

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var smote = Smote.FirstStepOf(Options, Options.KNeighbors).FitResample(data);
        var oversampled = smote.Combined();
        return smote.KeepOutputRows(Clean(oversampled, Enumerable.Range(0, data.Classes.Count).ToArray()));
    }
}
