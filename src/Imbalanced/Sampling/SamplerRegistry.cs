using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.Combined;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;

namespace Imbalanced.Sampling;

/// <summary>
/// The one list of samplers. The command line, the ML.NET wrapper, the comparison workflow and the common
/// checks all read it, so a sampler registered here is reachable and tested everywhere.
/// </summary>
public static class SamplerRegistry
{
    private static readonly SamplerInfo[] Entries =
    [
        new("random-over", "RandomOverSampler", SamplerKind.Over, ["shrinkage"],
            s => new RandomOverSampler(new RandomOverSamplerOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, Shrinkage = s.Shrinkage }),
            "duplicate random rows of the classes to grow (smoothed bootstrap with --shrinkage)")
        { AllowsMissing = true, AllowsCategorical = true },
        new("smote", "SMOTE", SamplerKind.Over, ["k-neighbors"],
            s => new Smote(new SmoteOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5 }),
            "interpolate between a row and one of its k nearest neighbours of the same class"),
        new("smote-nc", "SMOTENC", SamplerKind.Over, ["k-neighbors", "categorical"],
            s => new SmoteNc(new SmoteNcOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5, CategoricalFeatures = s.Categorical }),
            "SMOTE for mixed numeric and categorical features (categories by majority vote of the neighbours)")
        { AllowsCategorical = true, Features = FeatureKinds.Mixed },
        new("smoten", "SMOTEN", SamplerKind.Over, ["k-neighbors"],
            s => new Smoten(new SmotenOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5 }),
            "SMOTE for categorical features only (Value Difference Metric, per-feature mode)")
        { AllowsCategorical = true, Features = FeatureKinds.Categorical },
        new("borderline-smote", "BorderlineSMOTE", SamplerKind.Over, ["k-neighbors", "m-neighbors", "kind"],
            s => new BorderlineSmote(new BorderlineSmoteOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5, MNeighbors = s.MNeighbors ?? 10,
                Kind = s.Kind switch
                {
                    null or "borderline-1" => BorderlineKind.Borderline1,
                    "borderline-2" => BorderlineKind.Borderline2,
                    _ => throw new ArgumentException($"--kind must be borderline-1 or borderline-2; got '{s.Kind}'"),
                },
            }),
            "SMOTE seeded only by rows on the class border (in danger)")
        { CountsAreExact = false },
        new("svm-smote", "SVMSMOTE", SamplerKind.Over, ["k-neighbors", "m-neighbors", "out-step"],
            s => new SvmSmote(new SvmSmoteOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5, MNeighbors = s.MNeighbors ?? 10,
                OutStep = s.OutStep ?? 0.5,
            }),
            "SMOTE from the support vectors of an RBF SVM: interpolate where in danger, extrapolate where safe"),
        new("kmeans-smote", "KMeansSMOTE", SamplerKind.Over, ["k-neighbors", "clusters", "cluster-balance-threshold", "density-exponent"],
            s => new KMeansSmote(new KMeansSmoteOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 2, Clusters = s.Clusters ?? 8,
                ClusterBalanceThreshold = s.ClusterBalanceThreshold, DensityExponent = s.DensityExponent,
            }),
            "SMOTE inside the k-means clusters where the class is common, more where it is sparse")
        { CountsAreExact = false },
        new("adasyn", "ADASYN", SamplerKind.Over, ["n-neighbors"],
            s => new Adasyn(new AdasynOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 5 }),
            "SMOTE with more rows made from rows that have more neighbours of other classes")
        { CountsAreExact = false },
        new("random-under", "RandomUnderSampler", SamplerKind.Under, ["replacement"],
            s => new RandomUnderSampler(new RandomUnderSamplerOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, Replacement = s.Replacement }),
            "keep a random subset of the classes to shrink")
        { AllowsMissing = true, AllowsCategorical = true },
        new("nearmiss", "NearMiss", SamplerKind.Under, ["version", "n-neighbors", "n-neighbors-ver3"],
            s => new NearMiss(new NearMissOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, Version = s.Version ?? 1, NNeighbors = s.NNeighbors ?? 3,
                NNeighborsVer3 = s.NNeighborsVer3 ?? 3,
            }),
            "keep the rows of the classes to shrink that are closest to the minority class")
        { CountsAreExact = false },
        new("cluster-centroids", "ClusterCentroids", SamplerKind.Under, ["voting"],
            s => new ClusterCentroids(new ClusterCentroidsOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors,
                Voting = s.Voting switch
                {
                    null or "auto" => CentroidVoting.Auto,
                    "soft" => CentroidVoting.Soft,
                    "hard" => CentroidVoting.Hard,
                    _ => throw new ArgumentException($"--voting must be auto, soft or hard; got '{s.Voting}'"),
                },
            }),
            "replace the classes to shrink by k-means centres (or the rows nearest them)")
        { Synthesizes = true },
        new("iht", "InstanceHardnessThreshold", SamplerKind.Under, ["cv"],
            s => new InstanceHardnessThreshold(new InstanceHardnessThresholdOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, Folds = s.Folds ?? 5, Estimator = s.Classifier,
            }),
            "drop the rows a cross-validated classifier finds hardest")
        { CountsAreExact = false, UsesClassifier = true },
        new("tomek-links", "TomekLinks", SamplerKind.Cleaning, [],
            s => new TomekLinks(new SamplerOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors }),
            "remove the rows of Tomek links (mutual nearest neighbours of different classes)"),
        new("enn", "EditedNearestNeighbours", SamplerKind.Cleaning, ["n-neighbors", "kind-sel"],
            s => new EditedNearestNeighbours(new EditedNearestNeighboursOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 3, KindSelMode = s.KindSelMode,
            }),
            "remove rows whose nearest neighbours disagree with their class"),
        new("renn", "RepeatedEditedNearestNeighbours", SamplerKind.Cleaning, ["n-neighbors", "kind-sel", "max-iter"],
            s => new RepeatedEditedNearestNeighbours(new RepeatedEditedNearestNeighboursOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 3, KindSelMode = s.KindSelMode,
                MaxIterations = s.MaxIterations ?? 100,
            }),
            "edited nearest neighbours, repeated until nothing changes"),
        new("allknn", "AllKNN", SamplerKind.Cleaning, ["n-neighbors", "kind-sel", "allow-minority"],
            s => new AllKnn(new AllKnnOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 3, KindSelMode = s.KindSelMode,
                AllowMinority = s.AllowMinority,
            }),
            "edited nearest neighbours with 1, 2, ..., n neighbours in turn"),
        new("cnn", "CondensedNearestNeighbour", SamplerKind.Cleaning, ["n-neighbors", "n-seeds-s"],
            s => new CondensedNearestNeighbour(new CondensedOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 1, NSeedsS = s.NSeedsS ?? 1,
            }),
            "keep a store of rows that classifies the class's rows by 1-NN"),
        new("oss", "OneSidedSelection", SamplerKind.Cleaning, ["n-neighbors", "n-seeds-s"],
            s => new OneSidedSelection(new CondensedOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 1, NSeedsS = s.NSeedsS ?? 1,
            }),
            "one pass of condensing, then Tomek links"),
        new("ncr", "NeighbourhoodCleaningRule", SamplerKind.Cleaning, ["n-neighbors", "threshold-cleaning"],
            s => new NeighbourhoodCleaningRule(new NeighbourhoodCleaningRuleOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, NNeighbors = s.NNeighbors ?? 3,
                ThresholdCleaning = s.ThresholdCleaning ?? 0.5,
            }),
            "edited nearest neighbours plus the neighbours that misclassify minority rows"),
        new("smote-tomek", "SMOTETomek", SamplerKind.Combined, ["k-neighbors"],
            s => new SmoteTomek(new SmoteThenCleanOptions { Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5 }),
            "SMOTE, then remove Tomek links from every class"),
        new("smote-enn", "SMOTEENN", SamplerKind.Combined, ["k-neighbors", "n-neighbors"],
            s => new SmoteEnn(new SmoteThenCleanOptions
            {
                Strategy = s.Strategy, Seed = s.Seed, Neighbors = s.Neighbors, KNeighbors = s.KNeighbors ?? 5, NNeighbors = s.NNeighbors ?? 3,
            }),
            "SMOTE, then edited nearest neighbours over every class"),
    ];

    /// <summary>Every registered sampler, in the order of the command line's method table.</summary>
    public static IReadOnlyList<SamplerInfo> All => Entries;

    /// <summary>The sampler registered as <paramref name="name"/>, or null.</summary>
    public static SamplerInfo? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
