using Imbalanced.Neighbors;
using Imbalanced.Sampling.Regression;

namespace Imbalanced.Sampling;

/// <summary>A registered sampler: its name, imbalanced-learn counterpart, kind, its options record and how to
/// build it. Its parameters (<see cref="Parameters"/>) are read from the options record, the one place where each
/// parameter and its default are declared.</summary>
/// <param name="Name">Method name (<c>smote</c>).</param>
/// <param name="ImbalancedLearnName">imbalanced-learn class (<c>SMOTE</c>).</param>
/// <param name="Kind">Over, under, cleaning or combined.</param>
/// <param name="OptionsType">The sampler's options record (<c>SmoteOptions</c> for SMOTE, say).</param>
/// <param name="Factory">Builds the sampler from an instance of <paramref name="OptionsType"/>.</param>
/// <param name="Summary">One line for help and the README.</param>
/// <example>
/// <code>
/// var info = SamplerRegistry.Find("borderline-smote")!;
/// var sampler = info.Create(seed: 42, parameters: new Dictionary&lt;string, object?&gt; { ["m_neighbors"] = 8 });
/// </code>
/// </example>
public sealed record SamplerInfo(string Name, string ImbalancedLearnName, SamplerKind Kind, Type OptionsType,
    Func<SamplerOptions, ISampler> Factory, string Summary)
{
    private SamplerParameter[]? _parameters;

    /// <summary>A registration whose factory takes its own options type.</summary>
    internal static SamplerInfo Of<TOptions>(string name, string imbalancedLearnName, SamplerKind kind,
        Func<TOptions, ISampler> create, string summary) where TOptions : SamplerOptions, new() =>
        new(name, imbalancedLearnName, kind, typeof(TOptions), o => create((TOptions)o), summary);

    /// <summary>A regression sampler's registration: <see cref="Create(SamplerOptions)"/> refuses it, and
    /// <see cref="CreateRegression(SamplerOptions)"/> builds it.</summary>
    internal static SamplerInfo OfRegression<TOptions>(string name, string referenceName,
        Func<TOptions, IRegressionSampler> create, string summary) where TOptions : SamplerOptions, new() =>
        new(name, referenceName, SamplerKind.Regression, typeof(TOptions), _ => throw new ArgumentException(
            $"{name} is a regression method: it resamples a data set with a numeric target (a RegressionDataset; " +
            "create it with CreateRegression)"), summary)
        {
            RegressionFactory = o => create((TOptions)o),
            Synthesizes = true,
        };

    /// <summary>Builds a regression sampler (<see cref="SamplerKind.Regression"/>), else null.</summary>
    private Func<SamplerOptions, IRegressionSampler>? RegressionFactory { get; init; }

    /// <summary>The method's own parameters (beyond strategy, seed
    /// and neighbour engine), in declaration order.</summary>
    public IReadOnlyList<SamplerParameter> Parameters => _parameters ??= SamplerParameter.Of(OptionsType);

    /// <summary>Whether the sampler may take missing values (it never measures distances).</summary>
    public bool AllowsMissing { get; init; }

    /// <summary>Whether the sampler works with categorical features.</summary>
    public bool AllowsCategorical { get; init; }

    /// <summary>The kind of features the sampler takes: numeric, mixed or categorical.</summary>
    public FeatureKinds Features { get; init; } = FeatureKinds.Numeric;

    /// <summary>Whether the sampler asks a classifier for probabilities (its <c>estimator</c> parameter).</summary>
    public bool UsesClassifier { get; init; }

    /// <summary>Whether the result can hold rows that are not input
    /// rows (over-samplers, soft cluster centroids).</summary>
    public bool Synthesizes { get; init; } = Kind is SamplerKind.Over or SamplerKind.Combined;

    /// <summary>False when the method may make a few rows more or fewer than the strategy asks (ADASYN's rounding,
    /// Borderline-SMOTE with no row in danger), as imbalanced-learn does.</summary>
    public bool CountsAreExact { get; init; } = true;

    /// <summary>Options with the sampler's defaults, the given strategy, seed and engine, and the given parameters
    /// (by imbalanced-learn name, values of the parameter's type; a whole number of another type is taken when it fits,
    /// as is a whole number or a float for a double).</summary>
    /// <exception cref="ArgumentException">A parameter the method does not have, or a value of the wrong type;
    /// <see cref="ArgumentException.ParamName"/> names it.</exception>
    public SamplerOptions CreateOptions(SamplingStrategy? strategy = null, long seed = 0,
        IReadOnlyDictionary<string, object?>? parameters = null, NeighborSearch? neighbors = null)
    {
        var options = (SamplerOptions)Activator.CreateInstance(OptionsType)!;
        var type = OptionsType;
        type.GetProperty(nameof(SamplerOptions.Strategy))!.SetValue(options, strategy ?? SamplingStrategy.Auto);
        type.GetProperty(nameof(SamplerOptions.Seed))!.SetValue(options, seed);
        if (neighbors is not null) type.GetProperty(nameof(SamplerOptions.Neighbors))!.SetValue(options, neighbors);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            var parameter = Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new ArgumentException(
                    $"{Name} has no parameter '{name}'; its parameters are: " +
                    (Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Select(p => p.Name))), name);
            var target = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            var converted = value is null ? null : Converted(value, target)
                ?? throw new ArgumentException(
                    $"{parameter.Property} of {Name} takes a {target.Name}; got a {value.GetType().Name}" +
                    (IsWhole(value) && IsWhole(target) ? $" ({value}) out of its range" : ""),
                    parameter.Property);
            type.GetProperty(parameter.Property)!.SetValue(options, converted);
        }
        return options;
    }

    /// <summary><paramref name="value"/> as a <paramref name="target"/>: itself when it is one; a whole number of
    /// another type converted to a whole-number type it fits exactly, or to a double; a float widened to a double.
    /// Null when none applies (a fractional number for a whole-number parameter, text for a number).</summary>
    private static object? Converted(object value, Type target)
    {
        if (target.IsInstanceOfType(value)) return value;
        if (value is float f && target == typeof(double)) return (double)f;
        if (!IsWhole(value) || !(IsWhole(target) || target == typeof(double))) return null;
        try
        {
            return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static bool IsWhole(object value) => IsWhole(value.GetType());

    private static bool IsWhole(Type type) => !type.IsEnum && Type.GetTypeCode(type) is TypeCode.SByte
        or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64
        or TypeCode.UInt64;

    /// <summary>The sampler built from <paramref name="options"/>, an instance of <see cref="OptionsType"/>.</summary>
    public ISampler Create(SamplerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!OptionsType.IsInstanceOfType(options))
            throw new ArgumentException($"{Name} takes {OptionsType.Name}; got {options.GetType().Name}",
                nameof(options));
        return Factory(options);
    }

    /// <summary>The regression sampler built from <paramref name="options"/>, an instance of
    /// <see cref="OptionsType"/>.</summary>
    /// <exception cref="ArgumentException">The method is not a regression method.</exception>
    public IRegressionSampler CreateRegression(SamplerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (RegressionFactory is null)
            throw new ArgumentException($"{Name} is a classification method; regression methods are: " +
                string.Join(", ", SamplerRegistry.All.Where(s => s.Kind == SamplerKind.Regression).Select(s => s.Name)),
                nameof(options));
        if (!OptionsType.IsInstanceOfType(options))
            throw new ArgumentException($"{Name} takes {OptionsType.Name}; got {options.GetType().Name}",
                nameof(options));
        return RegressionFactory(options);
    }

    /// <summary>The regression sampler with its defaults but for the given seed, parameters (by name) and engine.
    /// </summary>
    /// <example><code>
    /// var smoter = SamplerRegistry.Find("smoter")!.CreateRegression(seed: 1,
    ///     parameters: new Dictionary&lt;string, object?&gt; { ["relevance_threshold"] = 0.9 });
    /// </code></example>
    public IRegressionSampler CreateRegression(long seed = 0, IReadOnlyDictionary<string, object?>? parameters = null,
        NeighborSearch? neighbors = null) =>
        CreateRegression(CreateOptions(null, seed, parameters, neighbors));

    /// <summary>The sampler with its defaults but for the given strategy, seed, parameters (by imbalanced-learn
    /// name) and engine.</summary>
    public ISampler Create(long seed = 0, SamplingStrategy? strategy = null,
        IReadOnlyDictionary<string, object?>? parameters = null, NeighborSearch? neighbors = null) =>
        Create(CreateOptions(strategy, seed, parameters, neighbors));
}
