using System.IO.Compression;
using System.Text.Json;
using Imbalanced.Data;
using Microsoft.ML;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>A fitted balanced ensemble: ML.NET member models and
/// their say; saves to and loads from one zip file.</summary>
public sealed class BalancedEnsembleModel
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
    public EnsembleKind Kind { get; }

    /// <summary>Class labels, in the order of the probability columns.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of members.</summary>
    public int MemberCount => _members.Count;

    /// <summary>Row-major class probabilities of the feature column of <paramref name="data"/>: the members'
    /// probabilities averaged (weighted by their say), or for RUSBoost SAMME's weighted votes normalised.</summary>
    public double[] PredictProbabilities(IDataView data)
    {
        var (dataset, _) = DataViewConversion.ToDataset(data, _shape.FeatureColumn, _shape.LabelColumn);
        return PredictProbabilities(dataset);
    }

    /// <summary>The same for a core data set with the training features.</summary>
    public double[] PredictProbabilities(Dataset dataset)
    {
        var k = Classes.Count;
        var relabelled = new Dataset(dataset.Numeric, dataset.NumericNames, dataset.Categorical,
            dataset.CategoricalNames, dataset.Categories, new int[dataset.RowCount],
            ClassSet.FromDistinct(k == 2 ? ["False", "True"] : Classes));
        var view = DataViewConversion.ToDataView(_ml, relabelled, _shape);
        var result = new double[dataset.RowCount * k];
        var total = _members.Sum(m => m.Weight);
        foreach (var (model, weight) in _members)
        {
            var p = MlNetClassifier.Probabilities(model.Transform(view), k, dataset.RowCount);
            for (var i = 0; i < dataset.RowCount; i++)
            {
                if (Kind == EnsembleKind.RusBoost)
                    result[i * k + Numerics.Vectors.ArgMax(p.AsSpan(i * k, k))] += weight / total;
                else for (var c = 0; c < k; c++) result[i * k + c] += p[i * k + c] * weight / total;
            }
        }
        return result;
    }

    /// <summary>The most probable class of each row.</summary>
    public string[] Predict(IDataView data)
    {
        var p = PredictProbabilities(data);
        var k = Classes.Count;
        return Enumerable.Range(0, p.Length / k).Select(i => Classes[Numerics.Vectors.ArgMax(p.AsSpan(i * k, k))])
            .ToArray();
    }

    /// <summary>Saves the ensemble to one zip file: a manifest and each member's ML.NET model.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream =>
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var schema = DataViewConversion.ToDataView(_ml, new Dataset(new double[_shape.FeatureSize],
                Enumerable.Range(0, _shape.FeatureSize).Select(j => $"f{j}").ToArray(), [], [], [], [0],
                ClassSet.FromDistinct(Classes.Count == 2 ? ["False", "True"] : Classes)),
            _shape).Schema;
        for (var m = 0; m < _members.Count; m++)
        {
            using var entry = zip.CreateEntry($"member{m}.zip").Open();
            _ml.Model.Save(_members[m].Model, schema, entry);
        }
        using var manifest = zip.CreateEntry("manifest.json").Open();
        JsonSerializer.Serialize(manifest,
            new Manifest(Kind, Classes.ToArray(), _shape, _members.Select(m => m.Weight).ToArray()));
    });

    /// <summary>Loads an ensemble saved by <see cref="Save"/>.</summary>
    public static BalancedEnsembleModel Load(MLContext ml, string path)
    {
        using var zip = ZipFile.OpenRead(path);
        Manifest manifest;
        using (var stream = zip.GetEntry("manifest.json")!.Open())
            manifest = JsonSerializer.Deserialize<Manifest>(stream)
                ?? throw new DataException($"{path}: the ensemble manifest is empty");
        var members = new List<(ITransformer, double)>();
        for (var m = 0; m < manifest.Weights.Length; m++)
        {
            using var entry = zip.GetEntry($"member{m}.zip")!.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            copy.Position = 0;
            members.Add((ml.Model.Load(copy, out _), manifest.Weights[m]));
        }
        return new BalancedEnsembleModel(ml, manifest.Kind, manifest.Shape, manifest.Classes, members);
    }

    private sealed record Manifest(EnsembleKind Kind, string[] Classes, DataViewShape Shape, double[] Weights);
}
