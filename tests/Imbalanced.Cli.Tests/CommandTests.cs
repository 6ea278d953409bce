using System.Globalization;
using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>End-to-end tests of inspect, generate and resample through the built command.</summary>
public class CommandTests
{
    [Fact]
    public void Inspect_json_reports_classes_ratio_and_features()
    {
        var r = Run("inspect", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(569, json.GetProperty("rows").GetInt32());
        Assert.Equal("benign", json.GetProperty("classes")[0].GetProperty("label").GetString());
        Assert.Equal(357, json.GetProperty("classes")[0].GetProperty("count").GetInt32());
        Assert.Equal("malignant", json.GetProperty("minority").GetString());
        Assert.Equal(Math.Round(357.0 / 212, 3), json.GetProperty("imbalance_ratio").GetDouble());
        Assert.Equal(30, json.GetProperty("numeric_features").GetArrayLength());
        Assert.Equal(0, json.GetProperty("categorical_features").GetArrayLength());
        Assert.Empty(json.GetProperty("missing").EnumerateObject());
    }

    [Fact]
    public void Inspect_human_output_has_table_ratio_missing_and_advice()
    {
        var input = Write("colour,v,y\nred,1,a\n,2,a\nblue,,a\nred,4,b\n");
        var r = Run("inspect", input, "--target", "y");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("imbalance ratio: 3", r.Stdout);
        Assert.Contains("colour (1)", r.Stdout);
        Assert.Contains("v (1)", r.Stdout);
        Assert.Contains("advice:", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Generate_is_reproducible_and_has_the_documented_columns()
    {
        var a = Temp();
        var b = Temp();
        Assert.Equal(0, Run("generate", "--output", a, "--rows", "500", "--weights", "0.9", "--seed", "3").ExitCode);
        Assert.Equal(0, Run("generate", "--output", b, "--rows", "500", "--weights", "0.9", "--seed", "3").ExitCode);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        var lines = File.ReadAllLines(a);
        Assert.Equal(string.Join(",", Enumerable.Range(0, 20).Select(j => $"f{j}").Append("label")), lines[0]);
        Assert.Equal(501, lines.Length);
        var minority = lines.Skip(1).Count(l => l.EndsWith(",1"));
        Assert.InRange(minority, 35, 70);
    }

    [Fact]
    public void Resample_smote_writes_counts_index_provenance_and_json()
    {
        var output = Temp();
        var provenance = Temp();
        var r = Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", "smote",
            "--output", output, "--index-column", "idx", "--provenance", provenance, "--json", "--seed", "5");
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("smote", json.GetProperty("method").GetString());
        Assert.Equal(357, json.GetProperty("after").GetProperty("malignant").GetInt32());
        Assert.Equal(145, json.GetProperty("synthetic").GetInt32());
        Assert.Equal(0, json.GetProperty("removed").GetInt32());
        var input = File.ReadAllLines(Bundled("breast_cancer.csv"));
        var lines = File.ReadAllLines(output);
        Assert.Equal(input[0] + ",idx", lines[0]);
        Assert.Equal(1 + 714, lines.Length);
        for (var i = 1; i < input.Length; i++) Assert.Equal($"{input[i]},{i - 1}", lines[i]);
        Assert.All(lines.Skip(input.Length), l => Assert.EndsWith(",", l));
        Assert.All(lines.Skip(input.Length), l => Assert.Contains(",malignant,", l));
        var prov = File.ReadAllLines(provenance);
        Assert.Equal("row,kind,source,base,neighbor,gap", prov[0]);
        Assert.Equal("0,original,0,,,", prov[1]);
        Assert.Matches(@"^569,synthetic,,\d+,\d+,0\.\d+", prov[570]);
        Assert.Equal(715, prov.Length);
    }

    /// <summary>The contract: the index column is empty for synthetic rows, and a provenance line's source is the
    /// input row of an original. A copy random over-sampling adds is a synthetic row (after the originals, kind
    /// synthetic): its index and source stay empty, and its base names the row it copies, whose text it holds.
    /// </summary>
    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    public void Random_over_copies_are_synthetic_rows_with_an_empty_index_and_their_row_as_base(string format)
    {
        var input = Temp(format);
        Assert.Equal(0, Run("generate", "--output", input, "--rows", "200", "--weights", "0.9").ExitCode);
        var output = Temp(".csv");
        var provenance = Temp();
        var csvInput = format == ".csv" ? input : null;
        var r = Run("resample", input, "--target", "label", "--method", "random-over", "--output",
            format == ".csv" ? output : output + ".parquet", "--index-column", "idx", "--provenance", provenance);
        Assert.Equal(0, r.ExitCode);
        var prov = File.ReadAllLines(provenance).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Contains(prov, p => p[1] == "synthetic");
        Assert.All(prov, p => Assert.Equal(p[1] == "synthetic" ? "" : p[0], p[2]));
        Assert.All(prov.Where(p => p[1] == "synthetic"), p => Assert.Matches(@"^\d+$", p[3]));
        if (csvInput is null) return;
        var inputLines = File.ReadAllLines(csvInput);
        var lines = File.ReadAllLines(output);
        for (var i = 0; i < prov.Length; i++)
        {
            var synthetic = prov[i][1] == "synthetic";
            Assert.Equal(synthetic ? "" : prov[i][2], lines[i + 1][(lines[i + 1].LastIndexOf(',') + 1)..]);
            var copied = int.Parse(synthetic ? prov[i][3] : prov[i][2], CultureInfo.InvariantCulture);
            Assert.Equal(inputLines[copied + 1], lines[i + 1][..lines[i + 1].LastIndexOf(',')]);
        }
    }

    /// <summary>A label holding a comma is named in --strategy in double quotes, as in a CSV field.</summary>
    [Fact]
    public void A_strategy_names_a_label_holding_a_comma_in_quotes()
    {
        var rows = Enumerable.Range(0, 40).Select(i => $"{i * 0.5},{(i % 5 == 0 ? "\"bad, really\"" : "good one")}");
        var input = Write("a,y\n" + string.Join("\n", rows) + "\n");
        var output = Temp();
        var r = Run("resample", input, "--target", "y", "--method", "random-over", "--output", output,
            "--strategy", "\"bad, really\"=20", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var after = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("after");
        Assert.Equal(20, after.GetProperty("bad, really").GetInt32());
        Assert.Equal(32, after.GetProperty("good one").GetInt32());
    }

    [Fact]
    public void Resample_is_byte_identical_across_runs_and_thread_counts()
    {
        var outputs = new[] { Temp(), Temp(), Temp() };
        Assert.Equal(0, Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", "smote",
            "--output", outputs[0], "--seed", "9").ExitCode);
        Assert.Equal(0, Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", "smote",
            "--output", outputs[1], "--seed", "9").ExitCode);
        Assert.Equal(0, Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", "smote",
            "--output", outputs[2], "--seed", "9", "--threads", "1").ExitCode);
        Assert.Equal(File.ReadAllBytes(outputs[0]), File.ReadAllBytes(outputs[1]));
        Assert.Equal(File.ReadAllBytes(outputs[0]), File.ReadAllBytes(outputs[2]));
    }

    [Theory]
    [InlineData("random-over", ";")]
    [InlineData("random-under", "\t")]
    [InlineData("smote", "|")]
    public void Resample_keeps_the_input_delimiter_and_text(string method, string delimiter)
    {
        var rows = Enumerable.Range(0, 40)
            .Select(i => $"{i * 1.25:0.00}{delimiter}{Math.Sin(i):R}{delimiter}{(i % 5 == 0 ? "rare" : "common")}");
        var input = Write($"a{delimiter}b{delimiter}y\n" + string.Join("\n", rows) + "\n",
            delimiter == "\t" ? ".tsv" : ".txt");
        var output = Temp(delimiter == "\t" ? ".tsv" : ".txt");
        var r = Run("resample", input, "--target", "y", "--method", method, "--output", output, "--k-neighbors", "3");
        if (method != "smote")
            r = Run("resample", input, "--target", "y", "--method", method, "--output", output);
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal($"a{delimiter}b{delimiter}y", lines[0]);
        var originals = File.ReadAllLines(input).Skip(1).ToHashSet();
        if (method != "smote") Assert.All(lines.Skip(1), l => Assert.Contains(l, originals));
        else Assert.Equal(File.ReadAllLines(input), lines.Take(41));
    }

    [Fact]
    public void Parquet_in_parquet_out()
    {
        var parquet = Temp(".parquet");
        Assert.Equal(0, Run("generate", "--output", parquet, "--rows", "300", "--weights", "0.8").ExitCode);
        var output = Temp(".parquet");
        var r = Run("resample", parquet, "--target", "label", "--method", "smote", "--output", output, "--json");
        Assert.Equal(0, r.ExitCode);
        var inspect = JsonDocument.Parse(Run("inspect", output, "--target", "label", "--json").Stdout).RootElement;
        Assert.Equal(JsonDocument.Parse(r.Stdout).RootElement.GetProperty("after").GetProperty("0").GetInt32() * 2,
            inspect.GetProperty("rows").GetInt32());
        Assert.DoesNotContain("warning", r.Stderr);
    }

    [Fact]
    public void An_output_named_for_another_format_keeps_the_input_format_and_says_so()
    {
        var csv = Temp();
        Assert.Equal(0, Run("generate", "--output", csv, "--rows", "300", "--weights", "0.8").ExitCode);
        var parquet = Temp(".parquet");
        var r = Run("resample", csv, "--target", "label", "--method", "random-under", "--output", parquet);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"warning: --output {parquet}: written as delimited text, the input's format",
            r.Stderr.TrimEnd('\n'));
        Assert.StartsWith("f0,", File.ReadLines(parquet).First());
        // Read back by its name, it is not Parquet: one error line, no crash.
        r = Run("inspect", parquet, "--target", "label");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
    }
}

