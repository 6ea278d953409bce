using System.Runtime.InteropServices;

namespace Imbalanced.Cli.Files;

/// <summary>
/// The file a path resolves to: its device and inode after following symbolic links, so that two spellings of
/// one file, a symbolic link and its target, or two hard links compare equal. A path that does not exist yet is
/// identified by the file it would create: the identity of its (resolved) folder and its name.
/// </summary>
/// <remarks>On Linux the identity comes from <c>statx</c>; elsewhere it is the full path with every symbolic
/// link resolved (hard links are then not recognised).</remarks>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string Name)
{
    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;

    /// <summary>The identity of <paramref name="path"/>, or null when neither it nor its folder exists.</summary>
    public static FileIdentity? Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (Stat(full) is { } existing) return existing;
        var link = new FileInfo(full).LinkTarget;
        if (link is not null) return Of(Path.Combine(Path.GetDirectoryName(full) ?? "/", link));
        var folder = Path.GetDirectoryName(full);
        if (folder is null || Stat(folder) is not { } parent) return null;
        return parent with { Name = Path.GetFileName(full) };
    }

    private static FileIdentity? Stat(string full)
    {
        if (!File.Exists(full) && !Directory.Exists(full)) return null;
        if (!OperatingSystem.IsLinux())
            return new FileIdentity(0, 0, Resolve(full));
        Span<byte> buffer = stackalloc byte[256];
        unsafe
        {
            fixed (byte* b = buffer)
            {
                if (statx(AtFdCwd, full, 0, StatxIno, b) != 0) return new FileIdentity(0, 0, Resolve(full));
            }
        }
        var inode = MemoryMarshal.Read<ulong>(buffer[32..]);
        var major = MemoryMarshal.Read<uint>(buffer[136..]);
        var minor = MemoryMarshal.Read<uint>(buffer[140..]);
        return new FileIdentity(((ulong)major << 32) | minor, inode, "");
    }

    private static string Resolve(string full)
    {
        var info = new FileInfo(full);
        var target = info.Exists ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
        return Path.GetFullPath(target?.FullName ?? full);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags,
        uint mask, byte* buffer);
}
