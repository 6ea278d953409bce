using System.Diagnostics;

namespace Imbalanced.Data;

/// <summary>
/// Writes several files all or nothing. Each file is written in full to a temporary file beside its target;
/// <see cref="Commit"/> then renames every temporary over its target. When any write fails, or the transaction is
/// disposed without a commit, every temporary is removed and no target is created or changed.
/// </summary>
/// <remarks>
/// Temporaries are named <c>.NAME.PID.GUID.tmp</c>; before writing a file the transaction removes the temporaries
/// for the same target that a process no longer running left behind (a killed run).
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
    private readonly List<(string Temp, string Target)> _staged = [];
    private bool _committed;

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> into a temporary file, to be put in
    /// place by <see cref="Commit"/>.</summary>
    /// <exception cref="DataException">The folder does not exist,
    /// the path is a folder or cannot be written.</exception>
    public void Write(string path, Action<Stream> write)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var full = Target(path);
        var dir = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        RemoveStale(dir, name);
        var temp = Path.Combine(dir, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            _staged.Add((temp, full));
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataException($"{path}: cannot write here ({e.Message})", e);
        }
        catch (IOException e)
        {
            throw new DataException($"{path}: cannot be written ({e.Message})", e);
        }
    }

    /// <summary>The full path a file may be written at: not a folder, in a folder that exists.</summary>
    /// <exception cref="DataException">The path is a folder or its folder does not exist.</exception>
    internal static string Target(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new DataException($"{path}: is a folder, not a file");
        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir)) throw new DataException($"{path}: the folder '{dir}' does not exist");
        return full;
    }

    /// <summary>Puts every file written in place, in the order written.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        _committed = true;
        try
        {
            foreach (var (temp, target) in _staged) File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException($"cannot put the written files in place ({e.Message})", e);
        }
        finally
        {
            DeleteTemporaries();
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
        foreach (var (temp, _) in _staged)
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _staged.Clear();
    }

    /// <summary>Removes <c>.NAME.PID.GUID.tmp</c> files in <paramref name="dir"/> whose process is gone.</summary>
    internal static void RemoveStale(string dir, string name)
    {
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
            if (IsRunning(pid)) continue;
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
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
}
