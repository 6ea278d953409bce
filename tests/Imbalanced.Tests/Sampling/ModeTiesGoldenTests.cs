using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>Tied 'mode' votes among three or more classes break as imbalanced-learn 0.10 on SciPy 1.10 breaks them:
/// string labels to the tied label met first in neighbour order, numeric labels to the smallest.</summary>
public class ModeTiesGoldenTests
{
    public static TheoryData<int> Cases() => Fixtures.GoldenCases("mode_ties");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kept_rows_equal_imbalanced_learn_with_tied_votes(int index)
    {
        var g = Fixtures.Golden("mode_ties")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var settings = new SamplerSettings { KindSel = "mode" };
        foreach (var p in g.GetProperty("params").EnumerateObject())
        {
            var v = p.Value.GetString()!;
            settings = p.Name switch
            {
                "n_neighbors" => settings with { NNeighbors = int.Parse(v, CultureInfo.InvariantCulture) },
                "allow_minority" => settings with { AllowMinority = v == "true" },
                _ => throw new InvalidOperationException(p.Name),
            };
        }
        var result = SamplerRegistry.Find(g.GetProperty("method").GetString()!)!.Create(settings).FitResample(data);
        Assert.Equal(g.GetProperty("sample_indices").EnumerateArray().Select(v => v.GetInt32()), result.KeptRows);
    }

    [Fact]
    public void The_fixture_tells_the_two_tie_rules_apart()
    {
        // Otherwise the golden cases above could pass with either rule.
        foreach (var data in new[] { "mode_ties_text.csv", "mode_ties_numeric.csv" })
        {
            var differing = Fixtures.Golden("mode_ties").EnumerateArray()
                .Where(g => g.GetProperty("data").GetString() == data)
                .Count(g => !g.GetProperty("sample_indices").EnumerateArray().Select(v => v.GetInt32())
                    .SequenceEqual(g.GetProperty("other_rule").EnumerateArray().Select(v => v.GetInt32())));
            Assert.True(differing >= 3, $"{data}: {differing}");
        }
    }

    [Theory]
    [InlineData(new[] { "c", "a", "b" }, "c")]
    [InlineData(new[] { "b", "c", "a", "a", "c" }, "c")]
    [InlineData(new[] { "3", "1", "2" }, "1")]
    [InlineData(new[] { "10", "7", "7", "10", "2" }, "7")]
    [InlineData(new[] { "b", "a", "a" }, "a")]
    public void Mode_breaks_ties_by_neighbor_order_for_text_and_by_value_for_numbers(string[] labels, string expected)
    {
        // One row per label; the neighbours are rows 0, 1, 2, … in that order, nearest first.
        var data = Dataset.FromRows(labels.Select((_, i) => new double[] { i }).ToArray(), labels);
        var neighbors = Enumerable.Range(0, labels.Length).ToArray();
        var mode = NeighborVotes.Mode(data, neighbors, new int[data.Classes.Count]);
        Assert.Equal(expected, data.Classes[mode]);
    }
}
