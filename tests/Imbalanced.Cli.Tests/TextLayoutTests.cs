using System.Text;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Output keeps the input's format (CLI.md): a delimited file written from one with CR LF line breaks
/// and a UTF-8 byte order mark (as spreadsheet programs on Windows write them) has them too, and its copied rows
/// are the input's lines byte for byte.</summary>
public class TextLayoutTests
{
    private static readonly string[] Lines =
    [
        "a;b;y", "0.1;1.5;x", "0.2;2.5;x", "0.35;3.5;x", "0.4;4.25;x", "0.5;5.5;x", "0.61;6.5;x", "0.7;7.5;z",
        "0.8;8.5;z", "0.95;9.5;z", "0.3;2.0;x", "0.45;6.0;x",
    ];

    private static string Input(bool crLf, bool mark)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("imbalanced-layout-").FullName, "in.csv");
        var text = string.Join(crLf ? "\r\n" : "\n", Lines) + (crLf ? "\r\n" : "\n");
        File.WriteAllBytes(path, [.. mark ? "\uFEFF"u8.ToArray() : [], .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    public static TheoryData<string, bool, bool> Cases()
    {
        var cases = new TheoryData<string, bool, bool>();
        foreach (var command in new[] { "random-under", "smote", "enn", "predict" })
            foreach (var (crLf, mark) in new[] { (true, true), (true, false), (false, true), (false, false) })
                cases.Add(command, crLf, mark);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Line_breaks_and_the_byte_order_mark_are_written_as_the_input_has_them(
        string command, bool crLf, bool mark)
    {
        var input = Input(crLf, mark);
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out.csv");
        Outcome run;
        if (command == "predict")
        {
            var model = Path.Combine(Path.GetDirectoryName(input)!, "m.zip");
            var trained = Run("train", input, "--target", "y", "--technique", "none", "--learner", "logistic",
                "--model", model, "--quiet");
            Assert.True(trained.ExitCode == 0, trained.Stderr);
            run = Run("predict", input, "--model", model, "--output", output);
        }
        else
        {
            string[] k = command == "smote" ? ["--k-neighbors", "2"] : [];
            run = Run(["resample", input, "--target", "y", "--method", command, .. k, "--output", output, "--quiet"]);
        }
        Assert.True(run.ExitCode == 0, run.Stderr);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal(mark, bytes.AsSpan().StartsWith("\uFEFF"u8));
        var text = Encoding.UTF8.GetString(bytes.AsSpan(mark ? 3 : 0));
        var breaks = text.Count(c => c == '\n');
        Assert.True(breaks > 1);
        Assert.Equal(crLf ? breaks : 0, text.Split('\n').Count(l => l.EndsWith('\r')));
        var rows = text.Split(crLf ? "\r\n" : "\n");
        Assert.StartsWith("a;b;y", rows[0]);
        // Rows copied from the input are its lines (predict appends columns after them).
        var copied = rows.Skip(1).Where(r => r.Length > 0).Take(3).ToArray();
        Assert.All(copied, r => Assert.Contains(Lines.Skip(1), l => r.StartsWith(l, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("a;size 12\" screen;y\r\n", "\r\n")]
    [InlineData("a;\"two\r\nlines\";y\r\n", "\r\n")]
    [InlineData("a;\"two\nlines\";y\n", "\n")]
    [InlineData("a;b;y\r", "\n")]
    public void The_line_break_is_the_files_first_whatever_the_quotes_and_a_lone_cr_becomes_lf(
        string header, string expected)
    {
        // A stray quote, a quoted line break in a name, and CR-only lines (read as lines, written with LF).
        var path = Path.Combine(Directory.CreateTempSubdirectory("imbalanced-layout-").FullName, "in.csv");
        var end = header.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : header[^1..];
        File.WriteAllText(path, header + string.Join(end, Lines.Skip(1)) + end);
        var output = Path.Combine(Path.GetDirectoryName(path)!, "out.csv");
        var run = Run("resample", path, "--target", "y", "--method", "random-under", "--output", output, "--quiet");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var text = File.ReadAllText(output);
        var rows = text.Split(expected).Where(r => r.Length > 0).ToArray();
        Assert.Equal(1 + 2 * 3, rows.Length - (header.Contains("lines") ? 1 : 0));
        Assert.Equal(expected == "\n" ? 0 : text.Count(c => c == '\n'), text.Count(c => c == '\r'));
        Assert.All(rows.TakeLast(6), r => Assert.Contains(r, Lines));
    }
}
