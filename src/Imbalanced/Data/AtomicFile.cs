namespace Imbalanced.Data;

/// <summary>Writes a file all or nothing: into a temporary file beside it, renamed over the target only once
/// complete, so an error never leaves a half-written file or harms an existing one (a one-file
/// <see cref="FileTransaction"/>).</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var files = new FileTransaction();
        files.Write(path, write);
        files.Commit();
    }
}
