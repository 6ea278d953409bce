using Microsoft.ML;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>What the binary and multiclass ensemble estimators share: their settings, checked once, and the
/// training of the members, whose model the estimators then compose from ML.NET transformers.</summary>
internal sealed class EnsembleTraining
{
    /// <summary>Checked settings of an ensemble estimator (see <see cref="BalancedEnsembleEstimator"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is unknown or there are fewer than one member.
    /// </exception>
    /// <exception cref="ArgumentException">A column name is null or empty.</exception>
    internal EnsembleTraining(EnsembleKind kind, int? members, long seed, string featureColumnName,
        string labelColumnName)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown ensemble");
        if (members is < 1)
            throw new ArgumentOutOfRangeException(nameof(members), members, "an ensemble needs at least one member");
        ArgumentException.ThrowIfNullOrEmpty(featureColumnName);
        ArgumentException.ThrowIfNullOrEmpty(labelColumnName);
        Kind = kind;
        Members = members;
        Seed = seed;
        FeatureColumn = featureColumnName;
        LabelColumn = labelColumnName;
    }

    internal EnsembleKind Kind { get; }

    internal int? Members { get; }

    internal long Seed { get; }

    internal string FeatureColumn { get; }

    internal string LabelColumn { get; }

    /// <summary>The label column of <paramref name="input"/>.</summary>
    /// <exception cref="DataException">There is none.</exception>
    internal DataViewSchema.Column Label(IDataView input) =>
        input.Schema.GetColumnOrNull(LabelColumn)
        ?? throw new DataException($"the data view has no label column '{LabelColumn}'; its columns are: " +
            string.Join(", ", input.Schema.Select(c => c.Name)));

    /// <summary>Trains the members on the feature and label columns of the view of <paramref name="chain"/>, the
    /// model being composed, in its context. The member learners read <c>Features</c> and <c>Label</c>: other
    /// columns are copied under those names, and the feature copy joins the chain (so scored data has a
    /// <c>Features</c> column).</summary>
    /// <exception cref="DataException">A column is missing or of the wrong type, or no member did better than
    /// chance.</exception>
    internal BalancedEnsembleModel Fit(TransformerChainBuilder chain)
    {
        var ml = chain.Context;
        if (FeatureColumn != "Features") chain.Add(ml.Transforms.CopyColumns("Features", FeatureColumn));
        var train = LabelColumn == "Label" ? chain.View
            : ml.Transforms.CopyColumns("Label", LabelColumn).Fit(chain.View).Transform(chain.View);
        return new BalancedEnsemble(ml, Kind, Members, Seed).Fit(train);
    }
}
