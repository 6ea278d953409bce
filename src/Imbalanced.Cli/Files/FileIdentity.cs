using Imbalanced.Data;

namespace Imbalanced.Cli.Files;

/// <summary>
/// The file a path resolves to: its device and inode after following symbolic links, so that two spellings of
/// one file, a symbolic link and its target, or two hard links compare equal. A path that does not exist yet is
/// identified by the file it would create: the identity of its (resolved) folder and its name, where a symbolic
/// link to a file that does not exist yet is followed to the end of its chain
/// (<see cref="FileTransaction.FinalPath"/>), so that it and its target's own name compare equal too.
/// </summary>
/// <remarks>On Linux the identity comes from <c>statx</c> (<see cref="FileStatus"/>); elsewhere it is the full path
/// with every symbolic link resolved (hard links are then not recognised).</remarks>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string Name)
{
    /// <summary>The identity of <paramref name="path"/>, or null when neither it nor its folder exists (or its
    /// symbolic links loop).</summary>
    public static FileIdentity? Of(string path)
    {
        var full = FileTransaction.FullPath(path);
        if (Stat(full) is { } existing) return existing;
        // Not there, or a link whose final target is not there: the file a write would create.
        if (FileTransaction.FinalPath(full) is not { } final) return null;
        var folder = Path.GetDirectoryName(final);
        if (folder is null || Stat(folder) is not { } parent) return null;
        return parent with { Name = Path.GetFileName(final) };
    }

    /// <summary>The identity of the existing file <paramref name="full"/> resolves to, or null.</summary>
    private static FileIdentity? Stat(string full)
    {
        if (FileStatus.Of(full) is { } status) return new FileIdentity(status.Device, status.Inode, "");
        return Resolve(full) is { } resolved ? new FileIdentity(0, 0, resolved) : null;
    }

    /// <summary>The full path of the existing file or folder <paramref name="full"/> resolves to, or null.</summary>
    private static string? Resolve(string full)
    {
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!info.Exists) return null;
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
        return target is { Exists: true } ? Path.GetFullPath(target.FullName) : null;
    }
}
