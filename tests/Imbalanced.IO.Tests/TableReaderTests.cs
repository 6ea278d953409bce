using Imbalanced.Data;
using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.IO.Tests;

public class TableReaderTests
{
    private static RawTable ReadText(string text, string extension = ".csv")
    {
        var path = Fixtures.TempFile(extension);
        File.WriteAllText(path, text);
        try { return TableReader.Read(path); }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void Detects_the_delimiter(string delimiter)
    {
        var table = ReadText($"a{delimiter}b{delimiter}y\n1{delimiter}2.5{delimiter}x\n3{delimiter}4{delimiter}z\n");
        Assert.Equal(delimiter[0], table.Delimiter);
        Assert.Equal(["a", "b", "y"], table.Columns);
        Assert.Equal(2.5, table.Number(0, 1));
    }

    [Fact]
    public void Reads_rfc4180_quoting()
    {
        var table = ReadText("name,v,y\n\"Smith, \"\"J\"\"\",1,a\n\"two\nlines\",2,b\n");
        Assert.Equal("Smith, \"J\"", table.Text(0, 0));
        Assert.Equal("two\nlines", table.Text(1, 0));
        Assert.False(table.IsNumeric(0));
        Assert.True(table.IsNumeric(1));
    }

    [Fact]
    public void Counts_empty_cells_and_keeps_exact_text()
    {
        var table = ReadText("a,b,y\n1.50,,x\n1e-3,7,y\n-0,8,x\n");
        Assert.Equal(1, table.EmptyCount(1));
        Assert.Equal("1.50", table.Text(0, 0));
        Assert.Equal("1e-3", table.Text(1, 0));
        Assert.Equal("-0", table.Text(2, 0));
        Assert.Equal(0.001, table.Number(1, 0));
        var data = TableDataset.Build(table, "y");
        Assert.Equal([new KeyValuePair<string, int>("b", 1)], data.Missing);
        Assert.True(double.IsNaN(data.Data.NumericRow(0)[1]));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b,y\n", "no data rows")]
    [InlineData("a,b,y\n1,2,x\n1,2\n", "line 3")]
    [InlineData("a,b,y\n1,2,x\n1,2,3,4\n", "line 3")]
    [InlineData("a,a,y\n1,2,x\n", "appears twice")]
    public void Malformed_files_are_data_errors(string text, string expected)
    {
        var e = Assert.Throws<DataException>(() => ReadText(text));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Target_drop_and_non_finite_errors_name_the_column_and_line()
    {
        var table = ReadText("a,b,y\n1,2,x\n3,NaN,y\n");
        Assert.Contains("'nope'", Assert.Throws<DataException>(() => TableDataset.Build(table, "nope")).Message);
        Assert.Contains("'zz'", Assert.Throws<DataException>(() => TableDataset.Build(table, "y", ["zz"])).Message);
        var e = Assert.Throws<DataException>(() => TableDataset.Build(table, "y"));
        Assert.Contains("line 3", e.Message);
        Assert.Contains("'b'", e.Message);
        var dropped = TableDataset.Build(table, "y", ["b"]);
        Assert.Equal(["a"], dropped.Data.NumericNames);
        var inf = ReadText("a,y\n1,x\nInfinity,y\n");
        Assert.Contains("not a finite number",
            Assert.Throws<DataException>(() => TableDataset.Build(inf, "y")).Message);
    }

    [Fact]
    public void Categorical_columns_become_codes_with_their_names_and_labels_keep_class_order()
    {
        var table = ReadText("colour,v,y\nred,1,10\nblue,2,9\n,3,10\nred,4,100\n");
        var data = TableDataset.Build(table, "y").Data;
        Assert.Equal(["colour"], data.CategoricalNames);
        Assert.Equal(["blue", "red"], data.Categories[0]);
        Assert.Equal([1, 0, -1, 1], data.Categorical);
        Assert.Equal(["9", "10", "100"], data.Classes.Labels);
        Assert.Equal([1, 0, 1, 2], data.Labels);
    }

    [Fact]
    public void Written_output_keeps_copied_text_and_quotes_when_needed()
    {
        var input = Fixtures.TempFile();
        var output = Fixtures.TempFile();
        File.WriteAllText(input, "id;v;w;y\n\"a;1\";1.50;x;0\nb;1e-3;y;0\nc;2;x;0\nd;4;\"q\"\"uote\";1\ne;5;z;1\n");
        try
        {
            var table = TableDataset.Build(TableReader.Read(input), "y", ["id"]);
            var result = new Imbalanced.Sampling.UnderSampling.RandomUnderSampler(
                new RandomUnderSamplerOptions { Seed = 0 }).FitResample(table.Data);
            ResampledTableWriter.Write(table, result, output, "row");
            var lines = File.ReadAllLines(output);
            Assert.Equal("id;v;w;y;row", lines[0]);
            Assert.Equal(4, lines.Length - 1);
            Assert.Contains("d;4;\"q\"\"uote\";1;3", lines);
            Assert.All(lines.Skip(1),
                l => Assert.Matches("^(\"a;1\";1\\.50;x;0;0|b;1e-3;y;0;1|c;2;x;0;2|d;.*|e;5;z;1;4)$", l));
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Fact]
    public void Parquet_round_trips()
    {
        var csv = Fixtures.Path("glass_jitter.csv");
        var parquet = Fixtures.TempFile(".parquet");
        var back = Fixtures.TempFile(".parquet");
        try
        {
            var original = TableDataset.Build(TableReader.Read(csv), "Type");
            DatasetFileWriter.Write(original.Data, parquet, "Type");
            var table = TableDataset.Build(TableReader.Read(parquet), "Type");
            Assert.Equal(TableFormat.Parquet, table.Table.Format);
            Assert.Equal(original.Data.Numeric, table.Data.Numeric);
            Assert.Equal(original.Data.Labels, table.Data.Labels);
            var result = new Imbalanced.Sampling.OverSampling.Smote().FitResample(table.Data);
            ResampledTableWriter.Write(table, result, back);
            var resampled = TableDataset.Build(TableReader.Read(back), "Type");
            Assert.Equal(result.RowCount, resampled.Data.RowCount);
            Assert.Equal(result.ToDataset().Numeric, resampled.Data.Numeric);
        }
        finally
        {
            File.Delete(parquet);
            File.Delete(back);
        }
    }

    [Fact]
    public void Atomic_write_leaves_an_existing_file_untouched_on_error()
    {
        var path = Fixtures.TempFile();
        File.WriteAllText(path, "precious");
        try
        {
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
            {
                s.Write("half"u8);
                throw new InvalidOperationException("boom");
            }));
            Assert.Equal("precious", File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}*"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Datasets_from_arrays()
    {
        double[,] x = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
        var a = Dataset.FromMatrix(x, [true, false, true]);
        var b = Dataset.FromRows([[1.0, 2], [3, 4], [5, 6]], ["p", "q", "p"]);
        var c = Dataset.FromRows([[1f, 2f], [3f, 4f], [5f, 6f]], [3, 1, 3]);
        Assert.Equal(a.Numeric, b.Numeric);
        Assert.Equal(b.Numeric, c.Numeric);
        Assert.Equal(["False", "True"], a.Classes.Labels);
        Assert.Equal(["1", "3"], c.Classes.Labels);
        Assert.Equal([1, 0, 1], c.Labels);
        Assert.Throws<DataException>(() => Dataset.FromRows([[1.0, 2], [3]], ["a", "b"]));
    }
}
