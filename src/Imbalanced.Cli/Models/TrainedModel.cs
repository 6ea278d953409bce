using System.IO.Compression;
using System.Text.Json;
using Imbalanced.Calibration;
using Imbalanced.Data;
using Imbalanced.MLNet;
using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;
using Imbalanced.Preprocessing;
using Microsoft.ML;

namespace Imbalanced.Cli.Models;

/// <summary>
/// The model file of <c>imbalanced train</c>: a <see cref="TrainedCombination"/> (preprocessing, fitted learner,
/// calibration, threshold, classes) and the feature schema, in one zip: <c>learner.zip</c> (the ML.NET model) and
/// <c>imbalanced-model.json</c> (everything else).
/// </summary>
internal sealed class TrainedModel
{
    private TrainedModel(TrainedCombination combination, IReadOnlyList<FeatureColumn> features, string? tunedFor)
    {
        Combination = combination;
        Features = features;
        TunedFor = tunedFor;
    }

    /// <summary>The fitted combination.</summary>
    public TrainedCombination Combination { get; }

    /// <summary>The feature schema: every feature column, categorical ones with their training categories.</summary>
    public IReadOnlyList<FeatureColumn> Features { get; }

    /// <summary>The threshold objective, or null.</summary>
    public string? TunedFor { get; }

    /// <summary>The class labels, in class order.</summary>
    public IReadOnlyList<string> Classes => Combination.Classes.Labels;

    /// <summary>The positive class of a binary model.</summary>
    public string? Positive => Combination.Positive is { } p ? Combination.Classes[p] : null;

    /// <summary>Fits <paramref name="technique"/> and <paramref name="learner"/> on all of <paramref name="dataset"/>
    /// as one fold of the comparison workflow does (<see cref="TrainedCombination.Fit"/> with
    /// <see cref="MlNetLearners"/>).</summary>
    /// <exception cref="ArgumentException">An option value is unknown or out of range.</exception>
    /// <exception cref="DataException">The data do not allow the options.</exception>
    public static TrainedModel Train(Dataset dataset, string technique, string learner, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var combination = TrainedCombination.Fit(dataset, technique, learner, new MlNetLearners(), options);
        var features = dataset.NumericNames.Select(n => new FeatureColumn(n, null))
            .Concat(combination.Preprocessor.CategoricalNames.Select((n, f) =>
                new FeatureColumn(n, combination.Preprocessor.Categories[f])))
            .ToArray();
        return new TrainedModel(combination, features,
            options.TuneThreshold == "none"
                ? null
                : ThresholdObjective.Parse(options.TuneThreshold, options.Cost).Name);
    }

