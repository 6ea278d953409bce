using System.Text.Json;
using Imbalanced.Data;

namespace Imbalanced.Tests.Support;

/// <summary>Access to the committed fixture files and the imbalanced-learn golden answers made from them.</summary>
public static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static TableDataset Load(string name, string target) =>
        TableDataset.Build(TableReader.Read(Path(name)), target);

    private static readonly Lazy<JsonDocument> GoldenDocument =
        new(() => JsonDocument.Parse(File.ReadAllText(Path("golden.json"))));

    public static JsonElement Golden(string section) => GoldenDocument.Value.RootElement.GetProperty(section);

    /// <summary>The index of every case of a golden section, so that a theory runs each case the fixture holds
    /// (GoldenFixtureTests pins how many that is).</summary>
    public static TheoryData<int> GoldenCases(string section)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Golden(section).GetArrayLength(); i++) data.Add(i);
        return data;
    }

    public static string TempFile(string extension = ".csv") =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"imbalanced-test-{Guid.NewGuid():N}{extension}");
}
