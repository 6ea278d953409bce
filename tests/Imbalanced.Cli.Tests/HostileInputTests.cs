using System.Globalization;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using Parquet.Serialization;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>Never a crash (CLI.md): hostile and ordinary files walked through every command; each failure is one
/// <c>error:</c> line with exit code 1 or 2, each success a right result.</summary>
[UnsupportedOSPlatform("windows")]
public class HostileInputTests
{
    private const string Good = "a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.5,5.5,x\n0.61,6.5,x\n" +
        "0.7,7.5,z\n0.8,8.5,z\n0.95,9.5,z\n";

    /// <summary>Every command that reads INPUT, as it would be called on a table with target <c>y</c>.</summary>
    public static TheoryData<string> Commands => ["inspect", "resample", "evaluate", "compare", "train", "predict"];

    private static string[] Invoke(string command, string input, string folder) => command switch
    {
        "inspect" => ["inspect", input, "--target", "y"],
        "resample" => ["resample", input, "--target", "y", "--method", "smote", "--k-neighbors", "1", "--output",
            Path.Combine(folder, "out.csv")],
        "evaluate" => ["evaluate", input, "--target", "y", "--predicted", "y"],
        "compare" => ["compare", input, "--target", "y", "--quiet", "--json", Path.Combine(folder, "r.json")],
        "train" => ["train", input, "--target", "y", "--technique", "none", "--learner", "logistic", "--model",
            Path.Combine(folder, "m.zip")],
        _ => ["predict", "--model", Model, input, "--output", Path.Combine(folder, "out.csv")],
    };

    private static readonly Lazy<string> TrainedModel = new(() =>
    {
        var model = Temp(".zip");
        var r = Run("train", Write(Good), "--target", "y", "--technique", "none", "--learner", "logistic",
            "--model", model, "--quiet");
        Assert.Equal(0, r.ExitCode);
        return model;
    });

    private static string Model => TrainedModel.Value;

    private static string AssertError(Outcome r, int exitCode, params string[] expected)
    {
        Assert.Equal(exitCode, r.ExitCode);
        var line = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", line);
        foreach (var e in expected) Assert.Contains(e, line);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("", r.Stdout);
        return line;
    }

    private static string Folder() => Directory.CreateTempSubdirectory("imbalanced-hostile-").FullName;

