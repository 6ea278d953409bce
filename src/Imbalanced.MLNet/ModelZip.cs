using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>Reading the zip files models are saved in, every kind of damage reported as an
/// <see cref="InvalidDataException"/> that names what is wrong.</summary>
internal static class ModelZip
{
    /// <summary>Opens <paramref name="stream"/> as a zip to read.</summary>
    /// <exception cref="InvalidDataException">It is not a zip file.</exception>
    public static ZipArchive Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            throw new InvalidDataException($"not a saved model: the data is not a zip file ({e.Message})", e);
        }
    }

    /// <summary>The JSON entry <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">It is missing, not valid JSON, or empty.</exception>
    public static T ReadJson<T>(ZipArchive zip, string name)
        where T : class
    {
        try
        {
            using var stream = Entry(zip, name).Open();
            return JsonSerializer.Deserialize<T>(stream)
                ?? throw new InvalidDataException($"damaged model: the entry '{name}' is empty");
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            throw new InvalidDataException($"damaged model: the entry '{name}' cannot be read ({e.Message})", e);
        }
    }

    /// <summary>The ML.NET model in entry <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">It is missing or ML.NET cannot load it.</exception>
    public static ITransformer ReadModel(MLContext ml, ZipArchive zip, string name)
    {
        try
        {
            using var entry = Entry(zip, name).Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            copy.Position = 0;
            return ml.Model.Load(copy, out _);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"damaged model: ML.NET cannot load the entry '{name}' ({e.Message})", e);
        }
    }

    /// <summary>Whether a shape read from a file can feed a model.</summary>
    public static bool IsValid(DataViewShape? shape) =>
        shape is { FeatureColumn: not null, LabelColumn: not null, FeatureSize: > 0 }
        && Enum.IsDefined(shape.Label)
        && (shape.Label == LabelKind.Boolean || shape.KeyValues is { Count: >= 2 })
        && (shape.SlotNames is null || shape.SlotNames.Count == shape.FeatureSize);

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"damaged model: the entry '{name}' is missing");
}
