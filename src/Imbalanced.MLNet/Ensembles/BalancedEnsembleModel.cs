using System.IO.Compression;
using System.Text.Json;
using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>A fitted balanced ensemble: ML.NET member models and
/// their say; saves to and loads from one zip file.</summary>
/// <example>
/// <code>
/// var model = new BalancedEnsemble(ml, EnsembleKind.BalancedBagging, seed: 1).Fit(train);
/// model.Save("ensemble.zip");
/// double[] p = BalancedEnsembleModel.Load(ml, "ensemble.zip").PredictProbabilities(test);
/// </code>
/// </example>
public sealed class BalancedEnsembleModel : IClassifierModel
{
    private readonly MLContext _ml;
    private readonly DataViewShape _shape;
    private readonly IReadOnlyList<(ITransformer Model, double Weight)> _members;

    internal BalancedEnsembleModel(MLContext ml, EnsembleKind kind, DataViewShape shape, IReadOnlyList<string> classes,
        IReadOnlyList<(ITransformer, double)> members)
    {
        _ml = ml;
        Kind = kind;
        _shape = shape;
        Classes = classes;
        _members = members;
    }

    /// <summary>Which ensemble.</summary>
    /// <example><c>EnsembleKind kind = model.Kind;</c></example>
    public EnsembleKind Kind { get; }

    /// <summary>Class labels, in the order of the probability columns.</summary>
    /// <example><c>string firstClass = model.Classes[0];</c></example>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of members.</summary>
    /// <example><c>int members = model.MemberCount;</c></example>
    public int MemberCount => _members.Count;

    /// <summary>The members' ML.NET models (for tests).</summary>
    internal IEnumerable<ITransformer> Members => _members.Select(m => m.Model);

    /// <summary>The members' ML.NET models and their say.</summary>
    internal IReadOnlyList<(ITransformer Model, double Weight)> WeightedMembers => _members;

    /// <summary>Row-major class probabilities of the feature column of <paramref name="data"/>: the members'
    /// probabilities averaged (weighted by their say), or for RUSBoost SAMME's weighted votes normalised.</summary>
    /// <example><c>double[] p = model.PredictProbabilities(test); // p[row * classes + class]</c></example>
    public double[] PredictProbabilities(IDataView data)
    {
        var (dataset, _) = DataViewConversion.ToDataset(data, _shape.FeatureColumn, _shape.LabelColumn);
        return PredictProbabilities(dataset);
    }

    /// <summary>The same for a core data set with the training features.</summary>
    /// <example><c>double[] p = model.PredictProbabilities(dataset);</c></example>
    public double[] PredictProbabilities(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var k = Classes.Count;
        var view = DataViewCache.Get(dataset, _shape);
        var result = new double[dataset.RowCount * k];
        var total = _members.Sum(m => m.Weight);
        foreach (var (model, weight) in _members)
        {
            var p = MlNetClassifier.Predict(model, view, k, dataset.RowCount);
            for (var i = 0; i < dataset.RowCount; i++)
                EnsembleVoting.Add(p.AsSpan(i * k, k), weight / total, Kind == EnsembleKind.RusBoost,
                    result.AsSpan(i * k, k));
        }
        return result;
    }

    /// <summary>The most probable class of each row.</summary>
    /// <example><c>string[] labels = model.Predict(test);</c></example>
    public string[] Predict(IDataView data)
    {
        var p = PredictProbabilities(data);
        var k = Classes.Count;
        return Enumerable.Range(0, p.Length / k).Select(i => Classes[Numerics.Vectors.ArgMax(p.AsSpan(i * k, k))])
            .ToArray();
    }

    /// <summary>Saves the ensemble to one zip file (atomically): a manifest and each member's ML.NET model.</summary>
    /// <example><c>model.Save("ensemble.zip");</c></example>
    public void Save(string path) => AtomicFile.Write(path, Save);

    /// <summary>Writes the ensemble to <paramref name="stream"/> as a zip: a manifest and each member's ML.NET model.
    /// </summary>
    /// <example><c>using (var file = File.Create("ensemble.zip")) model.Save(file);</c></example>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteTo(zip);
    }

    /// <summary>Writes the manifest and the members' models into <paramref name="zip"/>.</summary>
    internal void WriteTo(ZipArchive zip)
    {
        var schema = DataViewConversion.Schema(_shape);
        for (var m = 0; m < _members.Count; m++)
        {
            using var entry = zip.CreateEntry($"member{m}.zip").Open();
            _ml.Model.Save(_members[m].Model, schema, entry);
        }
        using var manifest = zip.CreateEntry("manifest.json").Open();
        JsonSerializer.Serialize(manifest,
            new Manifest(Kind, Classes.ToArray(), _shape, _members.Select(m => m.Weight).ToArray()));
    }

    /// <summary>Loads an ensemble saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such an ensemble or is damaged.</exception>
    /// <example><c>var model = BalancedEnsembleModel.Load(new MLContext(), "ensemble.zip");</c></example>
    public static BalancedEnsembleModel Load(MLContext ml, string path)
    {
        using var stream = File.OpenRead(path);
        return Load(ml, stream);
    }

    /// <summary>Reads an ensemble written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not such an ensemble or is damaged.</exception>
    /// <example><c>using (var file = File.OpenRead("ensemble.zip")) model = BalancedEnsembleModel.Load(ml, file);</c>
    /// </example>
    public static BalancedEnsembleModel Load(MLContext ml, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(ml);
        using var zip = ModelZip.Open(stream);
        return ReadFrom(ml, zip);
    }

    /// <summary>Reads an ensemble from the entries <see cref="WriteTo"/> wrote.</summary>
    /// <exception cref="InvalidDataException">An entry is missing or damaged.</exception>
    internal static BalancedEnsembleModel ReadFrom(MLContext ml, ZipArchive zip)
    {
        var manifest = ModelZip.ReadJson<Manifest>(zip, "manifest.json");
        if (manifest.Classes is not { Length: >= 2 } || manifest.Weights is not { Length: > 0 }
            || !Enum.IsDefined(manifest.Kind) || !ModelZip.IsValid(manifest.Shape))
            throw new InvalidDataException("damaged ensemble: its manifest is incomplete");
        var members = new List<(ITransformer, double)>();
        for (var m = 0; m < manifest.Weights.Length; m++)
            members.Add((ModelZip.ReadModel(ml, zip, $"member{m}.zip"), manifest.Weights[m]));
        return new BalancedEnsembleModel(ml, manifest.Kind, manifest.Shape, manifest.Classes, members);
    }

    private sealed record Manifest(EnsembleKind Kind, string[] Classes, DataViewShape Shape, double[] Weights);
}
