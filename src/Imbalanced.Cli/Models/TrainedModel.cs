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
    private const string LearnerEntry = "learner.zip";

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

    /// <summary>Writes the model file to <paramref name="stream"/>: the same bytes for the same model on every run and
    /// machine (<see cref="FixedTimeZip"/>; ML.NET's own zips inside <c>learner.zip</c> are written again the same
    /// way).</summary>
    public void Save(Stream stream)
    {
        var c = Combination;
        var p = c.Preprocessor;
        byte[] learner;
        using (var saved = new MemoryStream())
        {
            MlNetClassifier.Save(c.Model, saved);
            learner = FixedTimeZip.Repack(saved.ToArray());
        }
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new ModelManifest(c.Technique, c.RanAs, c.Learner,
            c.Threshold, TunedFor, Positive, [.. Classes], [.. Features],
            [.. p.NumericFill.Select(v => double.IsNaN(v) ? (double?)null : v)],
            CalibrationState.Of(c.Calibrator), [.. c.TrainingPrior]));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        FixedTimeZip.Add(zip, LearnerEntry, learner);
        FixedTimeZip.Add(zip, ModelManifest.EntryName, manifest);
    }

    /// <summary>Loads a model file, checking that its parts are complete and agree with each other (the manifest's
    /// features, fill values, classes, priors and calibration, and the learner's input columns and classes), and that
    /// it scores a row.</summary>
    /// <exception cref="DataException">The file is not a model file or is damaged.</exception>
    public static TrainedModel Load(string path)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
            // The central directory is read on first use: a file cut short there fails here, not midway.
            _ = zip.Entries.Count;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{path}: cannot be read as a model file ({e.Message})", e);
        }
        using (zip)
        {
            var m = ReadManifest(zip, path);
            var entry = zip.GetEntry(LearnerEntry)
                ?? throw Damaged(path, $"the member '{LearnerEntry}' is missing");
            byte[] saved;
            IClassifierModel learner;
            // ML.NET unpacks a model into a folder of its own, which it leaves behind when the model is damaged: it
            // gets a scratch folder, removed whatever happens.
            var scratch = Directory.CreateTempSubdirectory("imbalanced-model-");
            try
            {
                saved = FixedTimeZip.Read(entry);
                using var read = new MemoryStream(saved, writable: false);
                learner = MlNetClassifier.Load(new MLContext(0) { TempFilePath = scratch.FullName }, read);
            }
            catch (Exception e) when (e is not DataException and not OutOfMemoryException)
            {
                throw Damaged(path, $"its learner cannot be loaded ({e.Message})", e);
            }
            finally
            {
                try
                {
                    scratch.Delete(recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A folder that cannot be removed is left; the model is read all the same.
                }
            }
            // The learner's number of classes is checked by the probe below, which scores a row.
            if (LearnerShape.Columns(saved) is { } columns && columns != m.EncodedWidth())
                throw Damaged(path, $"'{ModelManifest.EntryName}' lists {m.Features.Length} features, " +
                    $"{m.EncodedWidth()} input columns, but its learner takes {columns}");
            TrainedModel model;
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
                model = new TrainedModel(combination, m.Features, m.TunedFor);
            }
            catch (Exception e) when (e is ArgumentException or NullReferenceException)
            {
                throw Damaged(path, $"'{ModelManifest.EntryName}' is not consistent ({e.Message})", e);
            }
            model.Probe(path);
            return model;
        }
    }

    /// <summary>Scores one row of the model's features (each numeric one at its fill value or 0, each categorical one
    /// at its first category) as <see cref="Predict"/> does: whatever the checks of <see cref="Load"/> do not
    /// foresee fails here, as a damaged model file, rather than midway through scoring a table.</summary>
    private void Probe(string path)
    {
        var c = Combination;
        var p = c.Preprocessor;
        var k = Classes.Count;
        double[] raw;
        try
        {
            var row = new Dataset(p.NumericFill.Select(v => double.IsNaN(v) ? 0 : v).ToArray(), p.NumericNames,
                p.Categories.Select(list => list.Count > 0 ? 0 : -1).ToArray(), p.CategoricalNames, p.Categories,
                [0], c.Classes);
            raw = c.Model.PredictProbabilities(p.Transform(Preprocessor.EmptyAsCategory(row)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Damaged(path, $"its learner cannot score the features '{ModelManifest.EntryName}' lists " +
                $"({e.Message})", e);
        }
        if (raw.Length != k)
            throw Damaged(path,
                $"'{ModelManifest.EntryName}' lists {k} classes, but its learner predicts {raw.Length}");
        try
        {
            c.Decide(c.Calibrator.Apply(raw, k));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Damaged(path, $"its calibration does not fit its learner ({e.Message})", e);
        }
    }

    /// <summary>The error of a damaged model file at <paramref name="path"/>.</summary>
    private static DataException Damaged(string path, string what, Exception? inner = null)
    {
        var message = $"{path}: damaged model file: {what}; train it again";
        return inner is null ? new(message) : new(message, inner);
    }

    private static ModelManifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(ModelManifest.EntryName) ?? throw new DataException(
            $"{path}: not an imbalanced model file (no '{ModelManifest.EntryName}' in it)");
        ModelManifest? m;
        try
        {
            using var stream = entry.Open();
            m = JsonSerializer.Deserialize<ModelManifest>(stream);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or NotSupportedException)
        {
            throw Damaged(path, $"'{ModelManifest.EntryName}' is not valid ({e.Message})", e);
        }
        if (m is null) throw Damaged(path, $"'{ModelManifest.EntryName}' holds no manifest");
        if (m.Problem() is { } problem) throw Damaged(path, $"'{ModelManifest.EntryName}' {problem}");
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
}
