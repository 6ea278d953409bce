using Imbalanced.Calibration;
using Imbalanced.Preprocessing;
using System.Text.RegularExpressions;
using Imbalanced.Cli.Report;
using Imbalanced.Data;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;

namespace Imbalanced.Cli.Tests;

/// <summary>A <see cref="CompareReport"/> made by hand, as the rewritten workflow fills it (ran_as, verdicts against
/// none, calibrated out-of-fold probabilities), so that the report's rendering is tested without depending on the
/// workflow's numbers.</summary>
internal static class HandMadeReport
{
    public static readonly string[] Techniques =
    [
        "none", "class-weight", "random-over", "random-under", "smote", "borderline-smote", "adasyn", "smote-tomek",
        "smote-enn",
    ];

    public static readonly string[] Learners =
    [
        "logistic", "lightgbm", "random-forest", "balanced-random-forest", "easy-ensemble", "balanced-bagging",
        "rus-boost",
    ];

    /// <summary>Every technique × learner (9 × 7 = 63 by default), ranked on <paramref name="metric"/>; smote ran as
    /// smote-nc; every result has out-of-fold predictions of 200 rows (class "yes", code 1, is positive, 1 in 4); the
    /// metric's mean differs by combination, so that the best is unique.</summary>
    public static CompareReport Make(string metric = "average_precision", int techniques = 9, int learners = 7,
        CompareOptions? options = null, Func<int, VersusNone?>? versusNone = null)
    {
        var opts = (options ?? new CompareOptions { TuneThreshold = "f1", Folds = 3, Repeats = 1 }) with
        {
            Metric = metric,
            Techniques = Techniques[..techniques],
            Learners = Learners[..learners],
        };
        var results = new List<CompareResult>();
        for (var t = 0; t < techniques; t++)
            for (var l = 0; l < learners; l++)
            {
                var i = t * learners + l;
                var value = 0.5 + 0.4 * ((i * 37) % 63) / 63.0; // distinct, in a scrambled order
                var metrics = new[] { "average_precision", "balanced_accuracy", "log_loss", "expected_cost" }
                    .ToDictionary(k => k, k => (IReadOnlyList<double>)[value - 0.01, value, value + 0.01])
                    .ToDictionary(p => p.Key, p => new MetricSummary(p.Value.Average(), 0.01, p.Value));
                results.Add(new CompareResult(Techniques[t], Learners[l], opts.TuneThreshold == "none"
                    ? null
                    : opts.TuneThreshold, 0.4, metrics, 1)
                {
                    RanAs = Techniques[t] == "smote" ? "smote-nc" : Techniques[t],
                    VersusNone = t == 0 ? null : versusNone?.Invoke(i),
                    FoldThresholds = [0.3, 0.4, 0.5],
                    OutOfFold = Predictions(i),
                });
            }
        var best = CompareWorkflow.LowerIsBetter(metric)
            ? results.MinBy(x => x.Metrics[metric].Mean)!
            : results.MaxBy(x => x.Metrics[metric].Mean)!;
        var compared = results.Select(x => x == best ? x : x with { VersusBest = Versus(best, x, metric) }).ToList();
        var summary = new ImbalanceSummary(200, [new ClassShare("no", 150, 0.75), new ClassShare("yes", 50, 0.25)],
            "no", "yes", 3, ["x"], [], []);
        return new CompareReport(summary, opts, "yes", compared, compared[results.IndexOf(best)],
            ClassSet.FromDistinct(["no", "yes"]));
    }

    /// <summary>Within noise of the best when its mean is within 0.1 of the best's, else worse.</summary>
    private static VersusBest Versus(CompareResult best, CompareResult x, string metric) =>
        Math.Abs(best.Metrics[metric].Mean - x.Metrics[metric].Mean) < 0.1
            ? new VersusBest(1, 0.2, true)
            : new VersusBest(4, 0.01, false);

    /// <summary>200 rows, every fourth positive, with probabilities that separate the classes (differently for each
    /// <paramref name="seed"/>), and the class each predicts at 0.5.</summary>
    public static OutOfFold Predictions(int seed)
    {
        var random = new Random(seed);
        var truth = Enumerable.Range(0, 200).Select(i => i % 4 == 0 ? 1 : 0).ToArray();
        var scores = truth.Select(t => Math.Clamp((t == 1 ? 0.65 : 0.3) + 0.7 * (random.NextDouble() - 0.5), 0, 1))
            .ToArray();
        return new OutOfFold(truth, scores.Select(s => s >= 0.5 ? 1 : 0).ToArray(), scores);
    }
}

/// <summary>What the compare report shows, on reports made by hand: ranking in the metric's direction, a legible row
/// per combination, ran_as, verdicts against none and the best, reliability diagrams, the protocol's choices and
/// cost-tuned threshold curves.</summary>
public class ReportRenderingTests
{
    /// <summary>A text of ScottPlot's SVG: translate x (1) and y (2), font size (3), first glyph's x (4), text (5).
    /// </summary>
    private static readonly Regex SvgText = new(
        "<text transform=\"translate\\(([-\\d.]+) ([-\\d.]+)\\)\" font-size=\"([\\d.]+)\"[^>]*x=\"([-\\d.]+)" +
        "[^>]*>\\s*(.*?)\\s*</text>", RegexOptions.Singleline);

