using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Imbalanced.Cli.Tests;

/// <summary><c>inspect</c> streams: it summarises a CSV several times larger than the process's whole managed heap.
/// </summary>
public class InspectStreamingTests
{
    // 24 MB, as the streaming resample test: with 16 MB the runtime itself once crashed (a segmentation fault, not
    // an out-of-memory error) in a run of the suite.
    private const long HeapLimit = 24L << 20;

    [Fact]
    public void Inspect_summarises_a_csv_larger_than_the_heap_it_may_use()
    {
        var path = CliRunner.Temp();
        var rows = 2_000_000;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("id,amount,score,segment,label\n");
            for (var i = 0; i < rows; i++)
            {
                var label = i % 20 == 0 ? "fraud" : "ok";
                var segment = (i % 7) switch { 0 => "", 1 => "retail", _ => "online" };
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{i},{i * 0.37 % 1000:0.00},{(i * 7919) % 10007},{segment},{label}\n"));
            }
        }
        Assert.True(new FileInfo(path).Length > 2 * HeapLimit, "the file must not fit in the heap");

        var run = CliRunner.RunWith(["env", $"DOTNET_GCHeapHardLimit=0x{HeapLimit:X}"],
            "inspect", path, "--target", "label", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(rows, root.GetProperty("rows").GetInt32());
        Assert.Equal(rows / 20, root.GetProperty("classes")[1].GetProperty("count").GetInt32());
        Assert.Equal("fraud", root.GetProperty("minority").GetString());
        Assert.Equal(["id", "amount", "score"],
            root.GetProperty("numeric_features").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal((rows + 6) / 7, root.GetProperty("missing").GetProperty("segment").GetInt32());
        File.Delete(path);
    }
}
