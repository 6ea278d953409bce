using System.Globalization;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Combined;
using Imbalanced.Sampling.OverSampling;
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
            Assert.Equal(g.GetProperty("sample_indices").EnumerateArray().Select(v => v.GetInt32()).Order(),
                result.KeptRows);
    }
}

/// <summary>SMOTE-Tomek and SMOTE-ENN clean SMOTE's output as imbalanced-learn's <c>SMOTETomek</c> and
/// <c>SMOTEENN</c> do (TomekLinks / EditedNearestNeighbours with <c>sampling_strategy='all'</c>). Our SMOTE draws
/// from another generator than numpy's, so the fixture holds imbalanced-learn's cleaning of our SMOTE's output
/// (make_golden.py, section "combined"), and the combined sampler's output must be exactly those rows of it.</summary>
public class GoldenCombinedTests
{
    public static TheoryData<int> Cases() => Fixtures.GoldenCases("combined");

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_cleaning_keeps_the_rows_imbalanced_learn_keeps(int index)
    {
        var g = Fixtures.Golden("combined")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var smote = new Smote().FitResample(data).ToDataset();
        // The fixture cleaned this SMOTE output: same rows and values (summed in another order, hence the tolerance).
        Assert.Equal(g.GetProperty("smote_rows").GetInt32(), smote.RowCount);
        var sum = g.GetProperty("smote_sum").GetDouble();
        Assert.Equal(sum, smote.NumericValues.ToArray().Sum(), Math.Abs(sum) * 1e-12);

        ISampler combined = g.GetProperty("method").GetString() == "smote-enn" ? new SmoteEnn() : new SmoteTomek();
        var result = combined.FitResample(data).ToDataset();

        var expected = smote.Select(g.GetProperty("sample_indices").EnumerateArray().Select(v => v.GetInt32())
            .ToArray());
        Assert.True(expected.RowCount < smote.RowCount, "the case must remove rows to test anything");
        Assert.Equal(expected.LabelCodes, result.LabelCodes);
        Assert.Equal(expected.NumericValues.ToArray(), result.NumericValues.ToArray());
    }
}
