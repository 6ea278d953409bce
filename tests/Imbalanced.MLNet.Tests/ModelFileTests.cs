using System.IO.Compression;
using Imbalanced.Data;
using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;

namespace Imbalanced.MLNet.Tests;

/// <summary>A damaged model file is reported as such (<see cref="InvalidDataException"/>), never as a
/// NullReferenceException; only the learners' models can be saved.</summary>
public class ModelFileTests
{
    private static readonly (Dataset Train, Dataset Test) Data = MlNetLearnersTests.Split(2);

    private static byte[] Saved(string learner)
    {
        using var file = new MemoryStream();
        MlNetLearners.Save(new MlNetLearners(members: 3).Create(learner, 0).Fit(Data.Train), file);
        return file.ToArray();
    }

    /// <summary>The file with its zip entries changed by <paramref name="change"/>.</summary>
    private static MemoryStream Changed(byte[] file, Action<ZipArchive> change)
    {
        var copy = new MemoryStream();
        copy.Write(file);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        copy.Position = 0;
        return copy;
    }

    private static void Replace(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)?.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    public static TheoryData<string, string> Damages() => new()
    {
        { "logistic", "no zip" },
        { "logistic", "truncated" },
        { "logistic", "empty zip" },
        { "logistic", "kind not json" },
        { "logistic", "unknown kind" },
        { "logistic", "shape null" },
        { "logistic", "shape wrong" },
        { "logistic", "model missing" },
        { "logistic", "model not a model" },
        { "easy-ensemble", "manifest missing" },
        { "easy-ensemble", "member missing" },
        { "easy-ensemble", "manifest without members" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_file_throws_invalid_data(string learner, string damage)
    {
        var file = Saved(learner);
        var stream = damage switch
        {
            "no zip" => new MemoryStream([1, 2, 3, 4, 5]),
            "truncated" => new MemoryStream(file[..(file.Length / 2)]),
            "empty zip" => Changed(file, z => z.Entries.ToList().ForEach(e => e.Delete())),
            "kind not json" => Changed(file, z => Replace(z, "imbalanced-mlnet.json", "{not json")),
            "unknown kind" => Changed(file, z => Replace(z, "imbalanced-mlnet.json", """{"Kind":"svm","Version":1}""")),
            "shape null" => Changed(file, z => Replace(z, "shape.json", "null")),
            "shape wrong" => Changed(file,
                z => Replace(z, "shape.json", """{"Shape":{"FeatureSize":0},"Classes":2}""")),
            "model missing" => Changed(file, z => z.GetEntry("model.zip")!.Delete()),
            "model not a model" => Changed(file, z => Replace(z, "model.zip", "garbage")),
            "manifest missing" => Changed(file, z => z.GetEntry("manifest.json")!.Delete()),
            "member missing" => Changed(file, z => z.GetEntry("member1.zip")!.Delete()),
            _ => Changed(file, z => Replace(z, "manifest.json", """{"Kind":2,"Classes":["0","1"]}""")),
        };
        var e = Assert.Throws<InvalidDataException>(() => MlNetLearners.Load(stream));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void A_file_written_before_the_kind_entry_still_loads()
    {
        var model = new MlNetLearners().Create("lightgbm", 0).Fit(Data.Train);
        using var file = new MemoryStream();
        MlNetClassifier.Save(model, file);
        var old = Changed(file.ToArray(), z => z.GetEntry("imbalanced-mlnet.json")!.Delete());
        var loaded = MlNetClassifier.Load(new Microsoft.ML.MLContext(1), old);
        Assert.Equal(model.PredictProbabilities(Data.Test), loaded.PredictProbabilities(Data.Test));
    }

    [Fact]
    public void Only_the_learners_models_can_be_saved()
    {
        var e = Assert.Throws<ArgumentException>(() => MlNetLearners.Save(new Foreign(), new MemoryStream()));
        Assert.Contains("Foreign", e.Message);
    }

    private sealed class Foreign : IClassifierModel
    {
        public double[] PredictProbabilities(Dataset data) => [];
    }
}