    /// <summary>Where each row of the html's results table starts, by combination.</summary>
    private static int Row(string html, CompareResult x) =>
        html.IndexOf($"<td>{Charts.TechniqueName(x)}</td><td>{x.Learner}</td>", StringComparison.Ordinal);

    [Theory]
    [InlineData("average_precision")]
    [InlineData("log_loss")]
    [InlineData("expected_cost")]
    public void Ranking_follows_the_metrics_direction_in_table_chart_curves_and_matrices(string metric)
    {
        var r = HandMadeReport.Make(metric);
        var html = HtmlReport.Build(r, "hand.csv");
        var ranked = HtmlReport.Ranked(r);
        var means = ranked.Select(x => x.Metrics[metric].Mean).ToArray();

        Assert.Same(r.Best, ranked[0]);
        Assert.Equal(CompareWorkflow.LowerIsBetter(metric) ? means.Order() : means.OrderDescending(), means);
        var rows = ranked.Select(x => Row(html, x)).ToArray();
        Assert.All(rows, p => Assert.True(p > 0));
        Assert.Equal(rows.Order(), rows);
        var labels = SvgText.Matches(Charts.Results(ranked, metric, r.Best)).ToDictionary(m => m.Groups[5].Value,
            m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var ys = ranked.Select(x => labels[Charts.Name(x)]).ToArray();
        Assert.Equal(ys.Order(), ys); // best at the top
        var matrices = ranked.Take(4).Select(x => html.IndexOf($"<p>{Charts.Name(x)}</p>", StringComparison.Ordinal))
            .ToArray();
        Assert.True(matrices[0] > 0 && matrices[0] < matrices[1] && matrices[1] < matrices[2]);
        Assert.Equal(-1, matrices[3]); // the three leading combinations only
        Assert.Contains($"decision threshold ({Charts.Name(r.Best)})", html);
        Assert.Contains($"Best: {Charts.TechniqueName(r.Best)} with {r.Best.Learner}", html);
    }

    [Fact]
    public void The_results_chart_gives_each_of_63_combinations_its_own_legible_unrotated_row()
    {
        var r = HandMadeReport.Make();
        var ranked = HtmlReport.Ranked(r);
        var svg = Charts.Results(ranked, r.Options.Metric, r.Best);
        var texts = SvgText.Matches(svg).ToArray();
        double Number(Match m, int group) =>
            double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(63, ranked.Length);
        var labels = ranked.Select(x => Assert.Single(texts, m => m.Groups[5].Value == Charts.Name(x))).ToArray();
        foreach (var (upper, lower) in labels.Zip(labels.Skip(1)))
            Assert.True(Number(lower, 2) - Number(upper, 2) >= 1.4 * Number(upper, 3), "rows do not overlap");
        Assert.All(labels, m => Assert.True(Number(m, 1) + Number(m, 4) >= 0, "the label starts inside the chart"));
        Assert.DoesNotContain("rotate", svg);
        foreach (var s in ranked.Select(x => x.Metrics[r.Options.Metric])) // mean ± sd written beside each bar
            Assert.Contains(texts, m => m.Groups[5].Value == $"{Charts.Number(s.Mean)} ± {Charts.Number(s.Std)}");
        Assert.Contains(texts, m => m.Groups[5].Value == "best");
    }

    [Fact]
    public void A_technique_that_ran_in_another_form_says_so_in_table_chart_and_legends()
    {
        var r = HandMadeReport.Make();
        var html = HtmlReport.Build(r, "hand.csv");

        Assert.Contains("<td>smote (as smote-nc)</td><td>logistic</td>", html);
        Assert.Contains("smote (as smote-nc) + logistic", html);
        Assert.Contains("<td>smote-tomek</td><td>logistic</td>", html);
        Assert.DoesNotContain("smote-tomek (as", html);
    }

    [Fact]
    public void The_vs_none_column_and_the_summary_name_the_techniques_that_beat_doing_nothing()
    {
        // Combination 30 is smote (t = 4) with random-forest (l = 2).
        var r = HandMadeReport.Make(versusNone: i => i == 30
            ? new VersusNone(0.0213, 2.9, 0.012, Verdict.Better)
            : i == 31
                ? new VersusNone(-0.05, -4, 0.0004, Verdict.Worse)
                : new VersusNone(-0.004, -0.3, 0.71, Verdict.WithinNoise));
        var html = HtmlReport.Build(r, "hand.csv");

        Assert.Equal(("smote", "random-forest"), (r.Results[30].Technique, r.Results[30].Learner));
        var row = html[Row(html, r.Results[30])..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.EndsWith("<td>+0.0213 (p = 0.012) <span class=\"better\">better</span></td>", row);
        Assert.Contains("<td>-0.0500 (p &lt; 0.001) <span class=\"worse\">worse</span></td>", html);
        Assert.Contains("<td>-0.0040 (p = 0.710) <span class=\"noise\">within noise</span></td>", html);
        Assert.Contains("<td>(this is none)</td>", html);
        Assert.Contains("<th>vs none (same learner)</th>", html);
        Assert.Equal("Beat doing nothing (technique none with the same learner) beyond noise on average_precision: " +
                     "smote (as smote-nc) + random-forest (+0.0213, p = 0.012). Of the 56 combination(s) compared " +
                     "with none, 1 did better, 54 within noise and 1 worse.", HtmlReport.AgainstNone(r));
    }

    [Fact]
    public void When_no_technique_beats_doing_nothing_the_summary_says_so()
    {
        var within = HandMadeReport.Make(versusNone: _ => new VersusNone(0.001, 0.1, 0.9, Verdict.WithinNoise));
        var unknown = HandMadeReport.Make();
        var withoutNone = unknown with { Results = unknown.Results.Where(x => x.Technique != "none").ToArray() };

        Assert.StartsWith("No technique beat doing nothing (technique none with the same learner) beyond noise on " +
                          "average_precision.", HtmlReport.AgainstNone(within));
        Assert.Contains(HtmlReport.AgainstNone(within), HtmlReport.Build(within, "hand.csv"));
        Assert.Contains("No comparison with doing nothing", HtmlReport.AgainstNone(unknown));
        Assert.Contains("Technique none was not compared", HtmlReport.AgainstNone(withoutNone));
    }

    [Fact]
    public void Reliability_diagrams_show_the_leading_combinations_with_their_expected_calibration_error()
    {
        var r = HandMadeReport.Make();
        var html = HtmlReport.Build(r, "hand.csv");

        Assert.Contains("<h2>Reliability diagrams of the leading combinations", html);
        foreach (var x in HtmlReport.Ranked(r).Take(3))
        {
            var ece = RankingMetrics.ExpectedCalibrationError(Charts.Positives(x.OutOfFold!, 1), x.OutOfFold!.Scores!);
            Assert.Contains($"{Charts.Name(x)} (ECE {Charts.Number(ece)})", html);
        }
    }

    [Fact]
    public void A_report_without_a_positive_class_has_no_curves_and_still_renders()
    {
        var binary = HandMadeReport.Make(techniques: 2, learners: 1);
        var r = binary with
        {
            Positive = null,
            Results = binary.Results.Select(x => x with { OutOfFold = x.OutOfFold! with { Scores = null } }).ToArray(),
        };
        r = r with { Best = r.Results.Single(x => x.Technique == binary.Best.Technique) };
        var html = HtmlReport.Build(r, "hand.csv");

        Assert.DoesNotContain("Reliability", html);
        Assert.DoesNotContain("Precision–recall", html);
        Assert.Contains("<h2>Confusion matrices", html);
    }

    [Fact]
    public void The_protocol_states_imputation_calibration_and_cost_and_that_every_fitted_step_sees_only_training()
    {
        var costly = HandMadeReport.Make("expected_cost", options: new CompareOptions
        {
            TuneThreshold = "cost",
            Cost = new MisclassificationCost(20, 1),
            Calibration = CalibrationMethod.Isotonic,
            Impute = ImputationMethod.Mean,
            Folds = 3,
            Repeats = 1,
        });
        var html = HtmlReport.Build(costly, "hand.csv");
        var plain = HtmlReport.Build(HandMadeReport.Make(), "hand.csv");

        foreach (var text in new[] { html, plain })
            Assert.Contains("Every fitted step (imputation, encoding, resampling or class weights, calibration and " +
                            "the threshold search) sees only the training part of each fold", text);
        Assert.Contains("Empty numeric cells take the training part&#39;s mean.", html);
        Assert.Contains("calibrated by isotonic regression fitted on inner folds of the training part", html);
        Assert.Contains("a false negative costs 20 and a false positive 1", html);
        Assert.Contains("ranked by the mean expected_cost (lower is better)", html);
        Assert.Contains("--tune-threshold cost --cost fn=20,fp=1 --calibration isotonic --impute mean", html);
        Assert.Contains("Empty numeric cells take the training part&#39;s median.", plain);
        Assert.Contains("calibrated by prior correction", plain);
        Assert.DoesNotContain("costs", plain);
        Assert.DoesNotContain("--calibration", plain);
    }

    [Theory]
    [InlineData("cost", "cost (minus the expected cost per row)")]
    [InlineData("precision@recall=0.8", "precision@recall=0.8")]
    public void A_threshold_tuned_for_any_objective_draws_its_curve(string objective, string label)
    {
        var r = HandMadeReport.Make(options: new CompareOptions
        {
            TuneThreshold = objective,
            Cost = new MisclassificationCost(20, 1),
            Folds = 3,
            Repeats = 1,
        });
        var html = HtmlReport.Build(r, "hand.csv");

        Assert.Contains($"<h2>{label} of the pooled out-of-fold predictions against the decision threshold", html);
        Assert.Contains("thresholds chosen in the folds (dashed): mean 0.4", html);
    }
}
