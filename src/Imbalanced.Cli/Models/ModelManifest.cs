using Imbalanced.Data;

namespace Imbalanced.Cli.Models;

/// <summary>The entry <c>imbalanced-model.json</c> of a model file: everything but the fitted learner.</summary>
/// <param name="Technique">The technique.</param>
/// <param name="RanAs">The sampler that ran for it (null in older files: the technique).</param>
/// <param name="Learner">The learner's name.</param>
/// <param name="Threshold">The decision threshold on the positive class's calibrated probability, or null.</param>
/// <param name="TunedFor">The threshold objective, or null.</param>
/// <param name="Positive">The positive class, or null.</param>
/// <param name="Classes">The class labels, in class order.</param>
/// <param name="Features">The feature columns: the numeric ones, then the categorical ones with their
/// categories.</param>
/// <param name="NumericFill">The value filling an empty cell of each numeric feature (null: left empty).</param>
/// <param name="Calibration">The calibration of the learner's probabilities.</param>
/// <param name="TrainingPrior">The class shares of the training rows.</param>
internal sealed record ModelManifest(
    string Technique,
    string? RanAs,
    string Learner,
    double? Threshold,
    string? TunedFor,
    string? Positive,
    string[] Classes,
    FeatureColumn[] Features,
    double?[] NumericFill,
    CalibrationState Calibration,
    double[] TrainingPrior)
{
    /// <summary>The entry's name in the model file.</summary>
    public const string EntryName = "imbalanced-model.json";

    /// <summary>The number of columns the learner takes: one per numeric feature and one per category of each
    /// categorical feature (one-hot).</summary>
    public int EncodedWidth() => Features.Sum(f => f.Categories?.Count ?? 1);

    /// <summary>What makes the manifest incomplete or inconsistent, in words that follow the entry's name, or null
    /// when nothing does. Everything loading and scoring rely on is checked, so that a damaged file is refused when it
    /// is loaded, not by a failure midway through scoring.</summary>
    public string? Problem()
    {
        // A JSON null makes any of these null, whatever their declared types.
        if (Technique is null || Learner is null) return "names no technique or learner";
        if (Classes is null || Classes.Length < 2 || Classes.Any(c => c is null))
            return "does not list two or more classes";
        var classes = ClassSet.FromDistinct(Classes);
        if (classes.Count != Classes.Length)
            return $"names the class '{Repeated(Classes)}' twice";
        if (!classes.Labels.SequenceEqual(Classes, StringComparer.Ordinal))
            return $"does not list its classes in class order ({classes})";
        return FeatureProblem() ?? DecisionProblem()
            ?? (Calibration is null ? "has no calibration" : Calibration.Problem(Classes.Length)) ?? PriorProblem();
    }

    private string? FeatureProblem()
    {
        if (Features is null || Features.Length == 0) return "lists no features";
        if (Features.Any(f => f?.Name is null)) return "lists a feature without a name";
        if (Features.Length != Features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count())
            return $"names the feature '{Repeated(Features.Select(f => f.Name))}' twice";
        foreach (var f in Features.Where(f => f.Categories is not null))
        {
            if (f.Categories!.Any(c => c is null)) return $"lists a category of feature '{f.Name}' that is null";
            if (f.Categories!.Count != f.Categories.Distinct(StringComparer.Ordinal).Count())
                return $"lists the category '{Repeated(f.Categories)}' of feature '{f.Name}' twice";
        }
        var numeric = Features.Where(f => f.Categories is null).Select(f => f.Name).ToArray();
        if (NumericFill is null || NumericFill.Length != numeric.Length)
            return "does not give one fill value per numeric feature " +
                $"({NumericFill?.Length ?? 0} for {numeric.Length} numeric features)";
        for (var j = 0; j < numeric.Length; j++)
            if (NumericFill[j] is { } v && !(Math.Abs(v) <= float.MaxValue))
                return $"fills feature '{numeric[j]}' with {v}, which no learner takes";
        return null;
    }

    private string? DecisionProblem()
    {
        if (Positive is not null && !Classes.Contains(Positive, StringComparer.Ordinal))
            return $"names a positive class '{Positive}' that is not one of its classes";
        if (Positive is null && Classes.Length == 2) return "names no positive class for its two classes";
        if (Threshold is { } t && !(t >= 0 && t <= 1))
            return $"has a threshold ({t}) that is not a probability";
        if (Threshold is not null && Classes.Length != 2)
            return $"has a decision threshold, which needs two classes, for {Classes.Length} classes";
        return null;
    }

    private string? PriorProblem()
    {
        if (TrainingPrior is null || TrainingPrior.Length != Classes.Length)
            return "does not give the training prior of every class " +
                $"({TrainingPrior?.Length ?? 0} values for {Classes.Length} classes)";
        if (!CalibrationState.IsPrior(TrainingPrior)) return "has a training prior that is not class shares";
        return null;
    }

    /// <summary>The first text of <paramref name="texts"/> that an earlier one repeats.</summary>
    private static string Repeated(IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return texts.First(t => !seen.Add(t));
    }
}
