using Imbalanced.Data;
using Imbalanced.Sampling.Regression;
using Imbalanced.Tests.Support;
using Parquet.Schema;

namespace Imbalanced.IO.Tests;

/// <summary>Tables with a numeric target for imbalanced regression: read with
/// <see cref="TableDataset.BuildRegression"/>, written by <see cref="ResampledTableWriter"/> with the synthetic
/// target as a number.</summary>
public sealed class RegressionTableTests : IDisposable
{
    private const int Rows = 60;
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var f in _files) File.Delete(f);
    }

    private string Temp(string extension)
    {
        var path = Fixtures.TempFile(extension);
        _files.Add(path);
        return path;
    }

    private static double Price(int i) => i < 3 ? -500 - i : Math.Round(Math.Exp(i % 20 / 4.0) * 10, 2);

    [Theory]
    [InlineData("double")]
    [InlineData("int32")]
    public void Parquet_keeps_its_schema_and_gets_synthetic_targets_in_the_column_type(string targetKind)
    {
        var r = Enumerable.Range(0, Rows).ToArray();
        (DataField, Array) target = targetKind == "double"
            ? (new DataField<double>("price"), r.Select(Price).ToArray())
            : (new DataField<int>("price"), r.Select(i => (int)Math.Round(Price(i))).ToArray());
        var input = Temp(".parquet");
        ParquetColumnarTests.Write(input, [
            (new DataField<double>("x"), r.Select(i => i % 20 / 4.0 + i * 0.001).ToArray()),
            (new DataField<string>("note", true), r.Select(i => $"n{i}").ToArray()),
            target,
        ], 25);
        var table = TableDataset.BuildRegression(TableReader.Read(input), "price", ["note"]);
        var result = new Smoter(new() { KNeighbors = 2, Seed = 1 }).FitResample(table.Regression!);
        Assert.True(result.SyntheticCount > 0);
        var output = Temp(".parquet");
        using (var stream = File.Create(output)) ResampledTableWriter.Write(table, result, stream);
        Assert.Equal(ParquetColumnarTests.Schema(input)[0..1], ParquetColumnarTests.Schema(output)[0..1]);
        Assert.Equal(ParquetColumnarTests.Schema(input)[2], ParquetColumnarTests.Schema(output)[2]);
        var back = TableDataset.BuildRegression(TableReader.Read(output), "price", ["note"]).Regression!;
        Assert.Equal(result.RowCount, back.RowCount);
        for (var row = 0; row < result.RowCount; row++)
        {
            var expected = result.TargetOf(row);
            if (targetKind == "int32") expected = Math.Round(expected, MidpointRounding.ToEven);
            Assert.Equal(expected, back.TargetValues.Span[row]);
        }
    }

    [Fact]
    public void A_null_target_in_parquet_is_an_error_naming_its_line()
    {
        var input = Temp(".parquet");
        ParquetColumnarTests.Write(input, [
            (new DataField<double>("x"), new[] { 1.0, 2, 3 }),
            (new DataField<double?>("price"), new double?[] { 1.0, null, 3 }),
        ], 10);
        var e = Assert.Throws<DataException>(() => TableDataset.BuildRegression(TableReader.Read(input), "price"));
        Assert.Contains("line 2: the target column 'price' is empty", e.Message); // Parquet: row 1, 1-based
    }

    [Fact]
    public void Delimited_output_writes_the_synthetic_target_in_shortest_round_trip_form()
    {
        var input = Temp(".csv");
        File.WriteAllLines(input, ["x,price", .. Enumerable.Range(0, Rows).Select(i => $"{i % 20 / 4.0},{Price(i)}")]);
        var table = TableDataset.BuildRegression(TableReader.Read(input), "price");
        var result = new Smogn(new() { KNeighbors = 2, Seed = 3 }).FitResample(table.Regression!);
        var output = Temp(".csv");
        using (var stream = File.Create(output)) ResampledTableWriter.Write(table, result, stream);
        var lines = File.ReadAllLines(output);
        Assert.Equal(result.RowCount + 1, lines.Length);
        for (var a = 0; a < result.SyntheticCount; a++)
        {
            var y = result.AddedTargetValues.Span[a];
            Assert.Equal(y.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                lines[1 + result.Rows.KeptInputRows.Count + a].Split(',')[1]);
        }
    }
}
