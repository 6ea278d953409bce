using Imbalanced.Data;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Sampling.Combined;

/// <summary>SMOTE, then a cleaning pass over all classes of the over-sampled data; what survives of the original
/// rows stays first, in input order, then what survives of the new rows.</summary>
public abstract class SmoteThenClean(SmoteThenCleanOptions? options) : ISampler
{
    /// <summary>The options.</summary>
    protected SmoteThenCleanOptions Options { get; } = options ?? new();

    /// <summary>Rows of SMOTE's output <paramref name="oversampled"/> the cleaning keeps, every class targeted
    /// (<see cref="ResampleResult.ToDataset"/> gives the over-sampled data set; SMOTE-ENN and SMOTE-Tomek read its
    /// rows where they are instead, without that union).</summary>
    /// <param name="oversampled">SMOTE's result: the input's rows, then the new ones.</param>
    /// <param name="allClasses">Every class code of the data.</param>
    /// <returns>Output rows of <paramref name="oversampled"/>, ascending.</returns>
    protected abstract int[] Clean(ResampleResult oversampled, ICollection<int> allClasses);

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var smote = Smote.FirstStepOf(Options, Options.KNeighbors).FitResample(data);
        return smote.KeepOutputRows(Clean(smote, Enumerable.Range(0, data.Classes.Count).ToArray()));
    }
}
