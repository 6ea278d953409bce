using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Imbalanced.Cli.Tests;

/// <summary><c>resample</c> streams a delimited file for random under- and over-sampling, SMOTE and SMOTEN: it
/// rebalances a CSV several times larger than the process's whole managed heap.</summary>
public class ResampleStreamingTests
{
    private const long HeapLimit = 24L << 20;
    private const int Rows = 150_000;

    private static readonly Lazy<string> Input = new(() =>
    {
        var path = CliRunner.Temp();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,amount,score,note,label\n");
        for (var i = 0; i < Rows; i++)
        {
            var label = i % 100 == 0 ? "fraud" : "ok";
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{i},{i * 0.37 % 1000:0.00},{(i * 7919) % 10007},\"free text, row {i}: {new string('x', 400)}\"," +
                $"{label}\n"));
        }
        return path;
    });

    // Rows with 30 categorical features only, for SMOTEN (the text column is dropped): their codes alone, held for
    // every row as a whole-table run holds them, with the new rows' codes, would not fit in the heap.
    private static readonly Lazy<string> CategoricalInput = new(() =>
    {
        var path = CliRunner.Temp();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(string.Join(',', Enumerable.Range(0, 30).Select(j => $"c{j}")) + ",note,label\n");
        for (var i = 0; i < Rows; i++)
        {
            var label = i % 100 == 0 ? "fraud" : "ok";
            foreach (var j in Enumerable.Range(0, 30))
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"v{(i / (j + 1) + j) % 5},"));
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\"free text, row {i}: {new string('x', 300)}\",{label}\n"));
        }
        return path;
    });

    [Theory]
    [InlineData("random-under", 1500, 1500, 0)]
    [InlineData("random-over", 148_500, 148_500, 147_000)]
    [InlineData("smote", 148_500, 148_500, 147_000)]
    [InlineData("smoten", 148_500, 148_500, 147_000)]
    public void Resample_rebalances_a_csv_larger_than_the_heap_it_may_use(string method, int fraud, int ok,
        int synthetic)
    {
        var input = method == "smoten" ? CategoricalInput.Value : Input.Value;
        Assert.True(new FileInfo(input).Length > 2 * HeapLimit, "the file must not fit in the heap");
        var output = CliRunner.Temp();

        var run = CliRunner.RunWith(["env", $"DOTNET_GCHeapHardLimit=0x{HeapLimit:X}"], "resample", input,
            "--target", "label", "--method", method, "--drop", "note", "--output", output, "--json", "--quiet");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var after = json.RootElement.GetProperty("after");
        Assert.Equal(fraud, after.GetProperty("fraud").GetInt32());
        Assert.Equal(ok, after.GetProperty("ok").GetInt32());
        Assert.Equal(synthetic, json.RootElement.GetProperty("synthetic").GetInt32());
        using (var lines = new StreamReader(output))
        using (var original = new StreamReader(input))
        {
            Assert.Equal(original.ReadLine(), lines.ReadLine());
            var written = 0;
            var copied = 0;
            while (lines.ReadLine() is { } line)
            {
                written++;
                // Original rows come first, in input order, each exactly as read.
                if (method != "random-under" && copied < 1000)
                {
                    Assert.Equal(original.ReadLine(), line);
                    copied++;
                }
            }
            Assert.Equal(fraud + ok, written);
        }
        File.Delete(output);
    }
}
