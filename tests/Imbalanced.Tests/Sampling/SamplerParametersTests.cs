using Imbalanced.Sampling;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>The options records are the one source of each parameter and its default; the registry describes
/// them.</summary>
public class SamplerParametersTests
{
    [Fact]
    public void Parameters_and_defaults_come_from_the_options_record()
    {
        var borderline = SamplerRegistry.Find("borderline-smote")!;
        Assert.Equal(["k_neighbors", "m_neighbors", "kind"], borderline.Parameters.Select(p => p.Name));
        Assert.Equal([5, 10, (object)BorderlineKind.Borderline1], borderline.Parameters.Select(p => p.Default));
        Assert.Equal(["KNeighbors", "MNeighbors", "Kind"], borderline.Parameters.Select(p => p.Property));
        var kmeans = SamplerRegistry.Find("kmeans-smote")!;
        Assert.Equal(2, kmeans.Parameters.Single(p => p.Name == "k_neighbors").Default);
        Assert.Null(kmeans.Parameters.Single(p => p.Name == "cluster_balance_threshold").Default);
        Assert.Equal(KindSel.All, SamplerRegistry.Find("enn")!.Parameters.Single(p => p.Name == "kind_sel").Default);
        Assert.Empty(SamplerRegistry.Find("tomek-links")!.Parameters);
    }

    [Fact]
    public void Every_registered_parameter_has_a_name_a_help_line_and_a_settable_default()
    {
        foreach (var info in SamplerRegistry.All)
        {
            Assert.Equal(info.Parameters.Count, info.Parameters.Select(p => p.Name).Distinct().Count());
            foreach (var p in info.Parameters)
            {
                Assert.Matches("^[a-z][a-z0-9_]*[a-zA-Z0-9]$", p.Name);
                Assert.False(string.IsNullOrWhiteSpace(p.Help), $"{info.Name}.{p.Property}");
                var options = info.CreateOptions(parameters: new Dictionary<string, object?> { [p.Name] = p.Default });
                Assert.Equal(p.Default, info.OptionsType.GetProperty(p.Property)!.GetValue(options));
            }
        }
    }

    [Fact]
    public void Create_sets_strategy_seed_and_parameters_and_refuses_unknown_ones()
    {
        var info = SamplerRegistry.Find("enn")!;
        var options = (EditedNearestNeighboursOptions)info.CreateOptions(SamplingStrategy.Parse("majority"), 9,
            new Dictionary<string, object?> { ["n_neighbors"] = 4, ["kind_sel"] = KindSel.Mode });
        Assert.Equal((4, KindSel.Mode, 9L, "majority"),
            (options.NNeighbors, options.KindSel, options.Seed, options.Strategy.ToString()));
        var unknown = Assert.Throws<ArgumentException>(() =>
            info.Create(parameters: new Dictionary<string, object?> { ["k_neighbors"] = 3 }));
        Assert.Equal("k_neighbors", unknown.ParamName);
        Assert.Contains("n_neighbors, kind_sel", unknown.Message);
        var mistyped = Assert.Throws<ArgumentException>(() =>
            info.Create(parameters: new Dictionary<string, object?> { ["n_neighbors"] = "four" }));
        Assert.Equal("NNeighbors", mistyped.ParamName);
    }

    [Fact]
    public void A_whole_number_of_another_type_is_taken_when_it_fits_and_refused_when_it_does_not()
    {
        var enn = SamplerRegistry.Find("enn")!;
        var fromLong = (EditedNearestNeighboursOptions)enn.CreateOptions(
            parameters: new Dictionary<string, object?> { ["n_neighbors"] = 4L });
        Assert.Equal(4, fromLong.NNeighbors);
        var tooLarge = Assert.Throws<ArgumentException>(() => enn.CreateOptions(
            parameters: new Dictionary<string, object?> { ["n_neighbors"] = (long)int.MaxValue + 1 }));
        Assert.Equal("NNeighbors", tooLarge.ParamName);
        Assert.Contains("out of its range", tooLarge.Message);
        var fraction = Assert.Throws<ArgumentException>(() => enn.CreateOptions(
            parameters: new Dictionary<string, object?> { ["n_neighbors"] = 4.5 }));
        Assert.Equal("NNeighbors", fraction.ParamName);
        var enumAsNumber = Assert.Throws<ArgumentException>(() => enn.CreateOptions(
            parameters: new Dictionary<string, object?> { ["kind_sel"] = 1 }));
        Assert.Equal("KindSel", enumAsNumber.ParamName);
        var over = SamplerRegistry.Find("random-over")!;
        var shrinkage = over.CreateOptions(parameters: new Dictionary<string, object?> { ["shrinkage"] = 1 });
        Assert.Equal(1.0, ((RandomOverSamplerOptions)shrinkage).Shrinkage);
        var single = over.CreateOptions(parameters: new Dictionary<string, object?> { ["shrinkage"] = 0.5f });
        Assert.Equal(0.5, ((RandomOverSamplerOptions)single).Shrinkage);
    }

    [Fact]
    public void Library_errors_name_the_option_property_not_a_flag()
    {
        var data = TestData.Blobs([20, 8], ["big", "small"]);
        var tooMany = Assert.Throws<DataException>(() =>
            new BorderlineSmote(new() { MNeighbors = 500 }).FitResample(data));
        Assert.Contains("MNeighbors", tooMany.Message);
        Assert.DoesNotContain("--", tooMany.Message);
        Assert.Equal("MNeighbors", tooMany.Parameter);
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Smote(new() { KNeighbors = 0 }).FitResample(data));
        Assert.Equal("KNeighbors", zero.ParamName);
        Assert.DoesNotContain("--", zero.Message);
    }

    [Fact]
    public void No_string_literal_in_the_libraries_names_a_command_line_flag()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Imbalanced.sln"))) root = root.Parent!;
        var flag = new System.Text.RegularExpressions.Regex("\"[^\"\\n]*(?<![\\w-])--[a-z][a-z-]*[^\"\\n]*\"");
        var offenders = new List<string>();
        foreach (var project in new[] { "Imbalanced", "Imbalanced.IO", "Imbalanced.MLNet" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root.FullName, "src", project), "*.cs",
                         SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj")))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (!lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal) && flag.IsMatch(lines[i]))
                        offenders.Add($"{Path.GetRelativePath(root.FullName, file)}:{i + 1}: {lines[i].Trim()}");
            }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
