using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.Combined;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.Regression;
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
        SamplerInfo.Of<RandomOverSamplerOptions>("random-over", "RandomOverSampler", SamplerKind.Over,
            o => new RandomOverSampler(o),
            "duplicate random rows of the classes to grow (a smoothed bootstrap with shrinkage)")
        with { AllowsMissing = true, AllowsCategorical = true },
        SamplerInfo.Of<SmoteOptions>("smote", "SMOTE", SamplerKind.Over, o => new Smote(o),
            "interpolate between a row and one of its k nearest neighbours of the same class"),
        SamplerInfo.Of<SmoteNcOptions>("smote-nc", "SMOTENC", SamplerKind.Over, o => new SmoteNc(o),
            "SMOTE for mixed numeric and categorical features (categories by majority vote of the neighbours)")
        with { AllowsCategorical = true, Features = FeatureKinds.Mixed },
        SamplerInfo.Of<SmotenOptions>("smoten", "SMOTEN", SamplerKind.Over, o => new Smoten(o),
            "SMOTE for categorical features only (Value Difference Metric, per-feature mode)")
        with { AllowsCategorical = true, Features = FeatureKinds.Categorical },
        SamplerInfo.Of<BorderlineSmoteOptions>("borderline-smote", "BorderlineSMOTE", SamplerKind.Over,
            o => new BorderlineSmote(o), "SMOTE seeded only by rows on the class border (in danger)")
        with { CountsAreExact = false },
        SamplerInfo.Of<SvmSmoteOptions>("svm-smote", "SVMSMOTE", SamplerKind.Over, o => new SvmSmote(o),
            "SMOTE from the support vectors of an RBF SVM: interpolate where in danger, extrapolate where safe"),
        SamplerInfo.Of<KMeansSmoteOptions>("kmeans-smote", "KMeansSMOTE", SamplerKind.Over, o => new KMeansSmote(o),
            "SMOTE inside the k-means clusters where the class is common, more where it is sparse")
        with { CountsAreExact = false },
        SamplerInfo.Of<AdasynOptions>("adasyn", "ADASYN", SamplerKind.Over, o => new Adasyn(o),
            "SMOTE with more rows made from rows that have more neighbours of other classes")
        with { CountsAreExact = false },
        SamplerInfo.Of<RandomUnderSamplerOptions>("random-under", "RandomUnderSampler", SamplerKind.Under,
            o => new RandomUnderSampler(o), "keep a random subset of the classes to shrink")
        with { AllowsMissing = true, AllowsCategorical = true },
        SamplerInfo.Of<NearMissOptions>("nearmiss", "NearMiss", SamplerKind.Under, o => new NearMiss(o),
            "keep the rows of the classes to shrink that are closest to the minority class")
        with { CountsAreExact = false },
        SamplerInfo.Of<ClusterCentroidsOptions>("cluster-centroids", "ClusterCentroids", SamplerKind.Under,
            o => new ClusterCentroids(o), "replace the classes to shrink by k-means centres (or the rows nearest them)")
        with { Synthesizes = true },
        SamplerInfo.Of<InstanceHardnessThresholdOptions>("iht", "InstanceHardnessThreshold", SamplerKind.Under,
            o => new InstanceHardnessThreshold(o), "drop the rows a cross-validated classifier finds hardest")
        with { CountsAreExact = false, UsesClassifier = true },
        SamplerInfo.Of<SamplerOptions>("tomek-links", "TomekLinks", SamplerKind.Cleaning, o => new TomekLinks(o),
            "remove the rows of Tomek links (mutual nearest neighbours of different classes)"),
        SamplerInfo.Of<EditedNearestNeighboursOptions>("enn", "EditedNearestNeighbours", SamplerKind.Cleaning,
            o => new EditedNearestNeighbours(o), "remove rows whose nearest neighbours disagree with their class"),
        SamplerInfo.Of<RepeatedEditedNearestNeighboursOptions>("renn", "RepeatedEditedNearestNeighbours",
            SamplerKind.Cleaning, o => new RepeatedEditedNearestNeighbours(o),
            "edited nearest neighbours, repeated until nothing changes"),
        SamplerInfo.Of<AllKnnOptions>("allknn", "AllKNN", SamplerKind.Cleaning, o => new AllKnn(o),
            "edited nearest neighbours with 1, 2, ..., n neighbours in turn"),
        SamplerInfo.Of<CondensedOptions>("cnn", "CondensedNearestNeighbour", SamplerKind.Cleaning,
            o => new CondensedNearestNeighbour(o), "keep a store of rows that classifies the class's rows by 1-NN"),
        SamplerInfo.Of<CondensedOptions>("oss", "OneSidedSelection", SamplerKind.Cleaning,
            o => new OneSidedSelection(o), "one pass of condensing, then Tomek links"),
        SamplerInfo.Of<NeighbourhoodCleaningRuleOptions>("ncr", "NeighbourhoodCleaningRule", SamplerKind.Cleaning,
            o => new NeighbourhoodCleaningRule(o),
            "edited nearest neighbours plus the neighbours that misclassify minority rows"),
        SamplerInfo.Of<SmoteThenCleanOptions>("smote-tomek", "SMOTETomek", SamplerKind.Combined,
            o => new SmoteTomek(o), "SMOTE, then remove Tomek links from every class"),
        SamplerInfo.Of<SmoteThenCleanOptions>("smote-enn", "SMOTEENN", SamplerKind.Combined, o => new SmoteEnn(o),
            "SMOTE, then edited nearest neighbours over every class"),
        // Beyond imbalanced-learn (issue 17): no imbalanced-learn class, so the reference implementation's class name
        // stands in, smote_variants' (geometric-smote's for gsmote).
        SamplerInfo.Of<PolynomFitSmoteOptions>("polynom-fit-smote", "polynom_fit_SMOTE", SamplerKind.Over,
            o => new PolynomFitSmote(o),
            "new rows along a star, bus or mesh of the class's rows, or on a polynomial curve fitted through them"),
        SamplerInfo.Of<ProWSynOptions>("prowsyn", "ProWSyn", SamplerKind.Over, o => new ProWSyn(o),
            "SMOTE within proximity levels; rows nearer the other classes make more new rows"),
        SamplerInfo.Of<SmoteIpfOptions>("smote-ipf", "SMOTE_IPF", SamplerKind.Combined, o => new SmoteIpf(o),
            "SMOTE, then remove rows most decision trees grown on partitions misclassify, until few are removed")
        with { CountsAreExact = false },
        SamplerInfo.Of<LeeOptions>("lee", "Lee", SamplerKind.Over, o => new Lee(o),
            "SMOTE that rejects new rows whose nearest neighbours are mostly of other classes"),
        SamplerInfo.Of<SmobdOptions>("smobd", "SMOBD", SamplerKind.Over, o => new Smobd(o),
            "SMOTE seeded by density (OPTICS core distance and neighbour count); noise rows seed nothing"),
        SamplerInfo.Of<GeometricSmoteOptions>("gsmote", "GeometricSMOTE", SamplerKind.Over,
            o => new GeometricSmote(o),
            "new rows inside truncated, deformed hyperspheres around rows of the class, not on segments"),
        SamplerInfo.Of<CcrOptions>("ccr", "CCR", SamplerKind.Combined, o => new Ccr(o),
            "energy-bounded spheres around the class's rows: other-class rows inside are pushed out, new rows inside"),
        // Imbalanced regression (issue 17): UBL's function names stand in for the class name.
        SamplerInfo.OfRegression<SmoterOptions>("smoter", "SmoteRegress", o => new Smoter(o),
            "regression: SMOTE within the rare target ranges (target interpolated too), common ranges under-sampled"),
        SamplerInfo.OfRegression<SmognOptions>("smogn", "SMOGNRegress", o => new Smogn(o),
            "regression: SMOTER where the neighbour is near, Gaussian noise around the seed where it is not"),
    ];

    /// <summary>Every registered sampler, in the order of the command line's method table.</summary>
    public static IReadOnlyList<SamplerInfo> All => Entries;

    /// <summary>The sampler registered as <paramref name="name"/>, or null.</summary>
    public static SamplerInfo? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
