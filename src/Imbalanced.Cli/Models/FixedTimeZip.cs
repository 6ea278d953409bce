using System.IO.Compression;

namespace Imbalanced.Cli.Models;

/// <summary>
/// Zip entries written so that the same contents give the same bytes on every run and every machine: each entry is
/// dated <see cref="Epoch"/> (a zip entry otherwise carries the time it was written) and stored without compression
/// (.NET deflates with zlib-ng, whose output is the same on every run but may differ between processor
/// architectures; a model file is small enough to store as it is).
/// </summary>
internal static class FixedTimeZip
{
    /// <summary>The date of every entry: 1980-01-01 00:00, the earliest a zip entry can carry.</summary>
    public static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Adds the entry <paramref name="name"/> holding <paramref name="content"/> to
    /// <paramref name="zip"/>, dated <see cref="Epoch"/> and stored.</summary>
    public static void Add(ZipArchive zip, string name, ReadOnlySpan<byte> content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = Epoch;
        using var stream = entry.Open();
        stream.Write(content);
    }

    /// <summary>The zip file <paramref name="zip"/> written again: the same entries (names, order and contents),
    /// each dated <see cref="Epoch"/> and stored, an entry named <c>*.zip</c> that is itself a zip file (the
    /// ML.NET models a saved learner holds) written again the same way. ML.NET and the learners read the result as
    /// they read the original.</summary>
    /// <exception cref="InvalidDataException"><paramref name="zip"/> is not a zip file.</exception>
    public static byte[] Repack(byte[] zip)
    {
        using var result = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read))
        using (var target = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var content = Read(entry);
                if (entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && IsZip(content))
                    content = Repack(content);
                Add(target, entry.FullName, content);
            }
        }
        return result.ToArray();
    }

    /// <summary>The whole contents of <paramref name="entry"/>.</summary>
    public static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
