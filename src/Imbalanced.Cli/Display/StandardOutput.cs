
namespace Imbalanced.Cli.Display;

/// <summary>What a command prints on stdout, written in one go; a stdout that cannot take it (a full disk, a closed
/// descriptor) is a data error that says so.</summary>
internal static class StandardOutput
{
    /// <summary>Writes <paramref name="bytes"/> to stdout.</summary>
    /// <exception cref="DataException">Stdout cannot be written.</exception>
    public static void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            stdout.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new DataException($"standard output: cannot be written ({e.Message})", e);
        }
    }

    /// <summary>Writes <paramref name="text"/> to stdout in the console's encoding (UTF-8 on Linux and macOS; a
    /// Windows console's code page), as <c>Console.Out</c> would.</summary>
    /// <exception cref="DataException">Stdout cannot be written.</exception>
    public static void Write(string text) => Write(Console.OutputEncoding.GetBytes(text));
}
