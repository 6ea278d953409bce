using System.IO.Compression;
using Imbalanced.MLNet.Ensembles;
using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Workflow;

/// <summary>
/// The one file format of the models <see cref="MlNetLearners"/>' learners fit: a zip with an entry that says which
/// kind of model it holds, and that kind's entries (files written before the entry existed hold an
/// <see cref="MlNetClassifier"/> model).
/// </summary>
internal static class ModelFile
{
    private const string KindEntry = "imbalanced-mlnet.json";
    private const string Classifier = "classifier";
    private const string Ensemble = "balanced-ensemble";
    private const string Prior = "prior";

    /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">The model was fitted by none of these learners.</exception>
    public static void Save(IClassifierModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        Action<ZipArchive> write = model switch
        {
            MlNetClassifier.Model m => m.WriteTo,
            BalancedEnsembleModel e => e.WriteTo,
            PriorModel p => p.WriteTo,
            _ => throw new ArgumentException(
                "only models fitted by the learners of MlNetLearners (an MlNetClassifier or a balanced ensemble) " +
                $"can be saved here; this one is a {model.GetType().Name}", nameof(model)),
        };
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(KindEntry).Open())
            System.Text.Json.JsonSerializer.Serialize(entry, new Header(model switch
            {
                BalancedEnsembleModel => Ensemble,
                PriorModel => Prior,
                _ => Classifier,
            }, 1));
        write(zip);
    }

    /// <summary>Reads a model <see cref="Save"/> wrote, into <paramref name="ml"/>.</summary>
    /// <exception cref="InvalidDataException">The stream holds no such model or is damaged.</exception>
    public static IClassifierModel Load(MLContext ml, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(ml);
        using var zip = ModelZip.Open(stream);
        var kind = zip.GetEntry(KindEntry) is null
            ? MlNetClassifier.Model.IsIn(zip)
                ? Classifier
                : throw new InvalidDataException($"not a saved model: the zip has no entry '{KindEntry}'")
            : ModelZip.ReadJson<Header>(zip, KindEntry).Kind;
        return kind switch
        {
            Classifier => MlNetClassifier.Model.ReadFrom(ml, zip),
            Ensemble => BalancedEnsembleModel.ReadFrom(ml, zip),
            Prior => PriorModel.ReadFrom(zip),
            _ => throw new InvalidDataException($"not a saved model of these learners: its kind is '{kind}'"),
        };
    }

    private sealed record Header(string Kind, int Version);
}
