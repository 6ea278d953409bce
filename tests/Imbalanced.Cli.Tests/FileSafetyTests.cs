using System.Diagnostics;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>No data loss, whatever the paths (CLI.md, file identity and all or nothing): an output that resolves to
/// the input, the model or another output is refused before anything is written; a command that writes several
/// files writes all or none; temporaries of a killed run are removed by the next run for the same output.</summary>
public class FileSafetyTests
{
    private const string Data = "a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.5,5.5,x\n0.61,6.5,x\n" +
        "0.7,7.5,z\n0.8,8.5,z\n0.95,9.5,z\n";

    private static string Folder() => Directory.CreateTempSubdirectory("imbalanced-safety-").FullName;

    private static string[] Resample(string input, string output, params string[] extra) =>
        ["resample", input, "--target", "y", "--method", "random-over", "--output", output, .. extra];

    [Fact]
    public void An_output_named_by_a_symbolic_link_to_it_is_refused()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var link = Path.Combine(dir, "link.csv");
        File.CreateSymbolicLink(link, data);
        AssertRefused(Run(Resample(link, data)), "same file");
        AssertRefused(Run(Resample(data, link)), "same file");
        Assert.Equal(Data, File.ReadAllText(data));
        Assert.True(File.Exists(link) && new FileInfo(link).LinkTarget == data);
    }

    [Fact]
    public void An_output_in_a_linked_folder_that_is_the_input_is_refused()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "x.csv");
        File.WriteAllText(data, Data);
        var other = Folder();
        var same = Path.Combine(other, "same");
        Directory.CreateSymbolicLink(same, dir);
        AssertRefused(Run(Resample(data, Path.Combine(same, "x.csv"))), "same file");
        Assert.Equal(Data, File.ReadAllText(data));
    }

    [Fact]
    public void A_hard_link_to_the_input_is_refused()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var hard = Path.Combine(dir, "hard.csv");
        using (var ln = Process.Start("ln", [data, hard])) ln.WaitForExit();
        Assert.True(File.Exists(hard));
        AssertRefused(Run(Resample(data, hard)), "same file");
        Assert.Equal(Data, File.ReadAllText(data));
    }

    [Fact]
    public void Provenance_over_the_output_or_the_input_is_refused()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var output = Path.Combine(dir, "out.csv");
        AssertRefused(Run(Resample(data, output, "--provenance", Path.Combine(dir, ".", "out.csv"))), "same file");
        AssertRefused(Run(Resample(data, output, "--provenance", Path.Combine(dir, "sub", "..", "data.csv"))),
            "same file");
        Assert.False(File.Exists(output));
        Assert.Equal(Data, File.ReadAllText(data));
    }

    [Fact]
    public void Train_compare_and_predict_never_write_over_their_input_model_or_each_other()
    {
        var dir = Folder();
        var input = Path.Combine(dir, "in.csv");
        File.Copy(Bundled("breast_cancer.csv"), input);
        var original = File.ReadAllBytes(input);
        var dotted = Path.Combine(dir, ".", "in.csv");
        AssertRefused(Run("train", input, "--target", "diagnosis", "--technique", "none", "--learner", "logistic",
            "--model", dotted), "same file");
        AssertRefused(Run("compare", input, "--target", "diagnosis", "--json", dotted), "same file");
        AssertRefused(Run("compare", input, "--target", "diagnosis", "--report", dotted), "same file");
        var shared = Path.Combine(dir, "r.out");
        File.WriteAllText(shared, "keep me");
        AssertRefused(Run("compare", input, "--target", "diagnosis", "--json", shared, "--report", shared),
            "same file");
        Assert.Equal("keep me", File.ReadAllText(shared));

        var model = Path.Combine(dir, "m.zip");
        var trained = Run("train", input, "--target", "diagnosis", "--technique", "none", "--learner", "logistic",
            "--model", model, "--quiet");
        Assert.Equal(0, trained.ExitCode);
        var modelBytes = File.ReadAllBytes(model);
        AssertRefused(Run("predict", "--model", model, input, "--output", model), "same file");
        var link = Path.Combine(dir, "link.csv");
        File.CreateSymbolicLink(link, input);
        AssertRefused(Run("predict", "--model", model, link, "--output", input), "same file");
        Assert.Equal(modelBytes, File.ReadAllBytes(model));
        Assert.Equal(original, File.ReadAllBytes(input));
    }

    /// <summary>An output written over keeps its permissions (a private file stays private), as writing it in
    /// place would; the data is replaced by a rename.</summary>
    [Fact]
    public void An_output_written_over_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows()) return;
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var output = Path.Combine(dir, "out.csv");
        File.WriteAllText(output, "old");
        File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, Run(Resample(data, output)).ExitCode);
        Assert.NotEqual("old", File.ReadAllText(output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
    }

    [Fact]
    public void A_failed_provenance_write_leaves_the_output_untouched()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var output = Path.Combine(dir, "out.csv");
        var r = Run(Resample(data, output, "--provenance", Path.Combine(dir, "nodir", "prov.csv")));
        AssertRefused(r, "nodir");
        Assert.False(File.Exists(output));
        File.WriteAllText(output, "keep me");
        AssertRefused(Run(Resample(data, output, "--provenance", Path.Combine(dir, "nodir", "prov.csv"))), "nodir");
        Assert.Equal("keep me", File.ReadAllText(output));
        Assert.Equal(["data.csv", "out.csv"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_full_disk_during_the_second_file_leaves_the_first_untouched()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var output = Path.Combine(dir, "out.csv");
        File.WriteAllText(output, "keep me");
        var full = Path.Combine(dir, "full");
        Directory.CreateDirectory(full);
        if (!TinyFullFileSystem(full))
        {
            // Without the right to mount one, FileTransactionTests simulates the failed write in process.
            return;
        }
        try
        {
            var r = Run(Resample(data, output, "--provenance", Path.Combine(full, "prov.csv")));
            AssertRefused(r, "prov.csv");
            Assert.Equal("keep me", File.ReadAllText(output));
            Assert.Equal(["data.csv", "out.csv"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            Assert.Equal(["filler"], Directory.GetFiles(full).Select(Path.GetFileName));
        }
        finally
        {
            using var umount = Process.Start("umount", [full]);
            umount.WaitForExit();
        }
    }

    /// <summary>compare prints its table only once its files are in place: a --json that cannot be written (a full
    /// disk) leaves stdout empty and the error alone, where the whole table used to come first.</summary>
    [Fact]
    public void Compare_prints_nothing_when_its_files_cannot_be_written()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var full = Path.Combine(dir, "full");
        Directory.CreateDirectory(full);
        if (!TinyFullFileSystem(full)) return;
        try
        {
            var r = Run("compare", data, "--target", "y", "--techniques", "none", "--learners", "logistic",
                "--folds", "2", "--repeats", "1", "--quiet", "--json", Path.Combine(full, "r.json"));
            AssertRefused(r, "r.json");
            Assert.Equal("", r.Stdout);
            Assert.Equal(["filler"], Directory.GetFiles(full).Select(Path.GetFileName));
        }
        finally
        {
            using var umount = Process.Start("umount", [full]);
            umount.WaitForExit();
        }
    }

    /// <summary>Mounts a 64 KiB tmpfs at <paramref name="dir"/> and fills it; false where mounting is not
    /// allowed.</summary>
    private static bool TinyFullFileSystem(string dir)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return false;
        using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir])
        { RedirectStandardError = true });
        mount!.WaitForExit();
        if (mount.ExitCode != 0) return false;
        try
        {
            using var filler = File.Create(Path.Combine(dir, "filler"));
            var block = new byte[4096];
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public void Temporaries_of_a_killed_run_are_removed_by_the_next_run_for_that_output()
    {
        var dir = Folder();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllText(data, Data);
        var output = Path.Combine(dir, "out.csv");
        var gone = NotRunningPid();
        var stale = Path.Combine(dir, $".out.csv.{gone}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(dir, $".out.csv.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var otherOutput = Path.Combine(dir, $".other.csv.{gone}.{Guid.NewGuid():N}.tmp");
        foreach (var f in new[] { stale, live, otherOutput }) File.WriteAllText(f, "partial");
        Assert.Equal(0, Run(Resample(data, output)).ExitCode);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(otherOutput));
    }

    private static int NotRunningPid()
    {
        for (var pid = 4_000_000; ; pid--)
        {
            try
            {
                using var p = Process.GetProcessById(pid);
            }
            catch (ArgumentException)
            {
                return pid;
            }
        }
    }
}
