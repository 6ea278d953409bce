using System.IO.Compression;
using System.Text.Json;
using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Imbalanced.MLNet;
using Imbalanced.MLNet.Workflow;
using Microsoft.ML;

namespace Imbalanced.Cli.Models;

/// <summary>
/// The model file of <c>imbalanced train</c>: the fitted learner (technique applied to all training rows), the
/// decision threshold, the class labels and the feature schema, in one zip.
/// </summary>
internal sealed class TrainedModel
{
    private TrainedModel(
        string technique,
        string learner,
        double? threshold,
        string? positive,
        IReadOnlyList<string> classes,
        IReadOnlyList<FeatureColumn> features,
        IClassifierModel model)
    {
        Technique = technique;
        Learner = learner;
        Threshold = threshold;
        Positive = positive;
        Classes = classes;
        Features = features;
        Model = model;
    }

    /// <summary>The technique.</summary>
    public string Technique { get; }

    /// <summary>The learner.</summary>
    public string Learner { get; }

    /// <summary>The tuned threshold on the positive class's probability, or null (most probable class).</summary>
    public double? Threshold { get; }

    /// <summary>The positive class of a binary model.</summary>
    public string? Positive { get; }

    /// <summary>The class labels, in class order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The feature schema.</summary>
    public IReadOnlyList<FeatureColumn> Features { get; }

    /// <summary>The fitted model.</summary>
    public IClassifierModel Model { get; }

    /// <summary>Fits <paramref name="technique"/> and <paramref name="learner"/> on all of <paramref name="dataset"/>,
    /// tuning the threshold by stratified cross-validation on it when <paramref name="tune"/> is not <c>none</c>; the
    /// same pieces as the comparison workflow (<see cref="CompareWorkflow"/>) with
    /// <see cref="MlNetLearners"/>.</summary>
    /// <exception cref="ArgumentException">The technique, learner or objective is unknown.</exception>
    public static TrainedModel Train(Dataset dataset, string technique, string learner, string tune = "none",
        long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!Techniques.IsKnown(technique))
            throw new ArgumentException(
                $"unknown technique '{technique}'; use none, class-weight or a registered sampler");
        var data = OneHotEncoding.Encode(dataset);
        var learners = new MlNetLearners();
        var learnerModel = Techniques.Create(technique, learners.Create(learner, seed), seed, learners);
        var counts = dataset.ClassCounts();
        var positive = dataset.Classes.Count == 2 ? dataset.Classes[Sampling.ClassCounting.Minority(counts)] : null;
        double? threshold = null;
        IClassifierModel model;
        if (tune != "none")
        {
            var objective = ThresholdObjective.Parse(tune);
            if (positive is null) throw new DataException("threshold tuning needs two classes");
            var tuned = (ThresholdModel)new TunedThresholdClassifier(learnerModel, objective, seed: seed,
                positive: dataset.Classes.IndexOf(positive)).Fit(data);
            threshold = tuned.Threshold;
            model = tuned.Inner;
        }
        else model = learnerModel.Fit(data);
        var features = dataset.NumericNames.Select(n => new FeatureColumn(n, null))
            .Concat(dataset.CategoricalNames.Select((n, f) => new FeatureColumn(n, dataset.Categories[f]))).ToArray();
        return new TrainedModel(technique, learner, threshold, positive, dataset.Classes.Labels, features, model);
    }

    /// <summary>Saves the model file (atomically).</summary>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Writes the model file to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry("learner.zip").Open()) MlNetClassifier.Save(Model, entry);
        using var manifest = zip.CreateEntry("imbalanced-model.json").Open();
        JsonSerializer.Serialize(
            manifest, new Manifest(Technique, Learner, Threshold, Positive, Classes.ToArray(), Features.ToArray()));
    }

    /// <summary>Loads a model file.</summary>
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
            try
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                copy.Position = 0;
                var learner = MlNetClassifier.Load(new MLContext(0), copy);
                return new TrainedModel(
                    m.Technique, m.Learner, m.Threshold, m.Positive, m.Classes, m.Features, learner);
            }
            catch (Exception e) when (e is not DataException and not OutOfMemoryException)
            {
                throw new DataException($"{path}: damaged model file: its learner cannot be loaded ({e.Message})", e);
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
        return m;
    }

    /// <summary>Predicted labels and row-major class probabilities for the rows of <paramref name="table"/>.</summary>
    /// <exception cref="DataException">A feature column is missing or has the wrong type.</exception>
    public (string[] Predicted, double[] Probabilities) Predict(RawTable table)
    {
        var width = Features.Sum(f => f.Categories?.Count ?? 1);
        var n = table.RowCount;
        var numeric = new double[n * width];
        var o = 0;
        foreach (var feature in Features)
        {
            var j = table.IndexOf(feature.Name);
            if (j < 0)
                throw new DataException($"{table.Path}: the model needs column '{feature.Name}', which is missing");
            if (feature.Categories is null)
            {
                if (!table.IsNumeric(j))
                    throw new DataException(
                        $"{table.Path}: column '{feature.Name}' must be numeric, as in training; it is not");
                for (var i = 0; i < n; i++)
                {
                    var v = table.Number(i, j);
                    if (table.Utf8(i, j).IsEmpty)
                        throw new DataException(
                            $"{table.Path}: line {table.LineOf(i)}, column '{feature.Name}' is empty");
                    if (!double.IsFinite(v))
                        throw new DataException(
                            $"{table.Path}: line {table.LineOf(i)}, column '{feature.Name}': " +
                            $"'{table.Text(i, j)}' is not a finite number");
                    numeric[i * width + o] = v;
                }
                o++;
            }
            else
            {
                var codes = feature.Categories
                    .Select((c, code) => (c, code))
                    .ToDictionary(t => t.c, t => t.code, StringComparer.Ordinal);
                for (var i = 0; i < n; i++)
                {
                    // an unseen category matches none
                    if (codes.TryGetValue(table.Text(i, j), out var code)) numeric[i * width + o + code] = 1;
                }
                o += feature.Categories.Count;
            }
        }
        var classes = ClassSet.FromDistinct(Classes);
        var data = new Dataset(
            numeric, Enumerable.Range(0, width).Select(i => $"x{i}").ToArray(), [], [], [], new int[n], classes);
        var p = Model.PredictProbabilities(data);
        var k = Classes.Count;
        var predicted = new string[n];
        for (var i = 0; i < n; i++)
        {
            if (Threshold is { } t && Positive is not null)
            {
                var pos = classes.IndexOf(Positive);
                predicted[i] = p[i * k + pos] >= t ? Positive : Classes[1 - pos];
            }
            else predicted[i] = Classes[Numerics.Vectors.ArgMax(p.AsSpan(i * k, k))];
        }
        return (predicted, p);
    }

    private sealed record Manifest(
        string Technique,
        string Learner,
        double? Threshold,
        string? Positive,
        string[] Classes,
        FeatureColumn[] Features);
}
