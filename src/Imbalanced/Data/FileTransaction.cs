using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Imbalanced.Data;

/// <summary>
/// Writes several files all or nothing. Each file is written in full to a temporary file beside its target;
/// <see cref="Commit"/> then renames every temporary over its target. When any write fails, or the transaction is
/// disposed without a commit, every temporary is removed and no target is created or changed.
/// </summary>
/// <remarks>
/// <para>A target named by a symbolic link (or a chain of them, even one whose last target does not exist yet) is
/// the link's final target: the temporary is written beside that file and renamed onto it, so the link stays a
/// link and the data lands where it points.</para>
/// <para>A target that exists and is not a regular file (a FIFO, a character device such as <c>/dev/null</c>, or
/// <c>/dev/stdout</c>) is never renamed over: its data is kept in a temporary in the system's temporary folder and
/// written through, into the opened target, by <see cref="Commit"/> before any rename, once every file has been
/// written in full.</para>
/// <para>Temporaries are named <c>.NAME.PID.GUID.tmp</c> (a name too long for that is shortened and given a hash of
/// itself, <see cref="Stem"/>); before writing a file the transaction removes the
/// temporaries for the same target that a process no longer running left behind (a killed run).</para>
/// </remarks>
/// <example>
/// <code>
/// using var files = new FileTransaction();
/// files.Write("out.csv", s => s.Write(data));
/// files.Write("log.csv", s => s.Write(log));
/// files.Commit();
/// </code>
/// </example>
internal sealed class FileTransaction : IDisposable
{
    /// <summary>The name of the temporaries kept for targets written through.</summary>
    private const string ThroughName = "imbalanced-through";

    /// <summary>How many symbolic links a path may go through (Linux's limit).</summary>
    private const int MaxLinks = 40;

    /// <summary>Guards <see cref="Open"/>, the renames of every commit and <see cref="Abandon"/>.</summary>
    private static readonly object Gate = new();

    /// <summary>The transactions holding temporaries.</summary>
    private static readonly List<FileTransaction> Open = [];

    /// <summary>Set by <see cref="Abandon"/>: nothing more is written or put in place.</summary>
    private static bool _abandoned;

