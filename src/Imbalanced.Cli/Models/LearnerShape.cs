using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Imbalanced.Cli.Models;

/// <summary>What a saved learner (the entry <c>learner.zip</c> of a model file, as <c>MlNetClassifier.Save</c> writes
/// it) was fitted on, read from the small JSON entries it keeps beside its ML.NET models (<c>shape.json</c> of a
/// classifier, <c>manifest.json</c> of a balanced ensemble).</summary>
internal static class LearnerShape
{
    /// <summary>The number of input columns the saved learner <paramref name="learner"/> takes, or null when any
    /// number does (a learner that found no split) or its entries say nothing this reader knows (the learner's own
    /// loader has then already accepted it, and scoring a row checks the rest).</summary>
    public static int? Columns(byte[] learner)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(learner, writable: false), ZipArchiveMode.Read);
            var header = Json(zip, "imbalanced-mlnet.json");
            var saved = (header is null ? "classifier" : Text(Get(header, "Kind"))) switch
            {
                "classifier" => Json(zip, "shape.json"),
                "balanced-ensemble" => Json(zip, "manifest.json"),
                _ => null,
            };
            return Number(Get(Get(saved, "Shape"), "FeatureSize"));
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
}
