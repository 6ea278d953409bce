using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Imbalanced.Cli.Models;

/// <summary>What a saved learner (the entry <c>learner.zip</c> of a model file, as <c>MlNetClassifier.Save</c> writes
/// it) was fitted on: the number of input columns and of classes, read from the small JSON entries it keeps beside
/// its ML.NET models (<c>shape.json</c> of a classifier, <c>manifest.json</c> of a balanced ensemble,
/// <c>prior.json</c> of a learner that found no split).</summary>
/// <param name="Columns">The number of input columns the learner takes, or null when any number does.</param>
/// <param name="Classes">The number of classes it predicts.</param>
internal sealed record LearnerShape(int? Columns, int Classes)
{
    /// <summary>The shape of the saved learner <paramref name="learner"/>, or null when its entries say nothing
    /// this reader knows (the learner's own loader has then already accepted it, and scoring a row checks the
    /// rest).</summary>
    public static LearnerShape? Read(byte[] learner)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(learner, writable: false), ZipArchiveMode.Read);
            var header = Json(zip, "imbalanced-mlnet.json");
            var kind = header is null ? "classifier" : Text(Get(header, "Kind"));
            var saved = kind switch
            {
                "classifier" => Json(zip, "shape.json"),
                "balanced-ensemble" => Json(zip, "manifest.json"),
                "prior" => Json(zip, "prior.json"),
                _ => null,
            };
            var (columns, classes) = kind switch
            {
                "classifier" => (Number(Get(Get(saved, "Shape"), "FeatureSize")), Number(Get(saved, "Classes"))),
                "balanced-ensemble" => (Number(Get(Get(saved, "Shape"), "FeatureSize")),
                    Length(Get(saved, "Classes"))),
                "prior" => (null, Length(saved)),
                _ => ((int?)null, (int?)null),
            };
            return classes is { } k && (columns is not null || kind == "prior") ? new(columns, k) : null;
        }
        // ArgumentException: a JSON object with a key twice (System.Text.Json refuses it when read).
        catch (Exception e) when (e is InvalidDataException or IOException or JsonException or ArgumentException
                                      or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonNode? Json(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry) return null;
        using var stream = entry.Open();
        return JsonNode.Parse(stream);
    }

    private static JsonNode? Get(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static int? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    private static int? Length(JsonNode? node) => node is JsonArray a ? a.Count : null;
}
