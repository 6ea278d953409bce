using Imbalanced.Calibration;
using Imbalanced.Data;
using Imbalanced.Preprocessing;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.ModelSelection;

/// <summary>
/// How one technique runs inside a training part: preprocessing fitted on the part, then the sampler on the part's
/// categories where it takes them (SMOTE-NC, SMOTEN, the random samplers) or on its one-hot encoding otherwise, or
/// class weights; <c>smote</c> runs as <c>smote-nc</c> on data with categorical features (<c>smoten</c> when every
/// feature is categorical).
/// </summary>
internal sealed class TechniqueRun
{
    private readonly SamplerInfo? _sampler;
    private readonly IReadOnlyDictionary<string, object?> _parameters;
    private readonly ImputationMethod _impute;
    private readonly long _seed;

    /// <summary>The run of <paramref name="technique"/> on parts of <paramref name="data"/> whose smallest class
    /// has <paramref name="smallestPart"/> rows.</summary>
    public TechniqueRun(string technique, Dataset data, CompareOptions options, ILearnerFactory learners,
        int smallestPart)
    {
        Technique = technique;
        RanAs = technique;
        _impute = options.Impute;
        _seed = options.Seed;
        var parameters = Techniques.SamplerParametersFor(technique, options.Seed, learners);
        _parameters = parameters;
        if (technique is Techniques.None or Techniques.ClassWeight) return;
        _sampler = SamplerRegistry.Find(technique) ?? throw Techniques.Unknown(technique);
        if (technique == "smote" && data.CategoricalCount > 0)
        {
            RanAs = data.NumericCount == 0 ? "smoten" : "smote-nc";
            _sampler = SamplerRegistry.Find(RanAs)!;
        }
        // Neighbours of the same class: a class of m rows in a training part has at most m − 1 (imbalanced-learn
        // refuses more). Rather than fail on a tiny class, the workflow asks for m − 1 and reports it.
        var within = _sampler.Name == "adasyn" ? "n_neighbors" : "k_neighbors";
        if (smallestPart < 2 && _sampler.Parameters.Any(p => p.Name == within))
            throw new DataException($"the smallest class has {smallestPart} row(s) in the data a model is trained " +
                $"on, too few for {technique}, which needs a row and a neighbour of the same class: choose a " +
                "technique that copies or weighs rows (random-over, class-weight) or gather more rows of that class");
        if (smallestPart >= 2
            && _sampler.Parameters.FirstOrDefault(p => p.Name == within) is { Default: int k } && k >= smallestPart)
        {
            parameters[within] = smallestPart - 1;
            Adjusted = new Dictionary<string, object?> { [within] = smallestPart - 1 };
        }
    }

    /// <summary>Parameters set away from their defaults because a class is too small for them in a training part
    /// (<c>k_neighbors</c> at most the class's rows − 1); empty otherwise.</summary>
    public IReadOnlyDictionary<string, object?> Adjusted { get; } = new Dictionary<string, object?>();

    /// <summary>The technique asked for.</summary>
    public string Technique { get; }

    /// <summary>The sampler that runs (the technique, or its categorical form).</summary>
    public string RanAs { get; }

    /// <summary>Whether the sampler is given categories rather than their one-hot encoding.</summary>
    public bool TakesCategories => _sampler is { AllowsCategorical: true };

    /// <summary>The sampler, or null for <c>none</c> and <c>class-weight</c>.</summary>
    public SamplerInfo? Sampler => _sampler;

    /// <summary>The training part made ready, with <paramref name="innerFolds"/> inner folds (none when 0).</summary>
    public PreparedTraining Prepare(Dataset train, int innerFolds)
    {
        var outer = Part(train);
        var inner = new List<(PreparedPart, int[], Dataset)>();
        if (innerFolds > 0)
            foreach (var split in StratifiedSplits.KFold(train.Labels, innerFolds, true, _seed, train.Classes))
            {
                var part = Part(train.Select(split.Train));
                inner.Add((part, split.Test, part.Preprocessor.Transform(train.Select(split.Test))));
            }
        return new PreparedTraining(train, outer, inner);
    }

    /// <summary>One training part: preprocessing fitted on it, resampled or weighted, encoded.</summary>
    public PreparedPart Part(Dataset train)
    {
        var prep = Preprocessor.Fit(train, _impute);
        var imputed = prep.Impute(train);
        var k = train.Classes.Count;
        var truePrior = PriorCorrection.PriorOf(train.Labels, k);
        if (_sampler is null)
        {
            var encoded = prep.Encode(imputed);
            var weights = Technique == Techniques.ClassWeight ? ClassWeights.Balanced(encoded.Labels) : null;
            return new PreparedPart(prep, encoded, weights, truePrior, PriorCorrection.PriorOf(encoded.Labels, k,
                weights), null);
        }
        var options = _sampler.CreateOptions(seed: _seed, parameters: _parameters);
        if (options is AdasynOptions adasyn) options = adasyn with { KeepUnmadeClass = true };
        var sampler = _sampler.Create(options);
        ResampleResult resampled;
        if (TakesCategories)
        {
            var r = sampler.FitResample(imputed);
            resampled = new ResampleResult(prep.Encode(r.Input), r.KeptRows, prep.Encode(r.Added), r.AddedOrigins)
            {
                Warnings = r.Warnings,
            };
        }
        else resampled = sampler.FitResample(prep.Encode(imputed));
        var fit = resampled.ToDataset();
        RequireTwoClasses(fit, train);
        return new PreparedPart(prep, fit, null, truePrior, PriorCorrection.PriorOf(fit.Labels, k), resampled);
    }

    /// <summary>A sampler that left rows of one class only (SMOTE-ENN's cleaning can remove every row of a class)
    /// leaves nothing a classifier can learn: a data error naming the classes removed, as scikit-learn's learners
    /// refuse one class.</summary>
    private void RequireTwoClasses(Dataset fit, Dataset train)
    {
        var after = fit.ClassCounts();
        if (after.Count(n => n > 0) > 1) return;
        var before = train.ClassCounts();
        var gone = Enumerable.Range(0, before.Length).Where(c => before[c] > 0 && after[c] == 0)
            .Select(c => $"'{train.Classes[c]}'");
        throw new DataException($"{RanAs} removed every row of class {string.Join(", ", gone)} from a training part, " +
            "leaving one class, from which no classifier can learn; choose another technique");
    }
}
