using System.Diagnostics;
using System.Text.RegularExpressions;
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
        var info = new ProcessStartInfo(ChromiumFactAttribute.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={Directory.CreateTempSubdirectory("chromium-").FullName}" }.Concat(args))
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) process.Kill(true);
        return (stdout.Result, stderr.Result);
    }

    [ChromiumFact]
    public void The_report_renders_every_chart_in_a_real_browser()
    {
        var report = Temp(".html");
        var r = Run("compare", Bundled("breast_cancer.csv"), "--target", "diagnosis", "--techniques", "none,smote,class-weight", "--learners", "logistic",
            "--folds", "3", "--repeats", "1", "--tune-threshold", "f1", "--report", report, "--quiet");
        Assert.Equal(0, r.ExitCode);
        var url = new Uri(report).AbsoluteUri;
        var (dom, log) = Chromium("--dump-dom", url);
        Assert.Contains("<h1>Comparison of techniques", dom);
        Assert.DoesNotMatch(new Regex("CONSOLE.*(error|Uncaught)", RegexOptions.IgnoreCase), log);
        var charts = Regex.Matches(dom, "<svg[\\s\\S]*?</svg>").Select(m => m.Value).ToArray();
        Assert.Equal(7, charts.Length); // classes, results, PR, ROC, reliability, threshold curve, PCA
        foreach (var chart in charts)
            Assert.True(Regex.Matches(chart, "<(path|polyline|rect|circle|ellipse)\\b").Count > 10, "every chart has plotted elements");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        Chromium("--window-size=1200,4600", $"--screenshot={screenshot}", url);
        Assert.True(new FileInfo(screenshot).Length > 50_000, "the screenshot shows a rendered page");
    }
}
