using Imbalanced.Data;

namespace Imbalanced.Sampling.Regression;

/// <summary>
/// The sampler contract of imbalanced regression: fit on a data set with a numeric target and return it resampled,
/// rare target ranges grown and common ones shrunk, with the provenance of every row. Implementations never change
/// the data set they are given, and the same options and seed give the same result bit for bit, whatever the number
/// of threads.
/// </summary>
public interface IRegressionSampler
{
    /// <summary>Resamples <paramref name="data"/>.</summary>
    /// <exception cref="DataException">The data or the request is not valid for this method.</exception>
    RegressionResampleResult FitResample(RegressionDataset data);
}
