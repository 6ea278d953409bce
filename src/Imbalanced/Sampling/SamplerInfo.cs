namespace Imbalanced.Sampling;

/// <summary>A registered sampler: its command-line name, imbalanced-learn counterpart, kind, the command-line
/// options it takes and how to build it.</summary>
/// <param name="Name">Command-line name (<c>smote</c>).</param>
/// <param name="ImbalancedLearnName">imbalanced-learn class (<c>SMOTE</c>).</param>
/// <param name="Kind">Over, under, cleaning or combined.</param>
/// <param name="Options">Method-specific command-line options it accepts, without dashes (<c>k-neighbors</c>).</param>
/// <param name="Create">Builds the sampler from settings.</param>
/// <param name="Summary">One line for help and the README.</param>
public sealed record SamplerInfo(string Name, string ImbalancedLearnName, SamplerKind Kind, IReadOnlyList<string> Options,
    Func<SamplerSettings, ISampler> Create, string Summary)
{
    /// <summary>Whether the sampler may take missing values (it never measures distances).</summary>
    public bool AllowsMissing { get; init; }

    /// <summary>Whether the sampler works with categorical features.</summary>
    public bool AllowsCategorical { get; init; }

    /// <summary>The kind of features the sampler takes: numeric, mixed or categorical.</summary>
    public FeatureKinds Features { get; init; } = FeatureKinds.Numeric;

    /// <summary>Whether the sampler asks a classifier for probabilities (<see cref="SamplerSettings.Classifier"/>).</summary>
    public bool UsesClassifier { get; init; }

    /// <summary>Whether the result can hold rows that are not input rows (over-samplers, soft cluster centroids).</summary>
    public bool Synthesizes { get; init; } = Kind is SamplerKind.Over or SamplerKind.Combined;

    /// <summary>False when the method may make a few rows more or fewer than the strategy asks (ADASYN's rounding,
    /// Borderline-SMOTE with no row in danger), as imbalanced-learn does.</summary>
    public bool CountsAreExact { get; init; } = true;
}
