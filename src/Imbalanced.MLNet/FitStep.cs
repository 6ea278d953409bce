using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet;

/// <summary>
/// One estimator of a learner's pipeline, and whether the rows it outputs are kept in memory for the next (a trainer
/// that passes over its data many times). <see cref="Fit"/> fits a pipeline of such steps on the reading thread,
/// where <c>EstimatorChain.Fit</c> would read every transformed view through ML.NET's split-and-merge cursors; the
/// fitted model is the same chain of transformers.
/// </summary>
internal sealed record FitStep(IEstimator<ITransformer> Estimator, bool CacheAfter = false)
{
    /// <summary>Fits <paramref name="steps"/> one after the other on <paramref name="data"/>, each on the previous
    /// one's output (kept in <paramref name="ml"/>'s cache where a step asks): the one fitted transformer, or a
    /// <see cref="TransformerChain{TLastTransformer}"/> of them.</summary>
    public static ITransformer Fit(MLContext ml, IReadOnlyList<FitStep> steps, IDataView data)
    {
        var fitted = new ITransformer[steps.Count];
        for (var s = 0; s < steps.Count; s++)
        {
            fitted[s] = steps[s].Estimator.Fit(data);
            if (s == steps.Count - 1) break;
            data = new MappedDataView(data, fitted[s].GetRowToRowMapper(data.Schema));
            if (steps[s].CacheAfter) data = ml.Data.Cache(data);
        }
        return fitted.Length == 1 ? fitted[0] : new TransformerChain<ITransformer>(fitted);
    }
}
