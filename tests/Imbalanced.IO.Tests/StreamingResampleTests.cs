using System.Globalization;
using System.Text;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;

namespace Imbalanced.IO.Tests;

/// <summary>Streaming a delimited table through a sampler (<see cref="StreamingResample"/>) writes byte for byte what
/// reading it whole, resampling and writing it back writes: the rows, the index column, the provenance, the counts
/// and the refusals — for the samplers streamed by class (random under- and over-sampling, SMOTE, SMOTE-NC) and for
/// those that read the whole data set without its text (shrinkage, ENN, SMOTE-ENN, NearMiss).</summary>
public class StreamingResampleTests
{
    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-stream-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    // A table with quoting, embedded delimiters and line breaks, three classes of unequal size, numeric and
    // categorical features; empty cells only where asked.
    private static string Table(int seed, int rows, bool empty, bool categorical)
    {
        var random = new Random(seed);
        var text = new StringBuilder(categorical ? "x,\"y z\",kind,label\r\n" : "x,\"y z\",label\r\n");
        string[] kinds = ["a", "\"b,c\"", "\"d\ne\"", "\"say \"\"f\"\"\""];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble();
            var label = u < 0.1 ? "\"rare, one\"" : u < 0.3 ? "mid" : "common";
            var x = empty && random.Next(25) == 0 ? "" : (random.NextDouble() * 10).ToString("0.###",
                CultureInfo.InvariantCulture);
            var y = random.Next(3) == 0 ? "1e-2" : random.Next(100).ToString(CultureInfo.InvariantCulture);
            text.Append(x).Append(',').Append(y).Append(',');
            if (categorical) text.Append(kinds[random.Next(kinds.Length)]).Append(',');
            text.Append(label).Append(i % 2 == 0 ? "\r\n" : "\n");
        }
        return text.ToString();
    }

    // A table whose features are all categorical (SMOTEN's), with quoting, three classes and categories that some
    // classes never have.
    private static string CategoricalTable(int seed, int rows, bool empty = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder("colour,\"size, s\",kind,label\n");
        string[] colours = ["red", "green", "blue", "\"dark, blue\""];
        string[] sizes = ["S", "M", "L", "XL", "\"X\nXL\""];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble();
            var label = u < 0.1 ? "rare" : u < 0.3 ? "mid" : "common";
            var colour = empty && label == "common" && random.Next(20) == 0 ? ""
                : colours[random.Next(label == "rare" ? 2 : colours.Length)];
            var size = sizes[Math.Min(sizes.Length - 1, random.Next(3) + (label == "common" ? 2 : 0))];
            text.Append(colour).Append(',').Append(size).Append(',').Append('k').Append(random.Next(6))
                .Append(',').Append(label).Append('\n');
        }
        return text.ToString();
    }

    private static (string Output, string Provenance, string Counts) InMemory(string path, ISampler sampler,
        string? index)
    {
        var table = TableDataset.Build(TableReader.Read(path), "label");
        var result = sampler.FitResample(table.Data);
        using var output = new MemoryStream();
        ResampledTableWriter.Write(table, result, output, index);
        using var provenance = new MemoryStream();
        ResampledTableWriter.WriteProvenance(result, provenance);
        var counts = $"{string.Join(' ', result.ClassCounts())} +{result.SyntheticCount} -{result.RemovedCount}";
        return (Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(provenance.ToArray()), counts);
    }

    private static (string Output, string Provenance, string Counts) Streamed(string path, ISampler sampler,
        string? index)
    {
        var run = StreamingResample.Prepare(path, "label", null, sampler)
            ?? throw new InvalidOperationException("not streamed");
        using var output = new MemoryStream();
        run.Write(output, index);
        using var provenance = new MemoryStream();
        run.WriteProvenance(provenance);
        var counts = $"{string.Join(' ', run.After)} +{run.Synthetic} -{run.Removed}";
        return (Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(provenance.ToArray()), counts);
    }

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { "under", "under-replacement", "under-all", "over", "over-minority", "smote",
                     "smote-not-majority", "smote-nc", "over-shrinkage", "enn", "smote-enn", "nearmiss", "smobd",
                     "lee", "smoten", "smoten-numeric" })
            for (var seed = 0; seed < 4; seed++) data.Add(name, seed);
        return data;
    }

    private static ISampler Sampler(string name, int seed) => name switch
    {
        "under" => new RandomUnderSampler(new() { Seed = seed }),
        "under-replacement" => new RandomUnderSampler(new() { Seed = seed, Replacement = true }),
        "under-all" => new RandomUnderSampler(new() { Seed = seed, Strategy = SamplingStrategy.All }),
        "over" => new RandomOverSampler(new() { Seed = seed }),
        "over-minority" => new RandomOverSampler(new() { Seed = seed, Strategy = SamplingStrategy.Minority }),
        "smote" => new Smote(new() { Seed = seed }),
        "smote-not-majority" => new Smote(new()
        {
            Seed = seed,
            Strategy = SamplingStrategy.NotMajority,
            KNeighbors = 3,
        }),
        "smote-nc" => new SmoteNc(new() { Seed = seed }),
        "over-shrinkage" => new RandomOverSampler(new() { Seed = seed, Shrinkage = 0.5 }),
        "enn" => new Imbalanced.Sampling.Cleaning.EditedNearestNeighbours(),
        "smote-enn" => new Imbalanced.Sampling.Combined.SmoteEnn(new() { Seed = seed }),
        "nearmiss" => new NearMiss(new() { Version = 1 + seed % 3 }),
        "smobd" => new Smobd(new() { Seed = seed, MaxEps = 3.0 }),
        "lee" => new Lee(new() { Seed = seed }),
        "smoten" or "smoten-numeric" => new Smoten(new()
        {
            Seed = seed,
            Strategy = seed % 2 == 0 ? SamplingStrategy.Auto : SamplingStrategy.Minority,
            KNeighbors = 3 + seed,
        }),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Streaming_writes_what_the_whole_table_run_writes(string name, int seed)
    {
        var numericOnly = name is "smote" or "smote-not-majority" or "over-shrinkage" or "enn" or "smote-enn"
            or "nearmiss" or "smobd" or "lee";
        var path = Write(name == "smoten" ? CategoricalTable(seed, 400 + 37 * seed) : Table(seed, 400 + 37 * seed,
            empty: name is "under" or "under-replacement" or "under-all" or "over" or "over-minority",
            categorical: !numericOnly));
        try
        {
            var index = seed % 2 == 0 ? "row" : null;
            var expected = InMemory(path, Sampler(name, seed), index);
            var actual = Streamed(path, Sampler(name, seed), index);
            Assert.Equal(expected.Output, actual.Output);
            Assert.Equal(expected.Provenance, actual.Provenance);
            Assert.Equal(expected.Counts, actual.Counts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0, "row")]
    [InlineData(1, null)]
    [InlineData(2, "row")]
    public void Rows_made_when_written_write_what_the_same_rows_held_in_memory_write(int seed, string? index)
    {
        // Lee keeps only its new rows' origins and makes the rows again as they are written.
        var path = Write(Table(seed, 500 + 41 * seed, empty: false, categorical: false));
        try
        {
            var table = TableDataset.Build(TableReader.Read(path), "label");
            var result = new Lee(new() { Seed = seed }).FitResample(table.Data);
            Assert.True(result.SyntheticCount > 0);
            using var made = new MemoryStream();
            ResampledTableWriter.Write(table, result, made, index);
            // Asking for the rows makes them: a result built from them holds them.
            var held = new ResampleResult(result.Input, [.. result.KeptInputRows], result.Added,
                [.. result.AddedRowOrigins]);
            using var expected = new MemoryStream();
            ResampledTableWriter.Write(table, held, expected, index);
            Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(made.ToArray()));
            for (var a = 0; a < result.SyntheticCount; a++)
            {
                var origin = result.AddedRowOrigins[a];
                var b = table.Data.NumericRow(origin.Base);
                var n = table.Data.NumericRow(origin.Neighbor);
                var row = result.Added.NumericRow(a);
                for (var j = 0; j < row.Length; j++) Assert.Equal(b[j] + origin.Gap * (n[j] - b[j]), row[j]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> Refusals =>
    [
        "smote",         // a categorical column
        "smote-nc",      // empty cells, counted over the whole table, in rows of classes it does not read too
        "smote-k",       // too few rows of the rare class for the neighbours asked
        "under-counts",  // a count larger than the class
        "smoten-empty",  // all categorical, empty cells only in a class it does not read
        "smoten-k",      // all categorical, too few rows of the rare class for the neighbours asked
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Streaming_refuses_what_the_whole_table_run_refuses_with_the_same_message(string name)
    {
        var path = Write(name.StartsWith("smoten", StringComparison.Ordinal)
            ? CategoricalTable(7, 300, empty: name == "smoten-empty")
            : Table(7, 300, empty: name == "smote-nc", categorical: true));
        ISampler sampler = name switch
        {
            "smoten-empty" => new Smoten(),
            "smoten-k" => new Smoten(new() { KNeighbors = 200 }),
            "smote" => new Smote(),
            "smote-nc" => new SmoteNc(),
            "smote-k" => new SmoteNc(new() { KNeighbors = 200 }),
            _ => new RandomUnderSampler(new()
            {
                Strategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["mid"] = 5000 }),
            }),
        };
        try
        {
            var expected = Assert.Throws<DataException>(() => InMemory(path, sampler, null));
            var actual = Assert.Throws<DataException>(() => Streamed(path, sampler, null));
            Assert.Equal($"{path}: {expected.Message}", actual.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("under")]
    [InlineData("smote")]
    [InlineData("enn")]
    public void An_index_column_named_like_a_column_is_refused_with_the_same_message(string name)
    {
        var path = Write(Table(3, 200, empty: false, categorical: false));
        try
        {
            var expected = Assert.Throws<DataException>(() => InMemory(path, Sampler(name, 0), "x"));
            var actual = Assert.Throws<DataException>(() => Streamed(path, Sampler(name, 0), "x"));
            Assert.Equal(expected.Message, actual.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("over", true)]
    [InlineData("smote", true)]
    [InlineData("smobd", true)]
    [InlineData("over-shrinkage", false)]
    [InlineData("enn", false)]
    public void Class_local_samplers_hold_only_the_classes_they_grow(string name, bool local)
    {
        var path = Write(Table(1, 200, empty: false, categorical: false));
        try
        {
            Assert.Equal(local, StreamingResample.Prepare(path, "label", null, Sampler(name, 0))!.ClassLocal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Smoten_holds_only_the_classes_it_grows_when_every_feature_is_categorical(bool categoricalOnly)
    {
        // With a numeric feature SMOTEN reads the whole table: the class counts of a numeric column's values, which
        // its metric needs, are not gathered while streaming.
        var path = Write(categoricalOnly ? CategoricalTable(4, 300) : Table(4, 300, empty: false, categorical: true));
        try
        {
            var run = StreamingResample.Prepare(path, "label", null, new Smoten())!;
            Assert.Equal(categoricalOnly, run.ClassLocal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_changes_between_the_two_passes_is_a_data_error()
    {
        var path = Write(Table(2, 200, empty: false, categorical: false));
        try
        {
            var run = StreamingResample.Prepare(path, "label", null, new Smote())!;
            File.AppendAllText(path, "1,2,common\n");
            var e = Assert.Throws<DataException>(() => run.Write(new MemoryStream(), null));
            Assert.Contains("changed while it was being read", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