    /// <summary>Saves the model file (atomically).</summary>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Writes the model file to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        var c = Combination;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry("learner.zip").Open()) MlNetClassifier.Save(c.Model, entry);
        using var manifest = zip.CreateEntry("imbalanced-model.json").Open();
        var p = c.Preprocessor;
        JsonSerializer.Serialize(manifest, new Manifest(c.Technique, c.RanAs, c.Learner, c.Threshold, TunedFor,
            Positive, [.. Classes], [.. Features],
            [.. p.NumericFill.Select(v => double.IsNaN(v) ? (double?)null : v)],
            CalibrationState.Of(c.Calibrator), [.. c.TrainingPrior]));
    }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="DataException">The file is not a model file or is damaged.</exception>
    public static TrainedModel Load(string path)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{path}: cannot be read as a model file ({e.Message})", e);
        }
        using (zip)
        {
            var m = ReadManifest(zip, path);
            var entry = zip.GetEntry("learner.zip")
                ?? throw new DataException($"{path}: damaged model file: the member 'learner.zip' is missing");
            IClassifierModel learner;
            try
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                copy.Position = 0;
                learner = MlNetClassifier.Load(new MLContext(0), copy);
            }
            catch (Exception e) when (e is not DataException and not OutOfMemoryException)
            {
                throw new DataException($"{path}: damaged model file: its learner cannot be loaded ({e.Message})", e);
            }
            try
            {
                var classes = ClassSet.FromDistinct(m.Classes);
                var numeric = m.Features.Where(f => f.Categories is null).Select(f => f.Name).ToArray();
                var categorical = m.Features.Where(f => f.Categories is not null).ToArray();
                var preprocessor = new Preprocessor(numeric, m.NumericFill.Select(v => v ?? double.NaN).ToArray(),
                    categorical.Select(f => f.Name).ToArray(), categorical.Select(f => f.Categories!).ToArray());
                var combination = new TrainedCombination(m.Technique, m.RanAs ?? m.Technique, m.Learner, classes,
                    preprocessor, learner, m.Calibration.Restore(), m.TrainingPrior,
                    m.Positive is null ? null : classes.IndexOf(m.Positive), m.Threshold);
                return new TrainedModel(combination, m.Features, m.TunedFor);
            }
            catch (Exception e) when (e is ArgumentException or NullReferenceException)
            {
                throw new DataException($"{path}: damaged model file: 'imbalanced-model.json' is not consistent " +
                    $"({e.Message})", e);
            }
        }
    }

    private static Manifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry("imbalanced-model.json")
            ?? throw new DataException($"{path}: not an imbalanced model file (no 'imbalanced-model.json' in it)");
        Manifest? m;
        try
        {
            using var stream = entry.Open();
            m = JsonSerializer.Deserialize<Manifest>(stream);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or NotSupportedException)
        {
            throw new DataException(
                $"{path}: damaged model file: 'imbalanced-model.json' is not valid ({e.Message})", e);
        }
        string Damaged(string what) => $"{path}: damaged model file: 'imbalanced-model.json' {what}";
        if (m is null) throw new DataException(Damaged("holds no manifest"));
        if (m.Technique is null || m.Learner is null)
            throw new DataException(Damaged("names no technique or learner"));
        if (m.Classes is null || m.Classes.Length < 2 || m.Classes.Any(c => c is null))
            throw new DataException(Damaged("does not list two or more classes"));
        if (m.Features is null || m.Features.Length == 0 || m.Features.Any(f => f?.Name is null))
            throw new DataException(Damaged("lists no features"));
        if (m.Positive is not null && !m.Classes.Contains(m.Positive))
            throw new DataException(Damaged($"names a positive class '{m.Positive}' that is not one of its classes"));
        if (m.Threshold is { } t && !double.IsFinite(t))
            throw new DataException(Damaged("has a threshold that is not finite"));
        if (m.NumericFill is null || m.NumericFill.Length != m.Features.Count(f => f.Categories is null))
            throw new DataException(Damaged("does not give one fill value per numeric feature"));
        if (m.Calibration is null) throw new DataException(Damaged("has no calibration"));
        if (m.TrainingPrior is null || m.TrainingPrior.Length != m.Classes.Length)
            throw new DataException(Damaged("does not give the training prior of every class"));
        return m;
    }

    /// <summary>Predicted labels and row-major calibrated class probabilities for the rows of
    /// <paramref name="table"/>; with <paramref name="prior"/> (binary), the probabilities mapped to a deployment
    /// prevalence of the positive class and the decisions taken on them.</summary>
    /// <exception cref="DataException">A feature column is missing or has the wrong type, or holds a number that is
    /// not finite.</exception>
    public (string[] Predicted, double[] Probabilities) Predict(RawTable table, double? prior = null)
    {
        var data = FeatureTable.Read(table, Features, Combination.Classes);
        var c = Combination;
        var p = c.PredictProbabilities(data);
        if (prior is { } deployed && c.Positive is { } pos)
        {
            var target = new double[2];
            target[pos] = deployed;
            target[1 - pos] = 1 - deployed;
            p = new PriorCorrection(target, c.TrainingPrior).Apply(p, 2);
        }
        return (c.Decide(p).Select(code => c.Classes[code]).ToArray(), p);
    }

    private sealed record Manifest(
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
        double[] TrainingPrior);
}
