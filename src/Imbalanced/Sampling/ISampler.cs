using Imbalanced.Data;

namespace Imbalanced.Sampling;

/// <summary>
/// The one sampler contract: fit on a data set and return it resampled, with the provenance of every row.
/// Implementations never change the data set they are given, and the same options and seed give the same
/// result bit for bit, whatever the number of threads.
/// </summary>
public interface ISampler
{
    /// <summary>Resamples <paramref name="data"/>.</summary>
    /// <exception cref="DataException">The data or the request is not valid for this method.</exception>
    ResampleResult FitResample(Dataset data);
}
