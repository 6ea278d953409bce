using System.Diagnostics;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Outputs named by symbolic links and outputs that are not regular files (CLI.md, file identity): a link
/// is followed to its final target, even one that does not exist yet, both to find a clash and to write; the data
/// lands in the target and the link stays a link; a FIFO is written through, never renamed over. Device files such
/// as /dev/null are never used here: a regression would replace the machine's own device nodes.</summary>
public class OutputLinkTests
{
    private const string Data = "a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.5,5.5,x\n0.61,6.5,x\n" +
        "0.7,7.5,z\n0.8,8.5,z\n0.95,9.5,z\n";

    private static string Folder() => Directory.CreateTempSubdirectory("imbalanced-links-").FullName;

    private static string[] Resample(string input, string output, params string[] extra) =>
        ["resample", input, "--target", "y", "--method", "random-over", "--output", output, "--quiet", .. extra];

    private static string Input(string dir)
    {
        var data = Path.Combine(dir, "in.csv");
        File.WriteAllText(data, Data);
        return data;
    }

    private static void AssertLink(string link, string target)
    {
        var info = new FileInfo(link);
        Assert.True(info.LinkTarget is not null, $"{link} is no longer a symbolic link");
        Assert.Equal(target, info.LinkTarget);
    }

    /// <summary>The file names in <paramref name="dir"/>, temporaries included (they start with a dot).</summary>
    private static string[] Names(string dir) =>
        [.. new DirectoryInfo(dir).EnumerateFileSystemInfos().Select(f => f.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_dangling_link_to_another_output_is_the_same_file_and_nothing_is_written()
    {
        var dir = Folder();
        var input = Input(dir);
        var output = Path.Combine(dir, "o2.csv");
        var link = Path.Combine(dir, "o2link.csv");
        File.CreateSymbolicLink(link, "o2.csv");
        AssertRefused(Run(Resample(input, output, "--provenance", link)), "same file");
        AssertRefused(Run(Resample(input, link, "--provenance", output)), "same file");
        Assert.False(File.Exists(output));
        AssertLink(link, "o2.csv");
        Assert.Equal(["in.csv", "o2link.csv"], Names(dir));
    }

    [Fact]
    public void A_dangling_link_through_another_folder_to_an_output_is_the_same_file()
    {
        var dir = Folder();
        var input = Input(dir);
        var sub = Path.Combine(dir, "sub");
        Directory.CreateDirectory(sub);
        var linkedSub = Path.Combine(dir, "linked");
        Directory.CreateSymbolicLink(linkedSub, sub);
        // linked/up.csv -> ../out.csv: the system resolves ".." from sub (the link's real folder), so it is
        // dir/out.csv, the output.
        var link = Path.Combine(sub, "up.csv");
        File.CreateSymbolicLink(link, Path.Combine("..", "out.csv"));
        var output = Path.Combine(dir, "out.csv");
        AssertRefused(Run(Resample(input, output, "--provenance", Path.Combine(linkedSub, "up.csv"))), "same file");
        Assert.False(File.Exists(output));
        AssertLink(link, Path.Combine("..", "out.csv"));
    }

    /// <summary><c>link/..</c> is the parent of the link's target's folder, as the system opens it, not the folder
    /// that holds the link (which a path made full by spelling alone would give).</summary>
    [Fact]
    public void Dot_dot_after_a_linked_folder_is_resolved_as_the_system_resolves_it()
    {
        var dir = Folder();
        var real = Path.Combine(dir, "real");
        Directory.CreateDirectory(Path.Combine(real, "deep"));
        var input = Input(real);
        var link = Path.Combine(dir, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(real, "deep"));
        // link/../in.csv is real/in.csv: the input itself.
        AssertRefused(Run(Resample(input, Path.Combine(link, "..", "in.csv"))), "same file");
        Assert.Equal(Data, File.ReadAllText(input));
        var r = Run(Resample(input, Path.Combine(link, "..", "out.csv")));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("a,b,y\n", File.ReadAllText(Path.Combine(real, "out.csv")));
        Assert.False(File.Exists(Path.Combine(dir, "out.csv")));
    }

    [Fact]
    public void Writing_to_a_link_writes_its_target_and_keeps_the_link()
    {
        var dir = Folder();
        var input = Input(dir);
        var target = Path.Combine(dir, "t4.csv");
        File.WriteAllText(target, "old");
        var link = Path.Combine(dir, "t4link.csv");
        File.CreateSymbolicLink(link, "t4.csv");
        var r = Run(Resample(input, link));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("a,b,y\n", File.ReadAllText(target));
        AssertLink(link, "t4.csv");
        Assert.Equal(["in.csv", "t4.csv", "t4link.csv"], Names(dir));
    }

    [Fact]
    public void Writing_to_a_dangling_link_creates_its_target_and_keeps_the_link()
    {
        var dir = Folder();
        var input = Input(dir);
        var link = Path.Combine(dir, "new-link.csv");
        File.CreateSymbolicLink(link, "new.csv");
        var provenance = Path.Combine(dir, "prov-link.csv");
        File.CreateSymbolicLink(provenance, "prov.csv");
        var r = Run(Resample(input, link, "--provenance", provenance));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("a,b,y\n", File.ReadAllText(Path.Combine(dir, "new.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "prov.csv")));
        AssertLink(link, "new.csv");
        AssertLink(provenance, "prov.csv");
        Assert.Equal(["in.csv", "new-link.csv", "new.csv", "prov-link.csv", "prov.csv"], Names(dir));
    }

    [Fact]
    public void A_chain_of_links_is_followed_to_its_end_to_write_and_to_find_a_clash()
    {
        var dir = Folder();
        var input = Input(dir);
        var sub = Path.Combine(dir, "sub");
        Directory.CreateDirectory(sub);
        var final = Path.Combine(sub, "final.csv");
        File.WriteAllText(final, "old");
        // first.csv -> sub/second.csv -> final.csv (each relative to its own folder)
        var second = Path.Combine(sub, "second.csv");
        File.CreateSymbolicLink(second, "final.csv");
        var first = Path.Combine(dir, "first.csv");
        File.CreateSymbolicLink(first, Path.Combine("sub", "second.csv"));

        AssertRefused(Run(Resample(input, first, "--provenance", final)), "same file");
        Assert.Equal("old", File.ReadAllText(final));

        var r = Run(Resample(input, first));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.StartsWith("a,b,y\n", File.ReadAllText(final));
        AssertLink(first, Path.Combine("sub", "second.csv"));
        AssertLink(second, "final.csv");
        Assert.Equal(["final.csv", "second.csv"], Names(sub));
        Assert.Equal(["first.csv", "in.csv", "sub"], Names(dir));

        // The same chain ending at a file that does not exist yet.
        File.Delete(final);
        AssertRefused(Run(Resample(input, final, "--provenance", first)), "same file");
        Assert.False(File.Exists(final));
        Assert.Equal(0, Run(Resample(input, first)).ExitCode);
        Assert.StartsWith("a,b,y\n", File.ReadAllText(final));
        AssertLink(first, Path.Combine("sub", "second.csv"));
        AssertLink(second, "final.csv");
    }

    [Fact]
    public void A_loop_of_links_is_a_data_error()
    {
        var dir = Folder();
        var input = Input(dir);
        var a = Path.Combine(dir, "a.csv");
        var b = Path.Combine(dir, "b.csv");
        File.CreateSymbolicLink(a, "b.csv");
        File.CreateSymbolicLink(b, "a.csv");
        AssertRefused(Run(Resample(input, a)), "symbolic links");
        AssertLink(a, "b.csv");
        AssertLink(b, "a.csv");
        Assert.Equal(["a.csv", "b.csv", "in.csv"], Names(dir));
    }

    [Fact]
    public void A_fifo_is_written_through_and_stays_a_fifo()
    {
        if (!OperatingSystem.IsLinux()) return;
        var dir = Folder();
        var input = Input(dir);
        var fifo = Path.Combine(dir, "pipe");
        MakeFifo(fifo);
        // Through a link as well: the link is followed to the FIFO.
        var link = Path.Combine(dir, "pipe-link.csv");
        File.CreateSymbolicLink(link, "pipe");
        var provenance = Path.Combine(dir, "prov.csv");

        string? read = null;
        // A background thread: should the FIFO be renamed over, its open never returns and must not hold the run.
        var reader = new Thread(() => read = File.ReadAllText(fifo)) { IsBackground = true };
        reader.Start();
        var r = Run(Resample(input, link, "--provenance", provenance));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(reader.Join(TimeSpan.FromSeconds(60)), "nothing was written into the FIFO");
        Assert.NotNull(read);
        var regular = Path.Combine(Folder(), "regular.csv");
        Assert.Equal(0, Run(Resample(input, regular)).ExitCode);
        Assert.Equal(File.ReadAllText(regular), read); // the whole output, as a regular file receives it
        Assert.Equal("fifo", FileType(fifo));
        AssertLink(link, "pipe");
        Assert.True(File.Exists(provenance));
        Assert.Equal(["in.csv", "pipe", "pipe-link.csv", "prov.csv"], Names(dir));
    }

    [Fact]
    public void A_fifo_named_twice_is_the_same_file()
    {
        if (!OperatingSystem.IsLinux()) return;
        var dir = Folder();
        var input = Input(dir);
        var fifo = Path.Combine(dir, "pipe");
        MakeFifo(fifo);
        var link = Path.Combine(dir, "pipe-link");
        File.CreateSymbolicLink(link, fifo);
        // Refused before anything opens the FIFO, so the run ends without a reader.
        AssertRefused(Run(Resample(input, fifo, "--provenance", link)), "same file");
        Assert.Equal("fifo", FileType(fifo));
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        Assert.Equal("fifo", FileType(path));
    }

    /// <summary>What <c>stat</c> says <paramref name="path"/> is, without following a link.</summary>
    private static string FileType(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%F", path])
        {
            RedirectStandardOutput = true,
        })!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return text;
    }
}
