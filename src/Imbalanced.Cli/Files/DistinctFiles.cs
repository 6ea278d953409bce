using Imbalanced.Data;

namespace Imbalanced.Cli.Files;

/// <summary>
/// Refuses a command whose output would replace its input, its model or another of its outputs: every path is
/// compared by the file it resolves to (<see cref="FileIdentity"/>), not by its spelling. Called before any work.
/// </summary>
internal static class DistinctFiles
{
    /// <summary>Checks that no output is an input or another output.</summary>
    /// <param name="inputs">What each input is called in a message
    /// (<c>the input</c>, <c>--model</c>) and its path.</param>
    /// <param name="outputs">Each output's option and path; null paths are not written and skipped.</param>
    /// <exception cref="DataException">Two of them are one file, or an output's folder does not exist or cannot be
    /// written.</exception>
    public static void Check(IEnumerable<(string Role, string Path)> inputs,
        params (string Option, string? Path)[] outputs)
    {
        var seen = new List<(string Role, string Path, FileIdentity Id)>();
        foreach (var (role, path) in inputs)
            if (FileIdentity.Of(path) is { } id) seen.Add((role, path, id));
        foreach (var (option, path) in outputs)
        {
            if (path is null) continue;
            string target;
            try
            {
                // The same rule the write applies, checked before any work: symbolic links followed to their final
                // target, even one that does not exist yet, so a dangling link and its target's name are one file.
                target = FileTransaction.CheckWritable(path);
            }
            catch (DataException e)
            {
                throw new DataException($"{option} {e.Message}");
            }
            var id = FileIdentity.Of(target)
                ?? throw new DataException($"{option} {path}: cannot tell which file this is");
            foreach (var other in seen)
                if (other.Id == id)
                    throw new DataException(
                        $"{option} {path} is the same file as {other.Role} {other.Path}; refusing to write over it, " +
                        "choose another path");
            seen.Add((option, path, id));
        }
    }
}
