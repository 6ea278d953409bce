using BenchmarkDotNet.Attributes;
using Imbalanced.Data;
using Imbalanced.Synthetic;

namespace Imbalanced.Benchmarks;

/// <summary>Reading and writing the same generated table (20 numeric features + a label) as CSV and as Parquet.
/// <c>dotnet run -c Release -- --filter *TableIo*</c>; the quicker <c>io ROWS</c> mode (<see cref="TableIo"/>)
/// prints the same comparison as a markdown table.</summary>
[MemoryDiagnoser]
public class TableIoBenchmarks
{
    private Dataset _data = null!;
    private string _folder = "";

    [Params(200_000)]
    public int Rows { get; set; }

    [Params(".csv", ".parquet")]
    public string Format { get; set; } = ".csv";

    [GlobalSetup]
    public void Setup()
    {
        _data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = Rows,
            Features = 20,
            Weights = [0.95],
            Seed = 0,
        });
        _folder = Directory.CreateTempSubdirectory("imbalanced-io-").FullName;
        DatasetFileWriter.Write(_data, Input);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, true);

    private string Input => Path.Combine(_folder, "input" + Format);

    [Benchmark]
    public TableDataset Read() => TableDataset.Build(TableReader.Read(Input), "label");

    [Benchmark]
    public void Write() => DatasetFileWriter.Write(_data, Path.Combine(_folder, "output" + Format));
}
