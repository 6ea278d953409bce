using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>Strategy resolution equals imbalanced-learn's <c>check_sampling_strategy</c>, errors included.</summary>
public class SamplingStrategyTests
{
    public static TheoryData<int> GoldenCases() => Fixtures.GoldenCases("strategy");

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Resolves_as_imbalanced_learn(int index)
    {
        var g = Fixtures.Golden("strategy")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var type = g.GetProperty("kind").GetString() switch
        {
            "over" => SamplingType.OverSampling,
            "under" => SamplingType.UnderSampling,
            _ => SamplingType.CleanSampling,
        };
        var text = g.GetProperty("strategy").GetString()!;
        if (g.TryGetProperty("error", out _))
        {
            Assert.ThrowsAny<Exception>(() =>
                SamplingStrategy.Parse(text).Resolve(data.ClassCounts(), data.Classes, type));
            return;
        }
        var resolved = SamplingStrategy.Parse(text).Resolve(data.ClassCounts(), data.Classes, type);
        var expected = g.GetProperty("sampling_strategy").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal),
            resolved.Select(kv => KeyValuePair.Create(data.Classes[kv.Key], kv.Value))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static readonly Dataset ThreeClasses = TestData.Blobs([30, 12, 5], ["x", "y", "z"]);

    [Fact]
    public void Errors_name_the_class_and_the_count()
    {
        var counts = ThreeClasses.ClassCounts();
        var e = Assert.Throws<DataException>(() =>
            SamplingStrategy.Parse("y=5").Resolve(counts, ThreeClasses.Classes, SamplingType.OverSampling));
        Assert.Contains("'y'", e.Message);
        Assert.Contains("12", e.Message);
        e = Assert.Throws<DataException>(() =>
            SamplingStrategy.Parse("x=31").Resolve(counts, ThreeClasses.Classes, SamplingType.UnderSampling));
        Assert.Contains("'x'", e.Message);
        Assert.Contains("30", e.Message);
        e = Assert.Throws<DataException>(() =>
            SamplingStrategy.Parse("w=3").Resolve(counts, ThreeClasses.Classes, SamplingType.UnderSampling));
        Assert.Contains("'w'", e.Message);
        Assert.Throws<DataException>(() =>
            SamplingStrategy.Ratio(0.5).Resolve(counts, ThreeClasses.Classes, SamplingType.OverSampling));
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingStrategy.Ratio(1.5));
    }

    [Fact]
    public void A_function_strategy_is_read_as_a_dictionary()
    {
        var strategy = SamplingStrategy.Function(counts =>
            counts.ToDictionary(kv => kv.Key, kv => Math.Max(kv.Value, 20)));
        var resolved = strategy.Resolve(ThreeClasses.ClassCounts(), ThreeClasses.Classes, SamplingType.OverSampling);
        Assert.Equal(new Dictionary<int, int> { [0] = 0, [1] = 8, [2] = 15 }, resolved);
    }

    [Fact]
    public void Ties_go_to_the_first_class_in_class_order()
    {
        var data = TestData.Blobs([10, 10, 4, 4], new[] { "10", "9", "b1", "b2" });
        // Labels are not all numbers, so class order is ordinal: "10" < "9" < "b1" < "b2".
        var over = SamplingStrategy.Minority.Resolve(data.ClassCounts(), data.Classes, SamplingType.OverSampling);
        Assert.Equal("b1", data.Classes[over.Keys.Single()]);
        var under = SamplingStrategy.Majority.Resolve(data.ClassCounts(), data.Classes, SamplingType.UnderSampling);
        Assert.Equal("10", data.Classes[under.Keys.Single()]);
    }

    [Fact]
    public void Parse_reads_every_command_line_form()
    {
        Assert.Same(SamplingStrategy.NotMinority, SamplingStrategy.Parse("not-minority"));
        Assert.Same(SamplingStrategy.NotMajority, SamplingStrategy.Parse("not majority"));
        Assert.Equal("0.5", SamplingStrategy.Parse("0.5").ToString());
        Assert.Equal("a=3,b=4", SamplingStrategy.Parse("a=3,b=4").ToString());
        Assert.Equal("a,b", SamplingStrategy.Parse("a,b").ToString());
        Assert.Throws<FormatException>(() => SamplingStrategy.Parse("a=x"));
    }

    /// <summary>Labels are strings exactly as written, commas included: such a label is written in double quotes
    /// (a quote inside doubled), as a CSV field would be.</summary>
    [Fact]
    public void A_label_holding_a_comma_or_an_equals_sign_is_written_in_quotes()
    {
        var data = TestData.Blobs([30, 12, 5], ["bad, really", "good \"one\"", "a=b"]);
        var counts = data.ClassCounts();
        var over = SamplingStrategy.Parse("\"bad, really\"=40,\"good \"\"one\"\"\"=20,a=b=9")
            .Resolve(counts, data.Classes, SamplingType.OverSampling);
        Assert.Equal(10, over[data.Classes.IndexOf("bad, really")]);
        Assert.Equal(8, over[data.Classes.IndexOf("good \"one\"")]);
        Assert.Equal(4, over[data.Classes.IndexOf("a=b")]);
        var clean = SamplingStrategy.Parse("\"bad, really\",\"a=b\"")
            .Resolve(counts, data.Classes, SamplingType.CleanSampling);
        Assert.Equal(["a=b", "bad, really"], clean.Keys.Select(c => data.Classes[c]).Order(StringComparer.Ordinal));
    }

    /// <summary>A bare number given to a cleaning method is a ratio, which it does not take; when a class has that
    /// label the message says how to name it (quoted), and the quoted form cleans it.</summary>
    [Fact]
    public void A_number_meant_as_a_class_to_clean_gets_the_quoted_form()
    {
        var data = Dataset.FromRows([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]], new[] { 1, 1, 1, 2, 2, 3 });
        var error = Assert.Throws<DataException>(() =>
            SamplingStrategy.Parse("1").Resolve(data.ClassCounts(), data.Classes, SamplingType.CleanSampling));
        Assert.Contains("to clean class '1', name it in double quotes, \"1\"", error.Message);
        var cleaned = SamplingStrategy.Parse("\"1\"").Resolve(data.ClassCounts(), data.Classes,
            SamplingType.CleanSampling);
        Assert.Equal([data.Classes.IndexOf("1")], cleaned.Keys);
    }
}