/// <summary>The SMOTE family through the command line.</summary>
public class SmoteFamilyCommandTests
{
    private static readonly string Mixed = Write("age,colour,size,y\n" +
        string.Join("\n", Enumerable.Range(0, 60).Select(i =>
            $"{20 + i * 0.7 + (i % 5) * 0.13},{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")}," +
            $"{(i % 4 == 0 ? 1 : 2)},{(i % 5 == 0 ? "yes" : "no")}")) + "\n");

    [Fact]
    public void Smote_nc_keeps_categories_from_the_data_and_can_treat_a_numeric_column_as_categorical()
    {
        var output = Temp();
        var r = Run("resample", Mixed, "--target", "y", "--method", "smote-nc", "--categorical", "colour,size",
            "--output", output, "--json");
        Assert.Equal(0, r.ExitCode);
        var added = File.ReadAllLines(output).Skip(61).ToArray();
        Assert.Equal(36, added.Length);
        Assert.All(added, l => Assert.Matches(@"^[0-9.]+,(red|green|blue),(1|2),yes$", l));
    }

    [Fact]
    public void Smoten_works_on_categorical_data_and_takes_numeric_columns_as_categories()
    {
        var input = Write("colour,shape,y\n" + string.Join("\n", Enumerable.Range(0, 40).Select(i =>
            $"{(i % 3 == 0 ? "red" : "blue")},{(i % 4 == 0 ? "round" : "square")}," +
            $"{(i % 4 == 0 ? "rare" : "common")}")) + "\n");
        var output = Temp();
        Assert.Equal(0, Run("resample", input, "--target", "y", "--method", "smoten", "--output", output).ExitCode);
        Assert.Equal(61, File.ReadAllLines(output).Length);
        output = Temp();
        Assert.Equal(0, Run("resample", Mixed, "--target", "y", "--method", "smoten", "--output", output).ExitCode);
        // Every synthetic 'yes' row takes values 'yes' rows have: ages are categories, not interpolated.
        var original = File.ReadLines(Mixed).Skip(1).Where(l => l.EndsWith(",yes", StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToArray();
        var added = File.ReadLines(output).Skip(61).Select(l => l.Split(',')).ToArray();
        Assert.Equal(36, added.Length);
        foreach (var row in added)
            for (var j = 0; j < 3; j++) Assert.Contains(row[j], original.Select(o => o[j]));
    }

    [Fact]
    public void Smote_nc_naming_every_column_categorical_suggests_smoten_only_when_smoten_works()
    {
        var input = Write("grade,zone,y\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i =>
            $"{i % 4 + 1},{i % 3 * 10 + 10},{(i % 5 == 0 ? "rare" : "common")}")) + "\n");
        var r = Run("resample", input, "--target", "y", "--method", "smote-nc", "--categorical", "grade,zone",
            "--output", Temp());
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("use smoten", r.Stderr);
        var output = Temp();
        Assert.Equal(0, Run("resample", input, "--target", "y", "--method", "smoten", "--output", output).ExitCode);
        Assert.Equal(49, File.ReadAllLines(output).Length);

        // 'rare' has 6 rows, too few for 6 neighbours, in SMOTEN as well: no suggestion then.
        r = Run("resample", input, "--target", "y", "--method", "smote-nc", "--categorical", "grade,zone",
            "--k-neighbors", "6", "--output", Temp());
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain("use smoten", r.Stderr);
        Assert.Contains("'rare'", r.Stderr);
        Assert.Equal(1, Run("resample", input, "--target", "y", "--method", "smoten", "--k-neighbors", "6",
            "--output", Temp()).ExitCode);
    }

    [Theory]
    [InlineData("borderline-smote", "--kind", "borderline-2")]
    [InlineData("borderline-smote", "--m-neighbors", "6")]
    [InlineData("adasyn", "--n-neighbors", "4")]
    [InlineData("svm-smote", "--out-step", "0.3")]
    [InlineData("kmeans-smote", "--clusters", "3")]
    [InlineData("iht", "--cv", "3")]
    [InlineData("nearmiss", "--version", "3")]
    [InlineData("enn", "--kind-sel", "mode")]
    [InlineData("cluster-centroids", "--voting", "hard")]
    [InlineData("lee", "--rejection-level", "0.3")]
    [InlineData("polynom-fit-smote", "--topology", "poly-2")]
    [InlineData("polynom-fit-smote", "--topology", "mesh")]
    [InlineData("prowsyn", "--theta", "2")]
    [InlineData("smobd", "--max-eps", "50")]
    [InlineData("gsmote", "--selection-strategy", "majority")]
    [InlineData("gsmote", "--truncation-factor", "-0.5")]
    [InlineData("ccr", "--energy", "0.5")]
    [InlineData("ccr", "--scaling", "0.5")]
    [InlineData("smote-ipf", "--voting", "consensus")]
    [InlineData("smote-ipf", "--n-folds", "5")]
    [InlineData("smote-ipf", "--stop-iterations", "2")]
    [InlineData("smote-ipf", "--stop-fraction", "0.05")]
    [InlineData("smote-ipf", "--max-iter", "2")]
    public void Border_methods_run_with_their_options(string method, string option, string value)
    {
        var output = Temp();
        var r = Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", method,
            option, value, "--output", output, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.ReadAllLines(output).Length > 200);
        Assert.Equal(2, Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", method,
            "--kind", "sideways", "--output", Temp()).ExitCode);
    }

    /// <summary>svm-smote's SVM stopped by --max-iter (scikit-learn's SVC(max_iter=…)) before it converges: the run
    /// succeeds and says so on one warning line, as scikit-learn's ConvergenceWarning; `auto` (the default) lets it
    /// converge, without the warning.</summary>
    [Fact]
    public void Svm_smote_stopped_by_max_iter_warns()
    {
        var output = Temp();
        var r = Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method", "svm-smote",
            "--max-iter", "20", "--output", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning: the SVM of class 'malignant' stopped after 20 iterations before converging; "
            + "its support vectors are those found so far", r.Stderr);
        Assert.Equal(1 + 2 * 357, File.ReadAllLines(output).Length);
        var converged = Run("resample", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--method",
            "svm-smote", "--max-iter", "auto", "--output", Temp());
        Assert.Equal(0, converged.ExitCode);
        Assert.DoesNotContain("warning", converged.Stderr);
    }
}
