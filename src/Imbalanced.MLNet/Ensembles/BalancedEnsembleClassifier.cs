using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>
/// A <see cref="BalancedEnsemble"/> of its default members as a learner of the core's workflow: fits on the numeric
/// features of a <see cref="Dataset"/> (two classes or more), honours row weights, and returns a
/// <see cref="BalancedEnsembleModel"/>. Every fit starts from a new context seeded by <paramref name="seed"/>.
/// </summary>
/// <param name="kind">Which ensemble.</param>
/// <param name="seed">Seed of the context, the bootstraps and the under-samples.</param>
/// <param name="threads">Threads of the members' trainers; null for ML.NET's default.</param>
/// <param name="members">Members; the kind's default when null.</param>
internal sealed class BalancedEnsembleClassifier(EnsembleKind kind, long seed, int? threads, int? members = null)
    : IClassifier
{
    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (weights is not null && weights.Count != train.RowCount)
            throw new ArgumentException(
                $"there are {weights.Count} weights for {train.RowCount} rows", nameof(weights));
        var shape = new DataViewShape(
            "Features", "Label", train.NumericCount, null, LabelKind.Key, train.Classes.Labels);
        var ensemble = new BalancedEnsemble(new MLContext(unchecked((int)seed)), kind, members, seed, threads: threads);
        return PoolThread.Run(() => ensemble.Fit(train, shape, weights));
    }
}
