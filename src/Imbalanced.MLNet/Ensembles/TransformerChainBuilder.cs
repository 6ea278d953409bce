using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>A chain of fitted transformers built step by step, each step fitted on the data the steps before it
/// give.</summary>
/// <param name="context">The context the steps are made and fitted in.</param>
/// <param name="input">The data the chain starts from.</param>
internal sealed class TransformerChainBuilder(MLContext context, IDataView input)
{
    private readonly List<ITransformer> _steps = [];

    /// <summary>The context the steps are made and fitted in.</summary>
    internal MLContext Context { get; } = context;

    /// <summary>The input transformed by the steps so far.</summary>
    internal IDataView View { get; private set; } = input;

    /// <summary>Appends a fitted step.</summary>
    internal void Add(ITransformer step)
    {
        _steps.Add(step);
        View = step.Transform(View);
    }

    /// <summary>Fits <paramref name="estimator"/> on <see cref="View"/> and appends it.</summary>
    internal void Add(IEstimator<ITransformer> estimator) => Add(estimator.Fit(View));

    /// <summary>The chain of the steps.</summary>
    internal TransformerChain<ITransformer> Build() => new(_steps.ToArray());
}
