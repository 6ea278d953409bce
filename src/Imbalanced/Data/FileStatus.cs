using System.Runtime.InteropServices;

namespace Imbalanced.Data;

/// <summary>
/// What Linux's <c>statx</c> says of the file a path resolves to, symbolic links followed: its type, device and
/// inode. The one place the library asks the system about a file: the file transaction (is a target a regular
/// file, a folder, or a FIFO or device to write through) and the command line's file identities (two paths, one
/// file) both read it.
/// </summary>
internal readonly record struct FileStatus(int Type, ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int TypeMask = 0xF000;

    /// <summary>A regular file.</summary>
    public bool IsRegular => Type == 0x8000;

    /// <summary>A folder.</summary>
    public bool IsFolder => Type == 0x4000;

    /// <summary>The status of the file <paramref name="path"/> resolves to; null when there is none (missing, or a
    /// link whose final target is missing) or the system is not Linux.</summary>
    public static FileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Span<byte> buffer = stackalloc byte[256];
        unsafe
        {
            fixed (byte* b = buffer)
            {
                // flags 0: symbolic links are followed; a dangling one fails like a missing file.
                if (statx(AtFdCwd, path, 0, StatxType | StatxIno, b) != 0) return null;
            }
        }
        var type = MemoryMarshal.Read<ushort>(buffer[28..]) & TypeMask;
        var inode = MemoryMarshal.Read<ulong>(buffer[32..]);
        var major = MemoryMarshal.Read<uint>(buffer[136..]);
        var minor = MemoryMarshal.Read<uint>(buffer[140..]);
        return new FileStatus(type, ((ulong)major << 32) | minor, inode);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern unsafe int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags,
        uint mask, byte* buffer);
}
