using System.Diagnostics;
using System.Text.RegularExpressions;
using Imbalanced.Cli.Report;
using static Imbalanced.Cli.Tests.CliRunner;

namespace Imbalanced.Cli.Tests;

/// <summary>A fact that needs Debian's Chromium: skipped, and said so, on a machine without it; never skipped in CI
/// (CI=true), where .ci/run installs it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "needs Chromium (apt-get install chromium; .ci/run installs it)";
    }
}

/// <summary>Opens the compare report in headless Chromium: the page loads with no console errors, every chart has
/// rendered with plotted elements, and a screenshot is kept.</summary>
public class ReportBrowserTests
{
    private static (string Stdout, string Stderr) Chromium(params string[] args)
    {
        var info = new ProcessStartInfo(ChromiumFactAttribute.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={Directory.CreateTempSubdirectory("chromium-").FullName}",
                 }.Concat(args))
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) process.Kill(true);
        return (stdout.Result, stderr.Result);
    }

    /// <summary>Opens <paramref name="report"/>: no console errors, <paramref name="charts"/> charts each with plotted
    /// elements, and a screenshot named <paramref name="screenshot"/> kept beside the tests.</summary>
    private static void AssertRenders(string report, int charts, string screenshot, int height)
    {
        var url = new Uri(report).AbsoluteUri;
        var (dom, log) = Chromium("--dump-dom", url);
        Assert.Contains("<h1>Comparison of techniques", dom);
        Assert.DoesNotMatch(new Regex("CONSOLE.*(error|Uncaught)", RegexOptions.IgnoreCase), log);
        var svgs = Regex.Matches(dom, "<svg[\\s\\S]*?</svg>").Select(m => m.Value).ToArray();
        Assert.Equal(charts, svgs.Length);
        foreach (var chart in svgs)
            Assert.True(Regex.Matches(chart, "<(path|polyline|rect|circle|ellipse)\\b").Count > 10,
                "every chart has plotted elements");
        var path = Path.Combine(AppContext.BaseDirectory, screenshot);
        Chromium($"--window-size=1200,{height}", $"--screenshot={path}", url);
        Assert.True(new FileInfo(path).Length > 50_000, "the screenshot shows a rendered page");
    }

    [ChromiumFact]
    public void The_report_renders_every_chart_in_a_real_browser()
    {
        var report = Temp(".html");
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--techniques",
            "none,smote,class-weight", "--learners", "logistic", "--folds", "3", "--repeats", "1", "--tune-threshold",
            "f1", "--report", report, "--quiet");
        Assert.Equal(0, r.ExitCode);
        // classes, results, precision-recall, ROC, reliability, threshold curve, PCA
        AssertRenders(report, 7, "report-screenshot.png", 4600);
    }

    [ChromiumFact]
    public void A_report_of_63_combinations_renders_in_a_real_browser()
    {
        var report = Write(HtmlReport.Build(HandMadeReport.Make(), "hand.csv"), ".html");
        // classes, results, precision-recall, ROC, reliability, threshold curve (no resampling example)
        AssertRenders(report, 6, "report-63-screenshot.png", 6400);
    }
}
