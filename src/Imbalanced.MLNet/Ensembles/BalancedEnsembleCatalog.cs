using Microsoft.ML;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>
/// Balanced ensembles in ML.NET's trainer catalogs: <c>ml.BinaryClassification.Trainers.EasyEnsemble()</c> (a
/// Boolean label) or <c>ml.MulticlassClassification.Trainers.EasyEnsemble()</c> (a key label) and the like. The
/// ensembles train their members in a context of their own, seeded by <c>seed</c>, so no <see cref="MLContext"/>
/// is passed. Saved models of both load in a fresh context (see <see cref="MulticlassBalancedEnsembleEstimator"/>
/// for the one step of a multiclass model that is this library's own).
/// </summary>
/// <example>
/// <code>
/// var pipeline = ml.Transforms.Concatenate("Features", "x1", "x2")
///     .Append(ml.BinaryClassification.Trainers.BalancedRandomForest(members: 50, seed: 1));
/// var multiclass = ml.Transforms.Conversion.MapValueToKey("Label")
///     .Append(ml.Transforms.Concatenate("Features", "x1", "x2"))
///     .Append(ml.MulticlassClassification.Trainers.BalancedRandomForest(members: 50, seed: 1));
/// </code>
/// </example>
public static class BalancedEnsembleCatalog
{
    /// <summary>BalancedBaggingClassifier: boosted trees, each on a balanced bootstrap (10 members by default).
    /// </summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="members">Number of members; 10 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <example><c>ml.BinaryClassification.Trainers.BalancedBagging(members: 5, seed: 1)</c></example>
    public static BalancedEnsembleEstimator BalancedBagging(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, int? members = null, long seed = 0,
        string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.BalancedBagging, members, seed, featureColumnName, labelColumnName);

    /// <summary>BalancedRandomForestClassifier: single trees on √d features, each on a balanced bootstrap (100
    /// trees by default).</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="members">Number of trees; 100 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <example><c>ml.BinaryClassification.Trainers.BalancedRandomForest(members: 50, seed: 1)</c></example>
    public static BalancedEnsembleEstimator BalancedRandomForest(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, int? members = null, long seed = 0,
        string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.BalancedRandomForest, members, seed, featureColumnName, labelColumnName);

    /// <summary>EasyEnsembleClassifier: boosted trees, each on a balanced random under-sample (10 members by
    /// default).</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="members">Number of members; 10 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <example><c>ml.BinaryClassification.Trainers.EasyEnsemble(members: 5, seed: 1)</c></example>
    public static BalancedEnsembleEstimator EasyEnsemble(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, int? members = null, long seed = 0,
        string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.EasyEnsemble, members, seed, featureColumnName, labelColumnName);

    /// <summary>RUSBoostClassifier: SAMME boosting of small trees, under-sampling the weighted rows before each
    /// round (50 rounds by default).</summary>
    /// <param name="catalog">The binary trainers catalog.</param>
    /// <param name="members">Number of boosting rounds; 50 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <example><c>ml.BinaryClassification.Trainers.RusBoost(members: 10, seed: 1)</c></example>
    public static BalancedEnsembleEstimator RusBoost(
        this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, int? members = null, long seed = 0,
        string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.RusBoost, members, seed, featureColumnName, labelColumnName);

    private static BalancedEnsembleEstimator Create(BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        EnsembleKind kind, int? members, long seed, string featureColumnName, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new BalancedEnsembleEstimator(kind, members, seed, featureColumnName, labelColumnName);
    }

    /// <summary>BalancedBaggingClassifier for a key label: boosted trees (one versus all), each on a bootstrap
    /// with every class under-sampled to the minority's size (10 members by default).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="members">Number of members; 10 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The key label column.</param>
    /// <example><c>ml.MulticlassClassification.Trainers.BalancedBagging(members: 5, seed: 1)</c></example>
    public static MulticlassBalancedEnsembleEstimator BalancedBagging(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, int? members = null,
        long seed = 0, string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.BalancedBagging, members, seed, featureColumnName, labelColumnName);

    /// <summary>BalancedRandomForestClassifier for a key label: single trees on √d features (one versus all),
    /// each on a balanced bootstrap (100 trees by default).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="members">Number of trees; 100 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The key label column.</param>
    /// <example><c>ml.MulticlassClassification.Trainers.BalancedRandomForest(members: 50, seed: 1)</c></example>
    public static MulticlassBalancedEnsembleEstimator BalancedRandomForest(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, int? members = null,
        long seed = 0, string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.BalancedRandomForest, members, seed, featureColumnName, labelColumnName);

    /// <summary>EasyEnsembleClassifier for a key label: boosted trees (one versus all), each on a random
    /// under-sample with every class at the minority's size (10 members by default).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="members">Number of members; 10 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The key label column.</param>
    /// <example><c>ml.MulticlassClassification.Trainers.EasyEnsemble(members: 5, seed: 1)</c></example>
    public static MulticlassBalancedEnsembleEstimator EasyEnsemble(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, int? members = null,
        long seed = 0, string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.EasyEnsemble, members, seed, featureColumnName, labelColumnName);

    /// <summary>RUSBoostClassifier for a key label: SAMME boosting of small trees (one versus all), under-sampling
    /// every class of the weighted rows to the minority's size before each round (50 rounds by default).</summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="members">Number of boosting rounds; 50 when null.</param>
    /// <param name="seed">Seed of the samples and member trainers.</param>
    /// <param name="featureColumnName">The fixed-size <c>Single</c> vector feature column.</param>
    /// <param name="labelColumnName">The key label column.</param>
    /// <example><c>ml.MulticlassClassification.Trainers.RusBoost(members: 10, seed: 1)</c></example>
    public static MulticlassBalancedEnsembleEstimator RusBoost(
        this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, int? members = null,
        long seed = 0, string featureColumnName = "Features", string labelColumnName = "Label") =>
        Create(catalog, EnsembleKind.RusBoost, members, seed, featureColumnName, labelColumnName);

    private static MulticlassBalancedEnsembleEstimator Create(
        MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, EnsembleKind kind, int? members,
        long seed, string featureColumnName, string labelColumnName)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new MulticlassBalancedEnsembleEstimator(kind, members, seed, featureColumnName, labelColumnName);
    }
}
