namespace Imbalanced.Tests;

/// <summary>House rules the build cannot check: no analyzer of the SDK enforces max_line_length.</summary>
public class RepositoryRulesTests
{
    [Fact]
    public void No_line_in_src_tests_benchmarks_or_samples_exceeds_120_characters()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Imbalanced.sln"))) root = root.Parent!;
        string[] folders = ["src", "tests", "benchmarks", "samples"];
        var offenders = folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root.FullName, folder), "*.cs",
                SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root.FullName, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => File.ReadAllLines(Path.Combine(root.FullName, f))
                .Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(x => x.Length > 120)
            .Select(x => $"{x.File}:{x.Line} ({x.Length} characters)")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_core_references_no_file_format_no_ml_net_and_not_the_io_package()
    {
        var references = typeof(Imbalanced.Data.Dataset).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("Parquet", StringComparison.Ordinal)
            || n.StartsWith("Sylvan", StringComparison.Ordinal)
            || n.StartsWith("Microsoft.ML", StringComparison.Ordinal)
            || n == "Imbalanced.IO");
        Assert.Contains(typeof(Imbalanced.Data.TableReader).Assembly.GetReferencedAssemblies(),
            a => a.Name!.StartsWith("Parquet", StringComparison.Ordinal));
    }
}