    [Theory, MemberData(nameof(Commands))]
    public void An_unterminated_quote_is_one_error_line(string command)
    {
        var folder = Folder();
        var input = Path.Combine(folder, "in.csv");
        File.WriteAllText(input, Good + "0.99,\"1,z\n");
        AssertError(Run(Invoke(command, input, folder)), 1, "line 11", "quote");
        Assert.Equal(["in.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Theory, MemberData(nameof(Commands))]
    public void An_unreadable_input_is_one_error_line(string command)
    {
        var folder = Folder();
        var input = Path.Combine(folder, "in.csv");
        File.WriteAllText(input, Good);
        File.SetUnixFileMode(input, UnixFileMode.None);
        var asNobody = AsUnprivileged(folder);
        var outcome = RunWith(asNobody, Invoke(command, input, folder));
        AssertError(outcome, 1, "in.csv", "cannot be read");
    }

    [Fact]
    public void An_unreadable_model_is_one_error_line()
    {
        var folder = Folder();
        var model = Path.Combine(folder, "m.zip");
        File.Copy(Model, model);
        File.SetUnixFileMode(model, UnixFileMode.None);
        var input = Path.Combine(folder, "in.csv");
        File.WriteAllText(input, Good);
        var outcome = RunWith(AsUnprivileged(folder), "predict", "--model", model, input, "--output",
            Path.Combine(folder, "out.csv"));
        AssertError(outcome, 1, "m.zip", "cannot be read");
        Assert.False(File.Exists(Path.Combine(folder, "out.csv")));
    }

    /// <summary>As root every file is readable: run the command as nobody then (setpriv), with the folders it needs
    /// open to everyone.</summary>
    private static string[] AsUnprivileged(string folder)
    {
        if (Environment.UserName != "root") return [];
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(Model, (UnixFileMode)0b110_100_100);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (dir.FullName.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
                File.SetUnixFileMode(dir.FullName, File.GetUnixFileMode(dir.FullName) | (UnixFileMode)0b000_101_101);
        foreach (var dir in new[] { Path.GetDirectoryName(Model)!, TempDir })
            File.SetUnixFileMode(dir, File.GetUnixFileMode(dir) | (UnixFileMode)0b000_101_101);
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp"];
    }

    /// <summary>A folder the command may not write in is refused before any work, naming the option and the folder
    /// (it used to be found after the whole run, with the temporary file's name in the message).</summary>
    [Fact]
    public void A_read_only_output_folder_is_refused_before_any_work()
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-ro-").FullName;
        var prefix = AsUnprivileged(folder);
        var readOnly = Path.Combine(folder, "ro");
        Directory.CreateDirectory(readOnly);
        File.SetUnixFileMode(readOnly, (UnixFileMode)0b101_101_101);
        var input = Write(Good);
        var json = Path.Combine(folder, "r.json");
        var r = RunWith(prefix, "compare", input, "--target", "y", "--techniques", "none", "--learners", "logistic",
            "--folds", "2", "--repeats", "1", "--quiet", "--json", json, "--report",
            Path.Combine(readOnly, "r.html"));
        AssertError(r, 1, "--report", "cannot write in the folder", "permission denied");
        Assert.Equal("", r.Stdout);
        Assert.False(File.Exists(json));
        Assert.Empty(Directory.GetFiles(readOnly, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Records_of_any_length_are_read()
    {
        var header = string.Join(",", Enumerable.Range(0, 10_000).Select(j => $"c{j}")) + ",y\n";
        var rows = new StringBuilder(header);
        var rng = new Random(0);
        for (var i = 0; i < 8; i++)
            rows.Append(string.Join(",", Enumerable.Range(0, 10_000).Select(_ => rng.NextDouble().ToString("R",
                CultureInfo.InvariantCulture)))).Append(i < 5 ? ",p\n" : ",q\n");
        var wide = Write(rows.ToString());
        Assert.Equal(0, Run("inspect", wide, "--target", "y").ExitCode);
        var output = Temp();
        Assert.Equal(0, Run("resample", wide, "--target", "y", "--method", "smote", "--k-neighbors", "2", "--output",
            output).ExitCode);
        Assert.Equal(11, File.ReadAllLines(output).Length);

        var longCell = Write($"a,{new string('h', 100_000)},y\n1,\"{new string('x', 200_000)}\",p\n2,s,p\n3,t,q\n");
        var r = Run("inspect", longCell, "--target", "y", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(3, JsonDocument.Parse(r.Stdout).RootElement.GetProperty("rows").GetInt32());
    }

    public static TheoryData<string, string> DamagedModels => new()
    {
        { "not json", "not valid" }, { "null", "no manifest" }, { "no features", "lists no features" },
        { "no learner", "'learner.zip' is missing" }, { "no manifest", "not an imbalanced model file" },
        { "not a zip", "cannot be read as a model file" },
    };

    [Theory, MemberData(nameof(DamagedModels))]
    public void A_damaged_model_file_is_one_error_line(string damage, string expected)
    {
        var folder = Folder();
        var model = Path.Combine(folder, "m.zip");
        if (damage == "not a zip") File.WriteAllText(model, "PK but not really");
        else
        {
            File.Copy(Model, model);
            using var zip = ZipFile.Open(model, ZipArchiveMode.Update);
            var manifest = zip.GetEntry("imbalanced-model.json")!;
            var json = JsonNode(manifest);
            switch (damage)
            {
                case "no learner": zip.GetEntry("learner.zip")!.Delete(); break;
                case "no manifest": manifest.Delete(); break;
                default:
                    manifest.Delete();
                    using (var w = new StreamWriter(zip.CreateEntry("imbalanced-model.json").Open()))
                        w.Write(damage switch
                        {
                            "not json" => "{ this is not json",
                            "null" => "null",
                            _ => json.Replace("\"Features\":[", "\"Features\":[]x[").Split("]x[")[0] + "]}",
                        });
                    break;
            }
        }
        var input = Write(Good);
        AssertError(Run("predict", "--model", model, input, "--output", Path.Combine(folder, "out.csv")), 1, "m.zip",
            expected);
        Assert.Equal(["m.zip"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    private static string JsonNode(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private sealed class LongRow
    {
        public long A { get; set; }
        public double B { get; set; }
        public string Y { get; set; } = "";
    }

    private sealed class TimeRow
    {
        public DateTime T { get; set; }
        public double B { get; set; }
        public string Y { get; set; } = "";
    }

    private static string Parquet<T>(IEnumerable<T> rows)
    {
        var path = Temp(".parquet");
        using var stream = File.Create(path);
        ParquetSerializer.SerializeAsync(rows, stream).GetAwaiter().GetResult();
        return path;
    }

    [Fact]
    public void Parquet_int64_values_near_1e17_are_resampled_with_smote()
    {
        var input = Parquet(Enumerable.Range(0, 12).Select(i => new LongRow
        {
            A = 100_000_000_000_000_000L + i * 7_919L,
            B = i * 0.5,
            Y = i < 8 ? "p" : "q",
        }));
        var output = Temp(".parquet");
        var r = Run("resample", input, "--target", "Y", "--method", "smote", "--k-neighbors", "2", "--output", output);
        Assert.Equal(0, r.ExitCode);
        var json = Run("inspect", output, "--target", "Y", "--json");
        Assert.Equal(16, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("rows").GetInt32());
    }

    private sealed class TypedRow
    {
        public int Count { get; set; }
        public long? Big { get; set; }
        public float Ratio { get; set; }
        public double? Score { get; set; }
        public string Colour { get; set; } = "";
        public bool Flag { get; set; }
        public int Label { get; set; }
    }

    private static async Task<string[]> SchemaOf(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await global::Parquet.ParquetReader.CreateAsync(stream);
        return [.. reader.Metadata!.Schema.Select(e => JsonSerializer.Serialize(e))];
    }

    [Fact]
    public async Task Resample_parquet_to_parquet_keeps_the_schema_and_rounds_synthetic_integers()
    {
        var input = Parquet(Enumerable.Range(0, 30).Select(i => new TypedRow
        {
            Count = i * 3 % 11,
            Big = 5_000_000_000L + i * 13,
            Ratio = i * 0.125f,
            Score = Math.Sqrt(i),
            Colour = i % 3 == 0 ? "red" : "blue",
            Flag = i % 4 == 0,
            Label = i < 24 ? 0 : 1,
        }));
        var output = Temp(".parquet");
        var r = Run("resample", input, "--target", "Label", "--method", "smote-nc", "--k-neighbors", "2",
            "--output", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(await SchemaOf(input), await SchemaOf(output));
        await using var stream = File.OpenRead(output);
        var back = (await ParquetSerializer.DeserializeAsync<TypedRow>(stream)).Data;
        Assert.Equal(48, back.Count);
        Assert.All(back.Skip(30), row => Assert.Equal(1, row.Label));
        Assert.All(back.Skip(30), row => Assert.InRange(row.Count, 0, 10));
        Assert.All(back.Skip(30), row => Assert.Contains(row.Colour, new[] { "red", "blue" }));
    }

    [Fact]
    public async Task A_parquet_timestamp_column_survives_random_over()
    {
        var start = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var input = Parquet(Enumerable.Range(0, 12).Select(i => new TimeRow
        {
            T = start.AddHours(i * 7.25),
            B = i * 0.5,
            Y = i < 8 ? "p" : "q",
        }));
        var output = Temp(".parquet");
        var r = Run("resample", input, "--target", "Y", "--method", "random-over", "--output", output);
        Assert.Equal(0, r.ExitCode);
        await using var stream = File.OpenRead(output);
        // Parquet in, Parquet out keeps the schema: the required columns are read back as required.
        var back = (await ParquetSerializer.DeserializeAsync<TimeRow>(stream)).Data;
        Assert.Equal(16, back.Count);
        Assert.Equal(start.AddHours(7.25), back[1].T);
        Assert.All(back, row => Assert.Contains(row.T, Enumerable.Range(0, 12).Select(i => start.AddHours(i * 7.25))));
    }

    [Fact]
    public void Generate_refuses_malformed_weights_and_impossible_sizes_and_defaults_to_equal_classes()
    {
        AssertError(Run("generate", "--weights", "a,b", "--output", Temp()), 2, "--weights", "'a'");
        AssertError(Run("generate", "--rows", "2147483647", "--features", "100000", "--output", Temp()), 1, "rows");
        var output = Temp();
        Assert.Equal(0, Run("generate", "--rows", "1000", "--output", output).ExitCode);
        var counts = File.ReadLines(output).Skip(1).GroupBy(l => l[(l.LastIndexOf(',') + 1)..]).ToDictionary(
            g => g.Key, g => g.Count());
        Assert.Equal(["0", "1"], counts.Keys.Order());
        Assert.InRange(counts["0"], 480, 520); // equal classes up to the 1% label noise
    }

    [Fact]
    public void Counts_too_large_to_hold_are_data_errors_not_overflows()
    {
        AssertError(Run("resample", Write(Good), "--target", "y", "--method", "random-over", "--strategy",
            "z=2147483647", "--output", Temp()), 1, "'z'", "2147483647");
        var many = new StringBuilder("t,p\n");
        for (var i = 0; i < 50_000; i++) many.Append($"c{i},c{(i + 1) % 50_000}\n");
        AssertError(Run("evaluate", Write(many.ToString()), "--target", "t", "--predicted", "p"), 1, "50000 classes");
    }

    [Fact]
    public void Undefined_metrics_are_null_in_json_and_nan_in_text()
    {
        var input = Write("t,p\na,a\na,a\na,a\n");
        var r = Run("evaluate", input, "--target", "t", "--predicted", "p", "--json");
        Assert.Equal(0, r.ExitCode);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cohen_kappa").ValueKind);
        Assert.Equal(1, root.GetProperty("accuracy").GetDouble());
        var text = Run("evaluate", input, "--target", "t", "--predicted", "p");
        Assert.Matches(@"Cohen's kappa\s+nan", text.Stdout);
    }

    [Fact]
    public void Synthetic_values_near_the_largest_double_are_finite_or_refused_naming_the_column()
    {
        var rows = new StringBuilder("a,b,y\n");
        for (var i = 0; i < 12; i++)
            rows.Append(CultureInfo.InvariantCulture,
                $"{(i % 2 == 0 ? 1 : -1) * 1.7e308},{(i % 3 == 0 ? -1 : 1) * 1.5e308},{(i < 8 ? "p" : "q")}\n");
        var input = Write(rows.ToString());
        // Their squared distances overflow: every neighbour would be at +∞, so the methods that measure them refuse.
        foreach (var method in new[] { "smote", "adasyn" })
        {
            var args = new List<string> { "resample", input, "--target", "y", "--method", method, "--output", Temp() };
            args.AddRange(method == "smote" ? ["--k-neighbors", "2"] : ["--n-neighbors", "2"]);
            AssertError(Run([.. args]), 1, "column 'a' holds 1.7E+308, too large for");
        }
        AssertError(Run("resample", input, "--target", "y", "--method", "random-over", "--shrinkage", "1", "--output",
            Temp()), 1, "column 'a'");
    }

    [Fact]
    public void Random_over_sampling_copies_empty_cells_as_they_are()
    {
        var input = Write(Good.Replace("0.8,8.5", "0.8,"));
        var output = Temp();
        Assert.Equal(0, Run("resample", input, "--target", "y", "--method", "random-over", "--output", output,
            "--seed", "3").ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(13, lines.Length);
        Assert.Contains("0.8,,z", lines);
    }

    [Fact]
    public void Invalid_utf8_in_a_copied_cell_is_written_back_byte_for_byte()
    {
        var input = Temp();
        var bytes = new List<byte>("a,b,t,y\n"u8.ToArray());
        for (var i = 0; i < 12; i++)
            bytes.AddRange([.. Encoding.ASCII.GetBytes($"{i * 0.1},{i * 0.37 % 1},"), 0x63, 0x61, 0x66, 0xE9, 0xFF,
                .. Encoding.ASCII.GetBytes(i < 8 ? ",p\n" : ",q\n")]);
        File.WriteAllBytes(input, [.. bytes]);
        var output = Temp();
        Assert.Equal(0, Run("resample", input, "--target", "y", "--method", "random-under", "--output", output)
            .ExitCode);
        var written = File.ReadAllBytes(output);
        Assert.Equal(8, written.AsSpan().Count(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0xFF }));
        Assert.Equal(0, written.AsSpan().Count(new byte[] { 0xEF, 0xBF, 0xBD }));
    }

    /// <summary>A UTF-8 byte order mark before a quoted header (as spreadsheet programs write it): the target is
    /// found by its unquoted name and the numeric columns are numeric.</summary>
    [Fact]
    public void A_quoted_header_after_a_byte_order_mark_is_read_like_any_other()
    {
        var input = Temp();
        var body = Good[(Good.IndexOf('\n') + 1)..];
        File.WriteAllBytes(input, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("\"a\",\"b\",\"y\"\n" + body)]);
        var inspect = Run("inspect", input, "--target", "y", "--json");
        Assert.Equal(0, inspect.ExitCode);
        using var json = JsonDocument.Parse(inspect.Stdout);
        Assert.Equal("y", json.RootElement.GetProperty("target").GetString());
        Assert.Equal(["a", "b"], json.RootElement.GetProperty("numeric_features").EnumerateArray()
            .Select(e => e.GetString()));
    }

    [Fact]
    public void A_folder_given_as_the_model_is_named_as_a_folder() =>
        AssertError(Run("predict", "--model", Path.GetTempPath(), Write(Good), "--output", Temp()), 1,
            "is a folder, not a model file");

    [Fact]
    public void Predict_refuses_a_non_finite_feature_naming_column_and_line()
    {
        var input = Write(Good.Replace("0.4,4.25", "0.4,Infinity"));
        AssertError(Run("predict", "--model", Model, input, "--output", Temp()), 1, "column 'b'", "line 5", "finite");
    }

    [Fact]
    public void An_unknown_command_and_an_unknown_metric_are_named_with_the_valid_ones()
    {
        AssertError(Run("frobnicate", "in.csv"), 2, "unknown command 'frobnicate'", "inspect", "resample", "predict");
        AssertError(Run("compare", Write(Good), "--target", "y", "--metric", "nope"), 2, "'nope'", "average_precision",
            "mcc");
    }

    /// <summary>A stdout that cannot be written (a full disk) is an error naming it, and the files of the run are not
    /// put in place: what goes to stdout is written before the files are renamed.</summary>
    [Fact]
    public void A_stdout_that_cannot_be_written_leaves_no_output_file()
    {
        if (!File.Exists("/dev/full")) return;
        string[] full = ["sh", "-c", "exec \"$@\" >/dev/full", "sh"];
        var output = Temp();
        AssertError(RunWith(full, "resample", Write(Good), "--target", "y", "--method", "random-over", "--output",
            output, "--json"), 1, "standard output", "cannot be written");
        Assert.False(File.Exists(output));
        var json = Write("{}", ".json");
        AssertError(RunWith(full, "compare", Write(Good), "--target", "y", "--techniques", "none", "--learners",
            "logistic", "--folds", "2", "--repeats", "1", "--quiet", "--json", json), 1, "standard output");
        Assert.Equal("{}", File.ReadAllText(json));
    }

    /// <summary>A file name as long as the system allows is written: its temporary's name is shortened (with a hash
    /// of the whole name) rather than made longer than a name may be.</summary>
    [Fact]
    public void An_output_with_the_longest_name_a_folder_allows_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-long-").FullName;
        var output = Path.Combine(folder, new string('d', 251) + ".csv");
        var r = Run("resample", Write(Good), "--target", "y", "--method", "random-over", "--output", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(output));
        Assert.Single(Directory.GetFiles(folder));
    }

    /// <summary>An existing output file this user may not write (mode 444, another user's) is refused, as writing it
    /// in place would be, and keeps its contents; renaming over it would have replaced it.</summary>
    [Fact]
    public void A_read_only_output_file_is_refused_and_kept()
    {
        var folder = Directory.CreateTempSubdirectory("imbalanced-rofile-").FullName;
        var prefix = AsUnprivileged(folder);
        var input = Path.Combine(folder, "in.csv");
        File.WriteAllText(input, Good);
        File.SetUnixFileMode(input, (UnixFileMode)0b110_100_100);
        var output = Path.Combine(folder, "out.csv");
        File.WriteAllText(output, "old\n");
        File.SetUnixFileMode(output, (UnixFileMode)0b100_100_100);
        AssertError(RunWith(prefix, "resample", input, "--target", "y", "--method", "random-over", "--output",
            output), 1, "out.csv", "read-only");
        Assert.Equal("old\n", File.ReadAllText(output));
    }

    /// <summary>An empty path is a malformed value (exit 2) naming the option; a path may start with '@' (it is not
    /// read as a response file); a symbolic link to a missing file is a missing file.</summary>
    [Fact]
    public void Empty_at_sign_and_dangling_paths_are_what_they_are()
    {
        AssertError(Run("resample", Write(Good), "--target", "y", "--method", "smote", "--output", ""), 2,
            "--output", "empty");
        AssertError(Run("inspect", "", "--target", "y"), 2, "INPUT", "empty");
        var folder = Directory.CreateTempSubdirectory("imbalanced-at-").FullName;
        File.WriteAllText(Path.Combine(folder, "@in.csv"), Good);
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "imbalanced.dll"), "inspect", "@in.csv",
            "--target", "y", "--json" })
            info.ArgumentList.Add(a);
        using (var process = System.Diagnostics.Process.Start(info)!)
        {
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(9, JsonDocument.Parse(stdout).RootElement.GetProperty("rows").GetInt32());
        }
        var dangling = Path.Combine(folder, "gone.csv");
        File.CreateSymbolicLink(dangling, Path.Combine(folder, "missing.csv"));
        AssertError(Run("inspect", dangling, "--target", "y"), 1, "gone.csv", "file not found");
    }

    /// <summary>A model file cut short in its central directory (an interrupted download) names the file; a model
    /// whose ML.NET part is damaged leaves no temporary folder behind.</summary>
    [Fact]
    public void A_model_cut_short_names_the_file_and_leaves_nothing_behind()
    {
        var bytes = File.ReadAllBytes(Model);
        var folder = Directory.CreateTempSubdirectory("imbalanced-cut-").FullName;
        for (var cut = 1; cut <= 60; cut += 7)
        {
            var model = Path.Combine(folder, "cut.zip");
            File.WriteAllBytes(model, bytes[..^cut]);
            AssertError(Run("predict", "--model", model, Write(Good), "--output", Path.Combine(folder, "o.csv")), 1,
                "cut.zip");
        }
        var damaged = Path.Combine(folder, "inner.zip");
        using (var outer = ZipFile.Open(damaged, ZipArchiveMode.Create))
        using (var source = ZipFile.OpenRead(Model))
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var copy = new MemoryStream();
                read.CopyTo(copy);
                var data = copy.ToArray();
                if (entry.FullName == "learner.zip")
                {
                    // The learner's own zip with its model.zip member cut in half.
                    using var inner = new MemoryStream();
                    using (var learner = new ZipArchive(new MemoryStream(data), ZipArchiveMode.Read))
                    using (var rebuilt = new ZipArchive(inner, ZipArchiveMode.Create, leaveOpen: true))
                        foreach (var part in learner.Entries)
                        {
                            using var p = part.Open();
                            using var m = new MemoryStream();
                            p.CopyTo(m);
                            var partBytes = m.ToArray();
                            if (part.FullName == "model.zip") partBytes = partBytes[..(partBytes.Length / 2)];
                            using var w = rebuilt.CreateEntry(part.FullName).Open();
                            w.Write(partBytes);
                        }
                    data = inner.ToArray();
                }
                using var write = outer.CreateEntry(entry.FullName).Open();
                write.Write(data);
            }
        var temp = Directory.CreateTempSubdirectory("imbalanced-tmp-").FullName;
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true };
        info.Environment["TMPDIR"] = temp + "/";
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "imbalanced.dll"), "predict", "--model",
            damaged, Write(Good), "--output", Path.Combine(folder, "o.csv") })
            info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("error: ", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(temp));
    }

    /// <summary>A pipe that gives Parquet's magic bytes and then binary data, but no whole Parquet file, is refused
    /// as Parquet, not read as text.</summary>
    [Fact]
    public void A_damaged_parquet_stream_is_refused_as_parquet()
    {
        var parquet = Temp(".parquet");
        Assert.Equal(0, Run("generate", "--rows", "50", "--output", parquet).ExitCode);
        var cut = Temp(".bin");
        File.WriteAllBytes(cut, File.ReadAllBytes(parquet)[..600]);
        var r = RunWith(["sh", "-c", $"cat '{cut}' | \"$@\" /dev/stdin --target label", "sh"], "inspect");
        AssertError(r, 1, "/dev/stdin", "Parquet");
    }

    /// <summary>Advice an option cannot follow is not given: a class of one row cannot be over-sampled with any
    /// number of neighbours, nor split into 2 folds; a whole number too large for an option says so.</summary>
    [Fact]
    public void A_class_of_one_row_gets_advice_that_can_be_followed()
    {
        var input = Write("a,b,y\n0.1,1.5,x\n0.2,2.5,x\n0.35,3.5,x\n0.4,4.25,x\n0.5,5.5,x\n0.61,6.5,x\n0.7,7.5,z\n");
        var line = AssertError(Run("resample", input, "--target", "y", "--method", "smote", "--k-neighbors", "1",
            "--output", Temp()), 1, "class 'z' has 1 row", "at least 2 rows");
        Assert.DoesNotContain("at most", line);
        line = AssertError(Run("resample", input, "--target", "y", "--method", "iht", "--output", Temp()), 1,
            "class 'z' has 1 row", "at least 2 rows");
        Assert.DoesNotContain("at most 1 folds", line);
        AssertError(Run("resample", input, "--target", "y", "--method", "smote", "--k-neighbors", "99999999999",
            "--output", Temp()), 2, "--k-neighbors", "out of range");
    }

    /// <summary>Every command takes --quiet; generate writes tab-separated text to a .tsv path.</summary>
    [Fact]
    public void Every_command_takes_quiet_and_generate_writes_tsv_by_its_name()
    {
        var tsv = Temp(".tsv");
        Assert.Equal(0, Run("generate", "--rows", "20", "--output", tsv, "--quiet").ExitCode);
        Assert.StartsWith("f0\tf1\t", File.ReadAllText(tsv));
        Assert.Equal(0, Run("inspect", tsv, "--target", "label", "--quiet").ExitCode);
        Assert.Equal(0, Run("evaluate", Write(Good), "--target", "y", "--predicted", "y", "--quiet").ExitCode);
        Assert.Equal(0, Run("predict", "--model", Model, Write(Good), "--output", Temp(), "--quiet").ExitCode);
    }

    /// <summary>inspect --task regression: a mean and deviation that are finite are written, even where the plain
    /// sums overflow (values near the largest double).</summary>
    [Fact]
    public void Regression_inspect_gives_a_finite_mean_of_huge_values()
    {
        var values = Enumerable.Range(0, 40).Select(i => (i / 4.0).ToString(CultureInfo.InvariantCulture))
            .Concat(Enumerable.Repeat("1.79e308", 6));
        var input = Write("x,t\n" + string.Concat(values.Select((v, i) => $"{i},{v}\n")));
        var r = Run("inspect", input, "--target", "t", "--task", "regression", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var d = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("distribution");
        var mean = (40 * 39 / 2 / 4.0 + 6 * 1.79e308) / 46;
        Assert.Equal(mean, d.GetProperty("mean").GetDouble(), mean * 1e-12);
        Assert.True(double.IsFinite(d.GetProperty("std").GetDouble()));
    }

    /// <summary>A value holding a NUL is text, not a number (.NET's parser ignores trailing NULs); control characters
    /// of a column name are escaped in the error line, which stays one line; a very long error line keeps its start
    /// and end.</summary>
    [Fact]
    public void Nul_and_control_characters_are_not_numbers_nor_raw_bytes_on_stderr()
    {
        var input = Write("a,b,y\n1,2\u0000,x\n2,3,x\n3,4,z\n4,5,z\n");
        var r = Run("inspect", input, "--target", "y", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(["b"], json.GetProperty("categorical_features").EnumerateArray().Select(e => e.GetString()));
        var named = Write("a\u0001b,y\n1,x\n2,z\n");
        var line = AssertError(Run("inspect", named, "--target", "nope"), 1, "nope", "a\\x01b");
        Assert.DoesNotContain('\u0001', line);
        var huge = Write("a,y\n1,x\n2,z\n" + new string('7', 100_000) + "e999,z\n");
        line = AssertError(Run("resample", huge, "--target", "y", "--method", "smote", "--output", Temp()), 1,
            "line 4", "characters left out");
        Assert.True(line.Length < 5000, $"{line.Length} characters");
    }

    /// <summary>predict keeps the input's format whatever the output's name says, and says so, as resample does.
    /// </summary>
    [Fact]
    public void Predict_warns_when_the_output_name_suggests_another_format()
    {
        var r = Run("predict", "--model", Model, Write(Good), "--output", Temp(".parquet"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning: --output", r.Stderr);
        Assert.Contains("written as delimited text", r.Stderr);
    }

    /// <summary>A command stopped by Ctrl+C (SIGINT) while it puts its files in place leaves neither an output nor a
    /// temporary: here its --provenance is a FIFO nobody reads, so the run waits in its commit until it is stopped.
    /// </summary>
    [Fact]
    public async Task A_run_stopped_by_ctrl_c_leaves_no_file_behind()
    {
        if (!OperatingSystem.IsLinux()) return;
        var folder = Directory.CreateTempSubdirectory("imbalanced-stop-").FullName;
        var temp = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        var fifo = Path.Combine(folder, "provenance");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var output = Path.Combine(folder, "out.csv");
        // Tests started in the background by a non-interactive shell inherit SIGINT ignored, as shells start
        // background jobs, and exec keeps it ignored: the run would never see Ctrl+C. It then gets SIGINT's default
        // disposition back, as a command run in the foreground has it, through coreutils' env (which execs it).
        var ignored = SigIntIgnored();
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? Environment.ProcessPath!
            : "dotnet";
        var info = new System.Diagnostics.ProcessStartInfo(ignored ? "env" : host) { RedirectStandardError = true };
        info.Environment["TMPDIR"] = temp + "/";
        if (ignored)
            foreach (var a in new[] { "--default-signal=INT", host }) info.ArgumentList.Add(a);
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "imbalanced.dll"), "resample", Write(Good),
            "--target", "y", "--method", "random-over", "--output", output, "--provenance", fifo })
            info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        try
        {
            await StoppedCleanly(process, folder, temp, output);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    /// <summary>Whether this process ignores SIGINT (signal 2: bit 1 of the SigIgn mask in /proc/self/status).
    /// </summary>
    private static bool SigIntIgnored()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << 1)) != 0;
    }

    private static async Task StoppedCleanly(System.Diagnostics.Process process, string folder, string temp,
        string output)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        // Waiting for the FIFO: both files are written in full, as temporaries.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !Directory.GetFiles(temp, ".imbalanced-through.*").Any())
            await Task.Delay(100);
        Assert.NotEmpty(Directory.GetFiles(temp, ".imbalanced-through.*"));
        Assert.NotEmpty(Directory.GetFiles(folder, ".out.csv.*.tmp"));
        var pid = process.Id.ToString(CultureInfo.InvariantCulture);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", pid])) kill.WaitForExit();
        Assert.True(process.WaitForExit(30_000));
        Assert.NotEqual(0, process.ExitCode);
        Assert.StartsWith("error: stopped", await stderr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(folder, ".*.tmp"));
        Assert.Empty(Directory.GetFiles(temp, ".imbalanced-*"));
    }

    /// <summary>A column of values below single precision's smallest normal number (1e-40) is read as zeros by the
    /// ML.NET learners: logistic regression used to fail, its min-max scale overflowing, with ML.NET's message.
    /// </summary>
    [Fact]
    public void A_column_of_tiny_values_does_not_stop_logistic_regression()
    {
        var rows = Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{(i % 5) * 1e-40},{i % 7 + (i < 12 ? 3 : 0)},{(i < 12 ? "x" : "z")}\n"));
        var input = Write("tiny,b,y\n" + string.Concat(rows));
        var r = Run("train", input, "--target", "y", "--technique", "none", "--learner", "logistic", "--model",
            Temp(".zip"));
        Assert.True(r.ExitCode == 0, r.Stderr);
    }

    /// <summary>A feature named as a column predict adds (predicted, probability, probability_LABEL) is refused by
    /// train, with the fix: the model would clash with every input predict is given.</summary>
    [Fact]
    public void Train_refuses_a_feature_named_as_a_column_predict_adds()
    {
        AssertError(Run("train", Write(Good.Replace("a,b,y", "probability,b,y")), "--target", "y", "--technique",
            "none", "--learner", "logistic", "--model", Temp(".zip")), 1, "'probability'", "rename the column");
        var three = Write("a,probability_w,y\n1,2,w\n2,3,w\n3,4,v\n4,5,v\n5,6,u\n6,7,u\n7,8,w\n8,9,v\n9,1,u\n");
        AssertError(Run("train", three, "--target", "y", "--technique", "none", "--learner", "logistic", "--model",
            Temp(".zip")), 1, "'probability_w'");
    }

    /// <summary>predict names the line of a number beyond single precision, as it does for one that is not finite.
    /// </summary>
    [Fact]
    public void Predict_names_the_line_of_a_number_beyond_single_precision()
    {
        var input = Write(Good.Replace("0.4,4.25,x", "0.4,1e308,x"));
        AssertError(Run("predict", "--model", Model, input, "--output", Temp()), 1, "line 5", "column 'b'", "1e308");
    }

    /// <summary>A method that needs numbers names every text column at once; only an over-sampler is pointed to
    /// smote-nc (it cannot stand in for a cleaning or under-sampling method). A ratio outside (0, 1] is a usage
    /// error naming --strategy.</summary>
    [Fact]
    public void Text_columns_are_named_together_with_advice_that_fits_the_method()
    {
        var input = Write("a,k,m,y\n0.1,p,u,x\n0.2,q,v,x\n0.35,p,u,x\n0.4,q,v,x\n0.5,p,u,x\n0.61,q,v,x\n" +
            "0.7,p,u,z\n0.8,q,v,z\n0.95,p,u,z\n");
        var line = AssertError(Run("resample", input, "--target", "y", "--method", "enn", "--output", Temp()), 1,
            "columns 'k', 'm' are not numeric", "--drop");
        Assert.DoesNotContain("smote-nc", line);
        AssertError(Run("resample", input, "--target", "y", "--method", "borderline-smote", "--output", Temp()), 1,
            "columns 'k', 'm' are not numeric", "smote-nc");
        AssertError(Run("resample", Write(Good), "--target", "y", "--method", "smote", "--strategy", "1.5",
            "--output", Temp()), 2, "--strategy", "(0, 1]");
    }
}
