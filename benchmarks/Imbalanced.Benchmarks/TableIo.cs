using System.Diagnostics;
using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Synthetic;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>io ROWS [REPS]</c>: the same generated table (ROWS × 20 numeric features + a label, 5% minority) as CSV and as
/// Parquet; times reading (<see cref="TableReader.Read"/> then <see cref="TableDataset.Build"/>), writing a resampled
/// table (SMOTE's result: the input rows copied, then the synthetic rows) and writing a generated data set. Best of
/// REPS runs; prints one markdown row per format and step with rows/s and MB/s of the file written or read.
/// </summary>
public static class TableIo
{
    public static int Run(int rows, int reps)
    {
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = rows,
            Features = 20,
            Weights = [0.95],
            Seed = 0,
        });
        var folder = Path.Combine(Path.GetTempPath(), $"imbalanced-io-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"| format | step | rows | MB | best s | rows/s | MB/s |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var ext in new[] { ".csv", ".parquet" })
            {
                var input = Path.Combine(folder, "input" + ext);
                var output = Path.Combine(folder, "output" + ext);
                var generated = Path.Combine(folder, "generated" + ext);
                var write = Best(reps, () => DatasetFileWriter.Write(data, generated));
                Report(ext, "write generated", rows, generated, write);
                DatasetFileWriter.Write(data, input);
                TableDataset? table = null;
                var read = Best(reps, () => table = TableDataset.Build(TableReader.Read(input), "label"));
                Report(ext, "read", rows, input, read);
                ResampleResult result = new Smote().FitResample(table!.Data);
                var resampled = Best(reps, () => ResampledTableWriter.Write(table!, result, output));
                Report(ext, "write resampled", result.RowCount, output, resampled);
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
        return 0;
    }

    private static double Best(int reps, Action action)
    {
        var best = double.MaxValue;
        for (var r = 0; r < reps; r++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static void Report(string ext, string step, int rows, string path, double seconds)
    {
        var mb = new FileInfo(path).Length / 1e6;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"| {ext[1..]} | {step} | {rows} | {mb:F1} | {seconds:F3} | {rows / seconds:N0} | {mb / seconds:F1} |"));
    }
}
