using System.Globalization;
using System.Text.Json;
using Imbalanced.Data;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace Imbalanced.IO.Tests;

/// <summary>Parquet read and written by typed columns in row groups; Parquet in, Parquet out keeps the schema.
/// </summary>
public sealed class ParquetColumnarTests : IDisposable
{
    private const int Rows = 40;
    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var f in _files) File.Delete(f);
    }

    private string Temp(string extension = ".parquet")
    {
        var path = Fixtures.TempFile(extension);
        _files.Add(path);
        return path;
    }

    /// <summary>One feature column of every common type, required and optional; rows 30 on are the minority.</summary>
    private static List<(DataField Field, Array Values)> Features(bool withNulls)
    {
        int? N(int i, int v) => withNulls && i % 7 == 3 ? null : v;
        var colours = new[] { "red", "green", "blue" };
        var r = Enumerable.Range(0, Rows).ToArray();
        return
        [
            (new DataField<int>("i32"), r.Select(i => i * 3 % 17).ToArray()),
            (new DataField<int?>("i32n"), r.Select(i => N(i, i % 5)).ToArray()),
            (new DataField<long>("i64"), r.Select(i => 1_000_000_000_000L + i * 7).ToArray()),
            (new DataField<long?>("i64n"), r.Select(i => (long?)N(i, i * 11)).ToArray()),
            (new DataField<float>("f32"), r.Select(i => i * 0.25f).ToArray()),
            (new DataField<float?>("f32n"), r.Select(i => N(i, i) is { } v ? v * 0.5f : (float?)null).ToArray()),
            (new DataField<double>("f64"), r.Select(i => Math.Sin(i)).ToArray()),
            (new DataField<double?>("f64n"), r.Select(i => N(i, i) is { } v ? Math.Cos(v) : (double?)null).ToArray()),
            (new DataField<string>("s", false), r.Select(i => colours[i % 3]).ToArray()),
            (new DataField<string>("sn", true), r.Select(i => N(i, i) is null ? null : colours[i % 2]).ToArray()),
            (new DataField<bool>("b"), r.Select(i => i % 2 == 0).ToArray()),
            (new DataField<bool?>("bn"), r.Select(i => N(i, i) is null ? (bool?)null : i % 3 == 0).ToArray()),
        ];
    }

    private static (DataField Field, Array Values) Label(string kind)
    {
        var minority = Enumerable.Range(0, Rows).Select(i => i >= 30).ToArray();
        return kind switch
        {
            "string" => (new DataField<string>("label", false), minority.Select(m => m ? "rare" : "common").ToArray()),
            "int32" => (new DataField<int>("label"), minority.Select(m => m ? 7 : 2).ToArray()),
            "int64?" => (new DataField<long?>("label"), minority.Select(m => (long?)(m ? -1 : 4)).ToArray()),
            "bool" => (new DataField<bool>("label"), minority.ToArray()),
            "double" => (new DataField<double>("label"), minority.Select(m => m ? 0.5 : 1.5).ToArray()),
            _ => throw new ArgumentException(kind),
        };
    }

    /// <summary>A new Parquet file of <see cref="Features"/> and a label of <paramref name="labelKind"/>, in row
    /// groups of <paramref name="groupRows"/>; its path and columns.</summary>
    private (string Path, List<(DataField Field, Array Values)> Columns) Written(bool withNulls,
        string labelKind, int groupRows)
    {
        var path = Temp();
        var columns = Features(withNulls);
        columns.Add(Label(labelKind));
        Write(path, columns, groupRows);
        return (path, columns);
    }

    internal static void Write(string path, IReadOnlyList<(DataField Field, Array Values)> columns, int groupRows)
    {
        WriteAsync(path, columns, groupRows).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(string path, IReadOnlyList<(DataField Field, Array Values)> columns,
        int groupRows)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)),
            stream);
        var n = columns[0].Values.Length;
        for (var start = 0; start < n; start += groupRows)
        {
            var count = Math.Min(groupRows, n - start);
            using var group = writer.CreateRowGroup();
            foreach (var (field, values) in columns)
            {
                var task = values switch
                {
                    int[] a => group.WriteAsync<int>(field, a.AsMemory(start, count)),
                    int?[] a => group.WriteAsync<int>(field, a.AsMemory(start, count)),
                    long[] a => group.WriteAsync<long>(field, a.AsMemory(start, count)),
                    long?[] a => group.WriteAsync<long>(field, a.AsMemory(start, count)),
                    float[] a => group.WriteAsync<float>(field, a.AsMemory(start, count)),
                    float?[] a => group.WriteAsync<float>(field, a.AsMemory(start, count)),
                    double[] a => group.WriteAsync<double>(field, a.AsMemory(start, count)),
                    double?[] a => group.WriteAsync<double>(field, a.AsMemory(start, count)),
                    bool[] a => group.WriteAsync<bool>(field, a.AsMemory(start, count)),
                    bool?[] a => group.WriteAsync<bool>(field, a.AsMemory(start, count)),
                    string?[] a => group.WriteAsync(field, a.Skip(start).Take(count).ToArray()!),
                    _ => throw new ArgumentException(values.GetType().Name),
                };
                await task;
            }
        }
    }

    /// <summary>Every schema element of the file: name, physical and logical type, repetition (nullability).</summary>
    internal static string[] Schema(string path) => Open(path, reader =>
        reader.Metadata!.Schema.Skip(1).Select(e => JsonSerializer.Serialize(e)).ToArray());

    private static (int Groups, long Rows) Shape(string path) =>
        Open(path, reader => (reader.RowGroupCount, reader.RowGroups.Sum(g => g.RowCount)));

    private static T Open<T>(string path, Func<ParquetReader, T> read) =>
        OpenAsync(path, read).GetAwaiter().GetResult();

    private static async Task<T> OpenAsync<T>(string path, Func<ParquetReader, T> read)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return read(reader);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("int32")]
    [InlineData("int64?")]
    [InlineData("bool")]
    [InlineData("double")]
    public void Smote_nc_output_keeps_the_schema_and_the_copied_rows(string labelKind)
    {
        var (input, columns) = Written(withNulls: false, labelKind, groupRows: 16);
        var table = TableDataset.Build(TableReader.Read(input), "label");
        Assert.Equal(["i32", "i32n", "i64", "i64n", "f32", "f32n", "f64", "f64n"], table.Data.NumericNames);
        Assert.Equal(["s", "sn", "b", "bn"], table.Data.CategoricalNames);
        var result = new SmoteNc(new SmoteNcOptions { KNeighbors = 3 }).FitResample(table.Data);
        Assert.True(result.SyntheticCount > 0);
        var output = Temp();
        ResampledTableWriter.Write(table, result, output);

        var schema = Schema(input);
        Assert.Contains("\"RepetitionType\":0", schema[0]); // i32: required
        Assert.Contains("\"RepetitionType\":1", schema[1]); // i32n: optional
        Assert.Contains("\"STRING\":{", schema[8]); // s: a UTF-8 string
        Assert.Equal(schema, Schema(output));
        var back = TableDataset.Build(TableReader.Read(output), "label");
        Assert.Equal(result.RowCount, back.Table.RowCount);
        for (var r = 0; r < Rows; r++)
            for (var j = 0; j < columns.Count; j++) Assert.Equal(table.Table.Text(r, j), back.Table.Text(r, j));
        var expected = result.ToDataset();
        Assert.Equal(expected.Labels.Select(l => expected.Classes.Labels[l]),
            back.Data.Labels.Select(l => back.Data.Classes.Labels[l]));
        // Synthetic numbers: the nearest value of the column's type (integers rounded, ties to even).
        for (var i = Rows; i < result.RowCount; i++)
        {
            var row = expected.NumericRow(i);
            var written = back.Data.NumericRow(i);
            Assert.Equal(Math.Round(row[0]), written[0]);
            Assert.Equal(Math.Round(row[2]), written[2]);
            Assert.Equal((double)(float)row[4], written[4]);
            Assert.Equal(row[6], written[6]);
        }
    }

    [Fact]
    public void Smoten_rows_written_column_by_column_are_the_rows_it_made()
    {
        // SMOTEN's new rows are copies of its seeds' rows of modes, made as each column is written.
        var (input, _) = Written(withNulls: false, "string", groupRows: 16);
        var table = TableDataset.Build(TableReader.Read(input), "label");
        var result = new Smoten(new SmotenOptions { KNeighbors = 3 }).FitResample(table.Data);
        Assert.True(result.SyntheticCount > 0);
        var output = Temp();
        ResampledTableWriter.Write(table, result, output);

        var expected = result.ToDataset();
        var back = TableDataset.Build(TableReader.Read(output), "label");
        Assert.Equal(result.RowCount, back.Table.RowCount);
        for (var i = Rows; i < result.RowCount; i++)
        {
            Assert.Equal(expected.NumericRow(i).ToArray(), back.Data.NumericRow(i).ToArray());
            for (var f = 0; f < expected.CategoricalCount; f++)
                Assert.Equal(expected.Categories[f][expected.CategoricalRow(i)[f]],
                    back.Data.Categories[f][back.Data.CategoricalRow(i)[f]]);
            Assert.Equal(expected.Classes.Labels[expected.Labels[i]], back.Data.Classes.Labels[back.Data.Labels[i]]);
        }
    }

    [Fact]
    public void A_required_dropped_column_becomes_optional_for_its_nulls_on_synthetic_rows_and_nothing_else_changes()
    {
        var (input, _) = Written(withNulls: false, "string", groupRows: 40);
        var table = TableDataset.Build(TableReader.Read(input), "label", ["i64", "s"]);
        var result = new SmoteNc(new SmoteNcOptions { KNeighbors = 3 }).FitResample(table.Data);
        var output = Temp();
        ResampledTableWriter.Write(table, result, output);
        var before = Schema(input);
        var after = Schema(output);
        for (var j = 0; j < before.Length; j++)
        {
            if (j == 2) Assert.Equal(before[j].Replace("\"RepetitionType\":0", "\"RepetitionType\":1"), after[j]);
            else Assert.Equal(before[j], after[j]); // s stays required: a missing string is written as ""
        }
        var back = TableReader.Read(output);
        Assert.Equal(result.SyntheticCount, back.EmptyCount(2));
        Assert.Equal(result.SyntheticCount, back.EmptyCount(8));
    }

    [Fact]
    public void Missing_values_are_read_as_missing_and_written_back_as_nulls()
    {
        var (input, columns) = Written(withNulls: true, "string", groupRows: 9);
        var raw = TableReader.Read(input);
        Assert.Equal(0, raw.EmptyCount(0));
        Assert.Equal(6, raw.EmptyCount(1));
        Assert.True(raw.IsNumeric(1));
        Assert.True(double.IsNaN(raw.Number(3, 1)));
        Assert.True(raw.Utf8(3, 1).IsEmpty);
        Assert.Equal("", raw.Text(3, 9));
        var table = TableDataset.Build(raw, "label");
        Assert.Equal(["i32n", "i64n", "f32n", "f64n", "sn", "bn"], table.Missing.Select(m => m.Key));
        Assert.All(table.Missing, m => Assert.Equal(6, m.Value));
        Assert.Equal(-1, table.Data.Categorical[3 * table.Data.CategoricalCount + 1]);

        var result = new RandomOverSampler(new RandomOverSamplerOptions { Seed = 1 }).FitResample(table.Data);
        var output = Temp();
        ResampledTableWriter.Write(table, result, output, indexColumn: "row");
        Assert.Equal(Schema(input), Schema(output)[..^1]);
        var back = TableReader.Read(output);
        Assert.Contains(Enumerable.Range(0, result.RowCount), r => result.Origin(r).Synthetic);
        for (var r = 0; r < result.RowCount; r++)
        {
            // A copy random over-sampling added is a synthetic row: its index is null, its text the copied row's.
            var origin = result.Origin(r);
            Assert.Equal(origin.Synthetic ? "" : origin.Source.ToString(CultureInfo.InvariantCulture),
                back.Text(r, columns.Count));
            for (var j = 0; j < columns.Count; j++) Assert.Equal(raw.Text(origin.Source, j), back.Text(r, j));
        }
    }

    [Fact]
    public void Several_row_groups_are_read_in_order_and_written_in_groups()
    {
        var (input, columns) = Written(withNulls: true, "int32", groupRows: 7);
        Assert.Equal((6, (long)Rows), Shape(input));
        var whole = Temp();
        Write(whole, columns, groupRows: Rows);
        var table = TableDataset.Build(TableReader.Read(input), "label");
        var single = TableDataset.Build(TableReader.Read(whole), "label");
        Assert.Equal(single.Data.Numeric, table.Data.Numeric);
        Assert.Equal(single.Data.Categorical, table.Data.Categorical);
        Assert.Equal(single.Data.Labels, table.Data.Labels);
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => (double)(i * 3 % 17)),
            Enumerable.Range(0, Rows).Select(i => table.Data.NumericRow(i)[0]));

        var before = ParquetTableWriter.RowGroupRows;
        var output = Temp();
        try
        {
            ParquetTableWriter.RowGroupRows = 11;
            var result = new RandomOverSampler(new RandomOverSamplerOptions { Seed = 0 }).FitResample(table.Data);
            ResampledTableWriter.Write(table, result, output);
            Assert.Equal(((result.RowCount + 10) / 11, (long)result.RowCount), Shape(output));
            Assert.Equal(Schema(input), Schema(output));
        }
        finally
        {
            ParquetTableWriter.RowGroupRows = before;
        }
        var back = TableReader.Read(output);
        for (var r = 0; r < Rows; r++)
            for (var j = 0; j < columns.Count; j++) Assert.Equal(table.Table.Text(r, j), back.Text(r, j));
    }

    [Fact]
    public void Appended_columns_follow_the_table_in_its_own_schema()
    {
        var (input, columns) = Written(withNulls: true, "bool", groupRows: 10);
        var table = TableReader.Read(input);
        var output = Temp();
        AppendedColumnsWriter.Write(table, ["predicted"], i => [i % 2 == 0 ? "yes" : "no"], output, "row");
        var schema = Schema(output);
        Assert.Equal(Schema(input), schema[..columns.Count]);
        var back = TableReader.Read(output);
        Assert.Equal([.. table.Columns, "predicted", "row"], back.Columns);
        for (var r = 0; r < Rows; r++)
        {
            for (var j = 0; j < columns.Count; j++) Assert.Equal(table.Text(r, j), back.Text(r, j));
            Assert.Equal(r % 2 == 0 ? "yes" : "no", back.Text(r, columns.Count));
            Assert.Equal(r.ToString(CultureInfo.InvariantCulture), back.Text(r, columns.Count + 1));
        }
    }

    [Fact]
    public void Appended_numeric_columns_are_doubles_and_the_index_is_an_integer_in_parquet()
    {
        var (input, columns) = Written(withNulls: false, "string", groupRows: 10);
        var table = TableReader.Read(input);
        var output = Temp();
        string P(int i) => (i / 7.0).ToString(CultureInfo.InvariantCulture);
        AppendedColumnsWriter.Write(table, ["predicted", "probability"], i => ["1", P(i)], output, "row",
            numeric: ["probability"]);
        var fields = Open(output, reader => reader.Schema.DataFields.ToDictionary(f => f.Name, f => f.ClrType));
        Assert.Contains(fields["predicted"], new[] { typeof(string), typeof(ReadOnlyMemory<char>) });
        Assert.Equal(typeof(double), fields["probability"]);
        Assert.Equal(typeof(long), fields["row"]);
        var back = TableReader.Read(output);
        for (var r = 0; r < Rows; r++)
        {
            Assert.Equal("1", back.Text(r, columns.Count));
            Assert.Equal(r / 7.0, double.Parse(back.Text(r, columns.Count + 1), CultureInfo.InvariantCulture));
            Assert.Equal(r.ToString(CultureInfo.InvariantCulture), back.Text(r, columns.Count + 2));
        }
    }

    [Fact]
    public void Csv_and_parquet_of_the_same_data_give_the_same_data_set()
    {
        var columns = Features(withNulls: true);
        columns.Add(Label("string"));
        var parquet = Temp();
        Write(parquet, columns, groupRows: 13);
        var csv = Temp(".csv");
        var fromParquet = TableReader.Read(parquet);
        var lines = new List<string> { string.Join(",", fromParquet.Columns) };
        for (var r = 0; r < Rows; r++)
            lines.Add(string.Join(",", Enumerable.Range(0, columns.Count).Select(j => fromParquet.Text(r, j))));
        File.WriteAllLines(csv, lines);
        var a = TableDataset.Build(TableReader.Read(csv), "label", ["b"]);
        var b = TableDataset.Build(fromParquet, "label", ["b"]);
        Assert.Equal(a.Roles, b.Roles);
        Assert.Equal(a.Missing, b.Missing);
        Assert.Equal(a.Data.NumericNames, b.Data.NumericNames);
        Assert.Equal(a.Data.Numeric, b.Data.Numeric);
        Assert.Equal(a.Data.CategoricalNames, b.Data.CategoricalNames);
        Assert.Equal(a.Data.Categories, b.Data.Categories);
        Assert.Equal(a.Data.Categorical, b.Data.Categorical);
        Assert.Equal(a.Data.Classes.Labels, b.Data.Classes.Labels);
        Assert.Equal(a.Data.Labels, b.Data.Labels);
    }

    [Fact]
    public void Generated_data_reads_the_same_from_csv_and_parquet()
    {
        var data = Imbalanced.Synthetic.ClassificationGenerator.Generate(new Imbalanced.Synthetic.ClassificationOptions
        {
            Rows = 500,
            Features = 6,
            Weights = [0.9],
            Seed = 3,
        });
        var csv = Temp(".csv");
        var parquet = Temp();
        DatasetFileWriter.Write(data, csv);
        DatasetFileWriter.Write(data, parquet);
        var a = TableDataset.Build(TableReader.Read(csv), "label").Data;
        var b = TableDataset.Build(TableReader.Read(parquet), "label").Data;
        Assert.Equal(data.Numeric, b.Numeric);
        Assert.Equal(a.Numeric, b.Numeric);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.Classes.Labels, b.Classes.Labels);
    }

    /// <summary>SMOTE on numeric columns keeps only its new rows' origins and makes the rows when they are written:
    /// the Parquet writer reads them a column at a time, value by value, and writes what it writes from the same rows
    /// held in memory, cell for cell.</summary>
    [Fact]
    public void Smote_rows_made_as_they_are_written_are_the_rows_held_in_memory()
    {
        var input = Temp();
        var columns = Features(withNulls: false).Take(8).ToList();
        columns.Add(Label("string"));
        Write(input, columns, groupRows: 16);
        var table = TableDataset.Build(TableReader.Read(input), "label");
        var made = new Smote(new SmoteOptions { KNeighbors = 3 }).FitResample(table.Data);
        Assert.True(made.SyntheticCount > 0);
        var fromOrigins = Temp();
        ResampledTableWriter.Write(table, made, fromOrigins);
        var held = new Imbalanced.Sampling.ResampleResult(table.Data, [.. made.KeptInputRows], made.Added,
            [.. made.AddedRowOrigins]);
        var fromRows = Temp();
        ResampledTableWriter.Write(table, held, fromRows);
        var a = TableReader.Read(fromOrigins);
        var b = TableReader.Read(fromRows);
        Assert.Equal(made.RowCount, a.RowCount);
        Assert.Equal(b.RowCount, a.RowCount);
        Assert.Equal(Schema(fromRows), Schema(fromOrigins));
        for (var r = 0; r < a.RowCount; r++)
            for (var j = 0; j < columns.Count; j++) Assert.Equal(b.Text(r, j), a.Text(r, j));
    }

    [Fact]
    public void A_synthetic_number_that_does_not_fit_the_column_type_is_a_data_error_naming_the_column()
    {
        var field = new DataField<short>("small");
        Assert.Equal((short)2, ParquetValues.FromNumber<short>(2.5, field));
        Assert.Equal((short)-4, ParquetValues.FromNumber<short>(-3.5, field));
        var e = Assert.Throws<DataException>(() => ParquetValues.FromNumber<short>(40_000.2, field));
        Assert.Contains("'small'", e.Message);
        Assert.Throws<DataException>(() => ParquetValues.FromNumber<float>(1e300, new DataField<float>("f")));
        Assert.Equal(1.25m, ParquetValues.FromNumber<decimal>(1.2468, new DecimalDataField("d", 10, 2)));
    }

    [Fact]
    public async Task A_list_column_is_refused_naming_it()
    {
        var path = Temp();
        await using (var stream = File.Create(path))
            await Parquet.Serialization.ParquetSerializer.SerializeAsync(
                [new ListRow { Y = "a", Values = [1, 2] }, new ListRow { Y = "b", Values = [3] }], stream);
        var e = Assert.Throws<DataException>(() => TableReader.Read(path));
        Assert.Contains("'Values'", e.Message);
    }

    private sealed class ListRow
    {
        public string Y { get; set; } = "";

        public int[] Values { get; set; } = [];
    }
}
