using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Imbalanced.MLNet;

/// <summary>
/// ML.NET's binary random forest (FastForest, fitted on a leased copy of its assembly,
/// <see cref="LeasedTrainer{TOptions}"/>) followed by ML.NET's expression transform that writes the
/// <c>Probability</c> column as the trees' vote share, <c>(Score / trees + 1) / 2</c> held within [0, 1]: each tree
/// outputs the (weighted) mean of the -1 and +1 labels of its sample's rows in the leaf, and the score is their sum.
/// The count is that of the trees the fitted forest holds (FastForest leaves out a tree it found no split for, so it
/// may hold fewer than it was asked for); a forest that holds none says 0.5. Both parts are ML.NET's own transformers,
/// so the fitted model saves and loads as any ML.NET model.
/// </summary>
internal sealed class ForestVoteShare(MLContext ml, FastForestBinaryTrainer.Options options) : IEstimator<ITransformer>
{
    public ITransformer Fit(IDataView input)
    {
        var forest = Forest().Fit(input);
        var share = ml.Transforms.Expression("Probability", Expression(TreeCount(forest)), "Score");
        return new TransformerChain<ITransformer>(forest, share.Fit(forest.Transform(input)));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        ml.Transforms.Expression("Probability", Expression(1), "Score")
            .GetOutputSchema(Forest().GetOutputSchema(inputSchema));

    private LeasedTrainer<FastForestBinaryTrainer.Options> Forest() =>
        new(ml, options, TrainerCopies.TreeExtensions, "FastForest");

    /// <summary>ML.NET's expression of the vote share of <paramref name="trees"/> trees.</summary>
    internal static string Expression(int trees) =>
        trees == 0 ? "s => 0.5" : $"s => min(1, max(0, (s / {trees} + 1) / 2))";

    /// <summary>The number of trees of a fitted FastForest, read through ML.NET's public model types by name: the
    /// forest may come from a copy of the FastTree assembly, whose types are not the ones this assembly
    /// references.</summary>
    private static int TreeCount(ITransformer forest)
    {
        var model = ((IPredictionTransformer<object>)forest).Model;
        var ensemble = model.GetType().GetProperty(nameof(FastForestBinaryModelParameters.TrainedTreeEnsemble))!
            .GetValue(model)!;
        var trees = ensemble.GetType().GetProperty(nameof(RegressionTreeEnsemble.Trees))!.GetValue(ensemble)!;
        return ((IReadOnlyCollection<object>)trees).Count;
    }
}
