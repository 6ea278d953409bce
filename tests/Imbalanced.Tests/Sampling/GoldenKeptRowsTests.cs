using System.Globalization;
using Imbalanced.Sampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>The input rows kept by the deterministic under-samplers and cleaners equal imbalanced-learn's
/// <c>sample_indices_</c> exactly; class counts equal for the others.</summary>
public class GoldenKeptRowsTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        var golden = Fixtures.Golden("kept");
        for (var i = 0; i < golden.GetArrayLength(); i++)
            if (!golden[i].TryGetProperty("error", out _)) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kept_rows_equal_imbalanced_learn(int index)
    {
        var g = Fixtures.Golden("kept")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var original = data.Classes;
        var settings = new SamplerSettings();
        foreach (var p in g.GetProperty("params").EnumerateObject())
        {
            var v = p.Value.GetString()!;
            settings = p.Name switch
            {
                "kind_sel" => settings with { KindSel = v },
                "n_neighbors" => settings with { NNeighbors = int.Parse(v, CultureInfo.InvariantCulture) },
                "max_iter" => settings with { MaxIterations = int.Parse(v, CultureInfo.InvariantCulture) },
                "allow_minority" => settings with { AllowMinority = v == "true" },
                "version" => settings with { Version = int.Parse(v, CultureInfo.InvariantCulture) },
                _ => throw new InvalidOperationException(p.Name),
            };
        }
        // With three or more classes a 'mode' vote can tie. These answers were made with the labels read as
        // strings (tied votes go to the label met first in neighbour order), while glass's labels are numbers, for
        // which imbalanced-learn on pandas' numeric labels keeps the smallest; ModeTiesGoldenTests covers both.
        // So the labels are made text here (same class order: glass's are single digits) to meet the answer's rule.
        if (settings.KindSel == "mode" && data.Classes.Count > 2)
            data = data.WithClasses(data.Classes.Labels.Select(l => "type " + l));
        var result = SamplerRegistry.Find(g.GetProperty("method").GetString()!)!.Create(settings).FitResample(data);
        var counts = result.ClassCounts();
        foreach (var kv in g.GetProperty("counts_after").EnumerateObject())
            Assert.Equal(kv.Value.GetInt32(), counts[original.IndexOf(kv.Name)]);
        if (g.GetProperty("sample_indices").ValueKind == System.Text.Json.JsonValueKind.Array)
            Assert.Equal(g.GetProperty("sample_indices").EnumerateArray().Select(v => v.GetInt32()).Order(), result.KeptRows);
    }
}

public class GoldenKeptRowsMissingTests
{
    private const string NoAnswer = "golden.json holds no answer for SMOTETomek and SMOTEENN: the reference run in "
        + "make_golden.py failed (AttributeError: 'str' object has no attribute 'items'); regenerate the 'kept' "
        + "section with imbalanced-learn installed, then remove this skip";

    [Fact(Skip = NoAnswer)]
    public void Smote_tomek_and_smote_enn_kept_rows_equal_imbalanced_learn()
    {
        // Kept_rows_equal_imbalanced_learn takes these cases once the fixture holds their answers.
    }

    [Fact]
    public void The_cases_without_an_answer_are_only_the_ones_skipped_above()
    {
        var missing = Fixtures.Golden("kept").EnumerateArray().Where(g => g.TryGetProperty("error", out _))
            .Select(g => $"{g.GetProperty("method").GetString()} on {g.GetProperty("data").GetString()}").Order();
        string[] skipped =
        [
            "smote-enn on breast_cancer.csv", "smote-enn on glass_jitter.csv", "smote-enn on pima_jitter.csv",
            "smote-tomek on breast_cancer.csv", "smote-tomek on glass_jitter.csv", "smote-tomek on pima_jitter.csv",
        ];
        Assert.Equal(skipped, missing);
    }
}

public class NearMissWarningTests
{
    [Fact]
    public void Version_3_warns_when_it_cannot_reach_the_count()
    {
        var data = Fixtures.Load("glass_jitter.csv", "Type").Data;
        var result = new Imbalanced.Sampling.UnderSampling.NearMiss(new() { Version = 3 }).FitResample(data);
        Assert.Contains(result.Warnings, w => w.Contains("class '1'") && w.Contains("fewer than the 9 asked"));
        Assert.Empty(new Imbalanced.Sampling.UnderSampling.NearMiss(new() { Version = 1 }).FitResample(data).Warnings);
    }
}
