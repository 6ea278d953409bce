using System.Text.Json;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Json_has_the_protocol_per_fold_metrics_and_the_best_combination()
    {
        var json = Temp(".json");
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--folds", "3", "--repeats", "2",
            "--techniques", "none,smote,class-weight", "--learners", "logistic", "--tune-threshold", "f1",
            "--json", json, "--quiet");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(569, doc.GetProperty("dataset").GetProperty("rows").GetInt32());
        Assert.Equal("malignant", doc.GetProperty("protocol").GetProperty("positive").GetString());
        var results = doc.GetProperty("results");
        Assert.Equal(3, results.GetArrayLength());
        foreach (var result in results.EnumerateArray())
        {
            Assert.Equal("f1", result.GetProperty("threshold").GetProperty("tuned_for").GetString());
            var ap = result.GetProperty("metrics").GetProperty("average_precision");
            Assert.Equal(6, ap.GetProperty("folds").GetArrayLength());
            Assert.Equal(ap.GetProperty("folds").EnumerateArray().Average(v => v.GetDouble()),
                ap.GetProperty("mean").GetDouble(), 1e-12);
            // Every numeric top-level key of evaluate --json, support (the test fold's rows) included.
            var metrics = result.GetProperty("metrics");
            foreach (var key in new[] { "support", "accuracy", "balanced_accuracy", "mcc", "cohen_kappa",
                         "geometric_mean", "roc_auc", "average_precision", "log_loss", "brier" })
                Assert.True(metrics.TryGetProperty(key, out _), key);
            Assert.Equal(569.0 / 3, metrics.GetProperty("support").GetProperty("mean").GetDouble(), 1e-9);
        }
        var best = doc.GetProperty("best");
        var highestMean = results.EnumerateArray()
            .Max(x => x.GetProperty("metrics").GetProperty("average_precision").GetProperty("mean").GetDouble());
        Assert.Equal(highestMean, best.GetProperty("mean").GetDouble());
        Assert.Contains("<- best", r.Stdout);
        // p-values to three decimals, as in the report, so that "worse" never sits beside a rounded "p = 0.05".
        Assert.Matches(@"\(p (= [01]\.\d{3}|< 0\.001)\)", r.Stdout);
        Assert.DoesNotMatch(@"p = \d\.\d{2}\)", r.Stdout);
        // Every result has both objects (a strict reader indexes them): the best against itself and technique none
        // against itself differ by nothing (p = 1, within noise).
        Assert.All(results.EnumerateArray(), x =>
        {
            Assert.InRange(x.GetProperty("versus_best").GetProperty("p").GetDouble(), 0, 1);
            Assert.Contains(x.GetProperty("versus_none").GetProperty("verdict").GetString(),
                new[] { "better", "worse", "within noise" });
        });
        var self = results.EnumerateArray().Where(x =>
            x.GetProperty("technique").GetString() == best.GetProperty("technique").GetString()
            && x.GetProperty("learner").GetString() == best.GetProperty("learner").GetString()).Single();
        Assert.Equal(1.0, self.GetProperty("versus_best").GetProperty("p").GetDouble());
        Assert.Equal("within noise", self.GetProperty("versus_best").GetProperty("verdict").GetString());
        Assert.All(results.EnumerateArray().Where(x => x.GetProperty("technique").GetString() == "none"), x =>
        {
            Assert.Equal(0.0, x.GetProperty("versus_none").GetProperty("difference").GetDouble());
            Assert.Equal(1.0, x.GetProperty("versus_none").GetProperty("p").GetDouble());
        });
    }

    /// <summary>With three classes the most probable class is predicted and there is no threshold to report: the
    /// object is there with tuned_for none and mean null.</summary>
    [Fact]
    public void Three_classes_report_no_threshold_value()
    {
        var input = Temp(".csv");
        var json = Temp(".json");
        Assert.Equal(0, Run("generate", "--rows", "300", "--features", "5", "--classes", "3", "--informative", "3",
            "--weights", "0.6,0.3",
            "--seed", "1", "--output", input).ExitCode);
        var r = Run("compare", input, "--target", "label", "--techniques", "none,random-over", "--learners",
            "logistic", "--folds", "2", "--repeats", "1", "--json", json, "--quiet");
        Assert.Equal(0, r.ExitCode);
        foreach (var result in JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results")
            .EnumerateArray())
        {
            Assert.Equal("none", result.GetProperty("threshold").GetProperty("tuned_for").GetString());
            Assert.Equal(JsonValueKind.Null, result.GetProperty("threshold").GetProperty("mean").ValueKind);
        }
    }

    /// <summary>compare takes the combined samplers beyond imbalanced-learn as techniques, from the registry.
    /// </summary>
    [Theory]
    [InlineData("smote-ipf")]
    public void Compare_takes_a_combined_sampler_beyond_imbalanced_learn(string technique)
    {
        var json = Temp(".json");
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--folds", "3", "--repeats", "1",
            "--techniques", "none," + technique, "--learners", "logistic", "--json", json, "--quiet");
        Assert.Equal(0, r.ExitCode);
        var results = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Contains(results.EnumerateArray(), x => x.GetProperty("technique").GetString() == technique);
    }

    /// <summary>CLI.md: compare's <c>dataset</c> is "as inspect --json": on a table with categorical columns and
    /// empty cells the block equals what inspect prints (target, features by kind, missing cells included), with
    /// the same --drop.</summary>
    [Fact]
    public void The_dataset_block_is_what_inspect_prints()
    {
        var json = Temp(".json");
        var input = Bundled("credit_data.csv");
        var compare = Run("compare", input, "--target", "Status", "--drop", "Price", "--techniques", "none",
            "--learners", "logistic", "--folds", "2", "--repeats", "1", "--json", json, "--quiet");
        Assert.Equal(0, compare.ExitCode);
        var inspect = Run("inspect", input, "--target", "Status", "--drop", "Price", "--json");
        Assert.Equal(0, inspect.ExitCode);
        var dataset = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("dataset");
        var expected = JsonDocument.Parse(inspect.Stdout).RootElement;
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(dataset));
        Assert.Equal(381, dataset.GetProperty("missing").GetProperty("Income").GetInt32());
        // Every result keeps the threshold object; without tuning (the default) the most probable class is predicted,
        // for two classes the threshold 0.5.
        foreach (var result in JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results")
            .EnumerateArray())
        {
            Assert.Equal("none", result.GetProperty("threshold").GetProperty("tuned_for").GetString());
            Assert.Equal(0.5, result.GetProperty("threshold").GetProperty("mean").GetDouble());
        }
        Assert.Contains("Home",
            dataset.GetProperty("categorical_features").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("--learners")]
    [InlineData("--techniques")]
    public void A_list_option_that_names_nothing_is_a_usage_error(string option)
    {
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", option, " , ", "--quiet");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"error: {option}: ' , ' names no", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Unknown_technique_and_unknown_metric_are_usage_errors_found_before_any_fit()
    {
        Assert.Equal(2, Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis",
            "--techniques", "magic", "--quiet").ExitCode);
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--techniques", "none",
            "--learners", "logistic", "--folds", "2", "--repeats", "1", "--metric", "nope", "--quiet");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'nope'", r.Stderr);
    }

    /// <summary>A default lowered to fit a small class (smote's k_neighbors) is said in the summary and written as a
    /// number under the result's "parameters".</summary>
    [Fact]
    public void A_parameter_lowered_for_a_small_class_is_said_and_written_as_a_number()
    {
        var rows = Enumerable.Range(0, 24).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{i * 0.37 % 5},{i % 3},{(i < 4 ? "z" : "x")}\n"));
        var input = Write("a,b,y\n" + string.Concat(rows));
        var json = Temp(".json");
        var r = Run("compare", input, "--target", "y", "--techniques", "none,smote", "--learners", "logistic",
            "--folds", "3", "--repeats", "1", "--quiet", "--json", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("smote ran with k_neighbors = 1", r.Stdout);
        var smote = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("results")
            .EnumerateArray().Single(x => x.GetProperty("technique").GetString() == "smote");
        Assert.Equal(1, smote.GetProperty("parameters").GetProperty("k_neighbors").GetInt32());
        // train says it on stderr, as a warning.
        var trained = Run("train", input, "--target", "y", "--technique", "smote", "--learner", "logistic",
            "--tune-threshold", "f1", "--model", Temp(".zip"));
        Assert.True(trained.ExitCode == 0, trained.Stderr);
        Assert.Contains("warning: smote ran with k_neighbors = ", trained.Stderr);
    }

    /// <summary>A technique or learner named twice is a usage error (it gave two identical results).</summary>
    [Fact]
    public void A_name_given_twice_is_a_usage_error()
    {
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--techniques",
            "none,smote,none");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: --techniques: technique 'none' is named twice", r.Stderr);
        r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--learners", "logistic,logistic");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'logistic' is named twice", r.Stderr);
    }

    /// <summary>A default technique the data refuse (ADASYN where no minority row has a neighbour of another class)
    /// is left out with a warning and named in the JSON; named with --techniques, it stops the run.</summary>
    [Fact]
    public void A_default_technique_the_data_refuse_is_left_out_one_asked_for_stops_the_run()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var rows = Enumerable.Range(0, 60).Select(i => i < 45
            ? string.Create(invariant, $"{i % 7 * 0.1},{i % 5 * 0.1},common\n")
            : string.Create(invariant, $"{10 + i % 4 * 0.1},{10 + i % 3 * 0.1},rare\n"));
        var input = Write("a,b,y\n" + string.Concat(rows));
        var json = Temp(".json");
        var r = Run("compare", input, "--target", "y", "--learners", "logistic", "--folds", "3", "--repeats", "1",
            "--quiet", "--json", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var warning = Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("warning: adasyn left out (a default technique; fold 1 refused it): ", warning);
        Assert.Contains("adasyn was left out: ", r.Stdout);
        var doc = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var left = Assert.Single(doc.GetProperty("left_out").EnumerateArray().ToArray());
        Assert.Equal("adasyn", left.GetProperty("technique").GetString());
        Assert.Equal(1, left.GetProperty("fold").GetInt32());
        var techniques = doc.GetProperty("results").EnumerateArray()
            .Select(x => x.GetProperty("technique").GetString()).ToArray();
        Assert.Equal(8, techniques.Length);
        Assert.DoesNotContain("adasyn", techniques);

        var asked = Run("compare", input, "--target", "y", "--learners", "logistic", "--folds", "3", "--repeats",
            "1", "--techniques", "none,adasyn", "--quiet", "--json", json);
        Assert.Equal(1, asked.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(asked.Stderr.TrimEnd('\n').Split('\n')));
        Assert.Contains("ADASYN has no weights", asked.Stderr);
    }
}
