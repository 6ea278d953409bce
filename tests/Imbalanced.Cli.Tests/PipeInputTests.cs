using System.Diagnostics;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>An input that is not a regular file (a named pipe, as a shell's <c>&lt;(zcat data.csv.gz)</c> gives):
/// read once, its table is the same as the file's, for the methods that read their input more than once too.</summary>
public class PipeInputTests
{
    private static readonly string Source = Bundled("credit_data.csv");

    /// <summary>Runs the command on a FIFO fed by <c>cat</c> of <see cref="Source"/> and on the file itself; returns
    /// both runs' outcomes and the paths they wrote to (<c>{out}</c> in <paramref name="args"/>).</summary>
    private static (Outcome Piped, Outcome Plain, string PipedOut, string PlainOut) Both(params string[] args) =>
        BothFrom(Source, ".csv", args);

    /// <summary>The same, for the file <paramref name="source"/> and outputs named with
    /// <paramref name="extension"/>.</summary>
    private static (Outcome Piped, Outcome Plain, string PipedOut, string PlainOut) BothFrom(
        string source, string extension, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("imbalanced-pipe-").FullName;
        var fifo = Path.Combine(dir, "input");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        using var writer = Process.Start("sh", ["-c", $"cat '{source}' > '{fifo}'"]);
        var (pipedOut, plainOut) = (Path.Combine(dir, "piped" + extension), Path.Combine(dir, "plain" + extension));
        var piped = Run([.. args.Select(a => a == "{in}" ? fifo : a == "{out}" ? pipedOut : a)]);
        // A run that never opened the FIFO leaves its writer waiting: stopped, and the test fails.
        if (!writer.WaitForExit(10_000)) writer.Kill();
        Assert.True(writer.HasExited && writer.ExitCode == 0, "the FIFO was not read to its end");
        var plain = Run([.. args.Select(a => a == "{in}" ? source : a == "{out}" ? plainOut : a)]);
        return (piped, plain, pipedOut, plainOut);
    }

    [Theory]
    [InlineData("random-under")]
    [InlineData("random-over")]
    [InlineData("smote-nc")]
    public void Resampling_a_pipe_writes_what_resampling_the_file_writes(string method)
    {
        if (!OperatingSystem.IsLinux()) return;
        var (piped, plain, pipedOut, plainOut) = Both("resample", "{in}", "--target", "Status", "--method", method,
            "--drop", "Home,Marital,Job,Income,Assets,Debt", "--output", "{out}", "--quiet");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Equal(File.ReadAllBytes(plainOut), File.ReadAllBytes(pipedOut));
    }

    [Fact]
    public void Inspecting_a_pipe_reports_what_inspecting_the_file_reports()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (piped, plain, _, _) = Both("inspect", "{in}", "--target", "Status", "--json");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.Contains("\"rows\":4454", piped.Stdout);
        Assert.Equal(plain.Stdout, piped.Stdout);
    }

    [Theory]
    [InlineData("inspect")]
    [InlineData("resample")]
    public void A_parquet_pipe_is_read_as_parquet_by_its_first_bytes(string command)
    {
        // A pipe's name (/dev/fd/63 for <(cat data.parquet)) has no extension to tell the format by.
        if (!OperatingSystem.IsLinux()) return;
        var source = Path.Combine(Directory.CreateTempSubdirectory("imbalanced-parquet-").FullName, "data.parquet");
        var made = Run("generate", "--output", source, "--rows", "400", "--features", "4", "--weights", "0.9");
        Assert.True(made.ExitCode == 0, made.Stderr);
        string[] args = command == "inspect"
            ? ["inspect", "{in}", "--target", "label", "--json"]
            : ["resample", "{in}", "--target", "label", "--method", "random-under", "--output", "{out}", "--quiet"];
        var (piped, plain, pipedOut, plainOut) = BothFrom(source, ".parquet", args);
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.True(plain.ExitCode == 0, plain.Stderr);
        Assert.Equal("", piped.Stderr);
        if (command == "inspect") Assert.Equal(plain.Stdout, piped.Stdout);
        else Assert.Equal(File.ReadAllBytes(plainOut), File.ReadAllBytes(pipedOut));
    }

    [Fact]
    public void A_delimited_pipe_whose_first_bytes_are_PAR1_is_still_delimited_text()
    {
        // Parquet begins and ends with PAR1; a CSV whose first column is named PAR1x only begins with it.
        if (!OperatingSystem.IsLinux()) return;
        var source = Path.Combine(Directory.CreateTempSubdirectory("imbalanced-par1-").FullName, "data.csv");
        File.WriteAllText(source, "PAR1x,y\n1,a\n2,a\n3,b\n4,a\n");
        var (piped, plain, _, _) = BothFrom(source, ".csv", "inspect", "{in}", "--target", "y", "--json");
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        Assert.Equal(plain.Stdout, piped.Stdout);
    }
}