    private readonly List<(string Temp, string Target, bool Through)> _staged = [];
    private bool _committed;

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> into a temporary file, to be put in
    /// place by <see cref="Commit"/>.</summary>
    /// <exception cref="DataException">The folder does not exist,
    /// the path is a folder or cannot be written.</exception>
    public void Write(string path, Action<Stream> write)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var full = Target(path, out var through);
        if (!through) RefuseReadOnly(path, full);
        var dir = through ? Path.GetTempPath() : Path.GetDirectoryName(full)!;
        var name = through ? ThroughName : Path.GetFileName(full);
        RemoveStale(dir, name);
        var temp = Temporary(dir, name);
        try
        {
            FileStream stream;
            lock (Gate)
            {
                if (_abandoned) throw new DataException($"{path}: not written (interrupted)");
                // FileShare.Delete: a stopped run's handler removes the temporary while it is open (Windows too).
                stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Delete, 1 << 16);
                _staged.Add((temp, full, through));
                if (!Open.Contains(this)) Open.Add(this);
            }
            using var _ = stream;
            write(stream);
            stream.Flush(flushToDisk: !through);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException($"{path}: cannot write in the folder '{dir}' (permission denied)", e);
        }
        catch (IOException e)
        {
            throw new DataException($"{path}: cannot be written ({e.Message})", e);
        }
    }

    /// <summary>Checks, before any work, that <paramref name="path"/> can be written: a file can be made in the
    /// folder its final target is in (made and removed at once), so that a read-only folder is refused before a
    /// long run rather than after it. A FIFO or device is not probed.</summary>
    /// <returns>The path's <see cref="Target(string)"/>.</returns>
    /// <exception cref="DataException">The path is a folder, its folder is missing or cannot be written.</exception>
    internal static string CheckWritable(string path)
    {
        var full = Target(path, out var through);
        if (through) return full;
        RefuseReadOnly(path, full);
        var dir = Path.GetDirectoryName(full)!;
        var probe = Temporary(dir, Path.GetFileName(full));
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1,
                FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException($"{path}: cannot write in the folder '{dir}' (permission denied)", e);
        }
        catch (IOException e)
        {
            throw new DataException($"{path}: cannot write in the folder '{dir}' ({e.Message})", e);
        }
        return full;
    }

    /// <summary>Refuses to replace an existing file this process may not write (a file made read-only, or another
    /// user's), as writing it in place would be refused: renaming over it would otherwise succeed wherever the folder
    /// is writable. A missing file, or one that may be written, passes.</summary>
    /// <exception cref="DataException">The file exists and may not be written.</exception>
    private static void RefuseReadOnly(string path, string full)
    {
        var writable = OperatingSystem.IsWindows()
            ? !File.Exists(full) || !File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly)
            : access(full, WriteAccess) == 0
                || Marshal.GetLastPInvokeError() is not (PermissionDenied or NotPermitted);
        if (!writable)
            throw new DataException(
                $"{path}: the file is read-only here (permission denied); make it writable or choose another path");
    }

    /// <summary><c>W_OK</c> of <c>access(2)</c>.</summary>
    private const int WriteAccess = 2;

    /// <summary><c>EACCES</c> (13 on Linux and macOS).</summary>
    private const int PermissionDenied = 13;

    /// <summary><c>EPERM</c> (1 on Linux and macOS): an immutable file, for one.</summary>
    private const int NotPermitted = 1;

    /// <summary>The full path a file is written at: not a folder, in a folder that exists. Symbolic links are
    /// followed to their final target, whether it exists or not.</summary>
    /// <exception cref="DataException">The path is a folder, its folder does not exist or its links loop.</exception>
    internal static string Target(string path) => Target(path, out _);

    /// <summary>The full path a file is written at (<see cref="Target(string)"/>); <paramref name="through"/> tells
    /// whether it is an existing file that is not a regular one, to be written through rather than renamed over
    /// (then the path is returned as given, made full: the system follows its links when it is opened).</summary>
    /// <exception cref="DataException">The path is a folder, its folder does not exist or its links loop.</exception>
    internal static string Target(string path, out bool through)
    {
        var full = FullPath(path);
        through = false;
        var kind = KindOf(full);
        if (kind == FileKind.Folder) throw new DataException($"{path}: is a folder, not a file");
        if (kind == FileKind.Other)
        {
            through = true;
            return full;
        }
        var final = FollowLinks(full, out var viaProc)
            ?? throw new DataException($"{path}: too many levels of symbolic links");
        if (kind == FileKind.Regular)
        {
            // A link under /proc (/dev/stdout is /proc/self/fd/1) names an open file, perhaps a shell's redirection
            // in append mode: it is written through, as is a link whose final path is not the file it opens.
            through = viaProc || KindOf(final) != FileKind.Regular;
            return through ? full : final;
        }
        if (KindOf(final) == FileKind.Folder) throw new DataException($"{path}: is a folder, not a file");
        var dir = Path.GetDirectoryName(final) ?? ".";
        if (!Directory.Exists(dir)) throw new DataException($"{path}: the folder '{dir}' does not exist");
        return final;
    }

    /// <summary>
    /// <paramref name="path"/> made full as the system resolves it: its folder with every symbolic link and
    /// <c>..</c> resolved in turn (<c>link/../x.csv</c> is beside the link's target's folder, not beside the link),
    /// its own name as given. <see cref="Path.GetFullPath(string)"/> would drop <c>link/..</c> by spelling alone: a
    /// different file than the one the system opens. A folder that does not exist stays as spelled.
    /// </summary>
    internal static string FullPath(string path)
    {
        var raw = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var name = Path.GetFileName(raw);
        if (name is "" or "." or "..") return RealFolder(raw) ?? Path.GetFullPath(raw);
        var folder = RealFolder(Path.GetDirectoryName(raw) ?? "/");
        return folder is null ? Path.GetFullPath(raw) : Path.Combine(folder, name);
    }

    /// <summary>The path <paramref name="full"/> leads to once every symbolic link that names it is followed, even
    /// when the last one points to a file that does not exist; null when the links loop. The folder of each link's
    /// target is resolved as the system resolves it.</summary>
    internal static string? FinalPath(string full) => FollowLinks(full, out _);

    /// <summary><see cref="FinalPath"/>; <paramref name="viaProc"/> tells whether a link on the way is under
    /// <c>/proc</c>, whose links name open files rather than paths.</summary>
    private static string? FollowLinks(string full, out bool viaProc)
    {
        var current = full;
        viaProc = false;
        for (var hops = 0; hops <= MaxLinks; hops++)
        {
            string? link;
            try
            {
                link = new FileInfo(current).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return current; // not readable as a link: opening it reports the problem
            }
            if (link is null) return current;
            viaProc |= current.StartsWith("/proc/", StringComparison.Ordinal);
            var raw = Path.IsPathRooted(link) ? link : Path.Combine(Path.GetDirectoryName(current) ?? "/", link);
            var name = Path.GetFileName(raw);
            if (name is "" or "." or "..") return Path.GetFullPath(raw);
            // A folder that does not exist stays as spelled: the caller finds it missing.
            var folder = RealFolder(Path.GetDirectoryName(raw) ?? "/");
            if (folder is null) return Path.GetFullPath(raw);
            current = Path.Combine(folder, name);
        }
        return null;
    }

    /// <summary>A temporary for target <paramref name="name"/> in <paramref name="dir"/>:
    /// <c>.STEM.PID.GUID.tmp</c> (<see cref="Stem"/>), the name <see cref="RemoveStale"/> recognises.</summary>
    private static string Temporary(string dir, string name) =>
        Path.Combine(dir, $".{Stem(name)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    /// <summary>Longest name, in UTF-8 bytes, kept whole in its temporaries' names: with the dots, process number,
    /// GUID and <c>.tmp</c> they stay within the 255 bytes most file systems allow in a name.</summary>
    private const int WholeStem = 190;

    /// <summary>The part of a temporary's name that stands for target <paramref name="name"/>: the name itself, or
    /// for a longer one its first characters within <see cref="WholeStem"/> − 17 bytes, <c>~</c> and 16 hex digits
    /// of the whole name's SHA-256 (so that two long names with the same start have different temporaries).</summary>
    internal static string Stem(string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= WholeStem) return name;
        var hash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
        var end = 0;
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > WholeStem - 17) break;
            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }
        return $"{name[..end]}~{hash}";
    }

    /// <summary>Puts every file written in place: first the targets written through, in the order written, then
    /// <paramref name="beforeRenames"/> (what else the run must deliver, e.g. its standard output: when it fails, no
    /// file is renamed), then the renames, so that a failure to write through leaves every renamed target untouched.
    /// With several renames, each existing target is first kept under a second name (a hard link, or a copy where
    /// links are not possible): when a later rename fails (a file that cannot be replaced), the targets already
    /// replaced get their old contents back and the ones created are removed, so that no target is left changed.
    /// </summary>
    public void Commit(Action? beforeRenames = null)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _committed = true;
        var renames = _staged.Where(s => !s.Through).ToList();
        var backups = new List<string?>();
        var placed = 0;
        try
        {
            foreach (var (temp, target, _) in _staged.Where(s => s.Through)) WriteThrough(temp, target);
            beforeRenames?.Invoke();
            // The renames are not interrupted by Abandon, nor after it: every target is replaced, or none.
            lock (Gate)
            {
                if (_abandoned) throw new DataException("the written files were not put in place (interrupted)");
                if (renames.Count > 1)
                    foreach (var (_, target, _) in renames) backups.Add(KeepOld(target));
                foreach (var (temp, target, _) in renames)
                {
                    KeepMode(temp, target);
                    File.Move(temp, target, overwrite: true);
                    placed++;
                }
                // Every target is in place: the old contents kept aside go now, before a stopped run could leave them.
                foreach (var backup in backups) if (backup is not null) TryDelete(backup);
                backups.Clear();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (renames.Count > 1) Restore(renames.Take(placed).Select(r => r.Target).ToList(), backups);
            throw new DataException($"cannot put the written files in place ({e.Message})", e);
        }
        finally
        {
            DeleteTemporaries();
            foreach (var backup in backups) if (backup is not null) TryDelete(backup);
        }
    }

    /// <summary>A second name for the existing <paramref name="target"/>'s contents, named as a temporary (so that
    /// a killed run's is removed by a later one, the target itself still holding its data); null when there is no
    /// such file.</summary>
    private static string? KeepOld(string target)
    {
        if (!File.Exists(target)) return null;
        var backup = Temporary(Path.GetDirectoryName(target)!, Path.GetFileName(target));
        if (!OperatingSystem.IsLinux() || link(target, backup) != 0) File.Copy(target, backup);
        return backup;
    }

    /// <summary>Undoes the renames onto <paramref name="placed"/>: each gets its <paramref name="backups"/> entry
    /// back, or is removed when it did not exist before.</summary>
    private static void Restore(List<string> placed, List<string?> backups)
    {
        for (var i = 0; i < placed.Count && i < backups.Count; i++)
        {
            try
            {
                if (backups[i] is { } backup) File.Move(backup, placed[i], overwrite: true);
                else File.Delete(placed[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done for this one; the others are still restored.
            }
        }
    }

    /// <summary>Removes <paramref name="path"/> if it can; a file that cannot be removed is left.</summary>
    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Gives <paramref name="temp"/> the permissions of the file it replaces, as writing the file in place
    /// would keep them (a private file stays private); nothing when there is no such file or no Unix modes.</summary>
    private static void KeepMode(string temp, string target)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target)) return;
        try
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The rename still replaces the file; it then has the temporary's default permissions.
        }
    }

    /// <summary>Copies <paramref name="temp"/> into the existing <paramref name="target"/>, opened in place.</summary>
    private static void WriteThrough(string temp, string target)
    {
        try
        {
            using var source = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            // FileShare.ReadWrite: no advisory lock on a device or a pipe another process holds.
            using var sink = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
            // A regular file opened through /proc (stdout redirected to a file) is added to, as its own open file
            // would be, never overwritten from its start.
            if (sink.CanSeek && KindOf(target) == FileKind.Regular) sink.Seek(0, SeekOrigin.End);
            source.CopyTo(sink, 1 << 16);
            sink.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"{target}: cannot be written ({e.Message})", e);
        }
    }

    /// <summary>Removes every temporary not committed.</summary>
    public void Dispose()
    {
        _committed = true;
        DeleteTemporaries();
    }

    private void DeleteTemporaries()
    {
        lock (Gate)
        {
            foreach (var (temp, _, _) in _staged) TryDelete(temp);
            _staged.Clear();
            Open.Remove(this);
        }
    }

    /// <summary>Removes the temporaries of every transaction not yet committed, and makes every later write or commit
    /// fail: for a process that is being stopped (Ctrl+C, <c>kill</c>), so that it leaves neither temporaries nor a
    /// part of its outputs. A commit already renaming finishes first.</summary>
    /// <returns>Whether any temporary was removed.</returns>
    internal static bool Abandon()
    {
        lock (Gate)
        {
            _abandoned = true;
            var any = Open.Any(t => t._staged.Count > 0);
            foreach (var transaction in Open.ToArray()) transaction.DeleteTemporaries();
            return any;
        }
    }

    /// <summary>Removes <c>.STEM.PID.GUID.tmp</c> files (<see cref="Stem"/> of <paramref name="name"/>) in
    /// <paramref name="dir"/> whose process is gone.</summary>
    internal static void RemoveStale(string dir, string name)
    {
        name = Stem(name);
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(dir, $".{name}.*.tmp");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in candidates)
        {
            var middle = Path.GetFileName(file).AsSpan()[(name.Length + 2)..^4]; // PID.GUID
            var dot = middle.IndexOf('.');
            if (dot <= 0 || middle.Length - dot - 1 != 32 || !int.TryParse(middle[..dot], out var pid)) continue;
            if (!IsRunning(pid)) TryDelete(file);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>What a path is once its symbolic links are followed.</summary>
    private enum FileKind
    {
        Missing,
        Regular,
        Folder,
        Other,
    }

    /// <summary>The kind of file <paramref name="full"/> resolves to (Missing when it, or a link's final target,
    /// does not exist).</summary>
    private static FileKind KindOf(string full)
    {
        if (!OperatingSystem.IsLinux())
        {
            if (Directory.Exists(full)) return FileKind.Folder;
            if (!File.Exists(full)) return FileKind.Missing;
            var info = new FileInfo(full);
            return info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true
                ? FileKind.Regular
                : FileKind.Missing;
        }
        return FileStatus.Of(full) switch
        {
            null => FileKind.Missing,
            { IsRegular: true } => FileKind.Regular,
            { IsFolder: true } => FileKind.Folder,
            _ => FileKind.Other,
        };
    }

    /// <summary>The folder <paramref name="dir"/> with every symbolic link and <c>..</c> resolved as the system
    /// resolves them, or null when it does not exist.</summary>
    private static string? RealFolder(string dir)
    {
        if (!OperatingSystem.IsLinux())
        {
            var full = Path.GetFullPath(dir);
            return Directory.Exists(full) ? full : null;
        }
        var resolved = realpath(dir, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try
        {
            var text = Marshal.PtrToStringUTF8(resolved);
            return text is not null && Directory.Exists(text) ? text : null;
        }
        finally
        {
            free(resolved);
        }
    }


    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    [DllImport("libc", SetLastError = true)]
    private static extern int access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
