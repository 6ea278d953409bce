using System.Diagnostics;

namespace Imbalanced.Cli.Tests;

/// <summary>Runs the built <c>imbalanced</c> command as a separate process, as a user would.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "imbalanced.dll");

    public static Outcome Run(params string[] args) => RunWith([], args);

    /// <summary>The run ended with a data error: exit 1 and one <c>error:</c> line containing
    /// <paramref name="expected"/>.</summary>
    public static void AssertRefused(Outcome r, string expected)
    {
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
    }

    /// <summary>Runs the command behind <paramref name="prefix"/> (for example <c>setpriv</c> and its arguments, to run
    /// it as another user).</summary>
    public static Outcome RunWith(string[] prefix, params string[] args)
    {
        var info = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var p in prefix.Skip(1)) info.ArgumentList.Add(p);
        if (prefix.Length > 0) info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Bundled(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static string Temp(string extension = ".csv") => Path.Combine(TempDir, $"{Guid.NewGuid():N}{extension}");

    public static readonly string TempDir = Directory.CreateTempSubdirectory("imbalanced-cli-").FullName;

    public static string Write(string text, string extension = ".csv")
    {
        var path = Temp(extension);
        File.WriteAllText(path, text);
        return path;
    }
}
