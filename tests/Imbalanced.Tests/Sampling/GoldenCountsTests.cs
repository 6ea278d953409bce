using System.Text.Json;
using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>Class counts after resampling equal imbalanced-learn's on the committed data sets.</summary>
public class GoldenCountsTests
{
    public static TheoryData<int> Cases() => CasesWhere(g => !RefusesMinority(g));

    /// <summary>Cases imbalanced-learn 0.10.0 refused: its parameter validation rejects 'minority' for every sampler
    /// although check_sampling_strategy defines it for over-samplers (fixed in 0.10.1); this project follows the
    /// definition, so these have no reference counts and are checked against the definition instead.</summary>
    public static TheoryData<int> RefusedMinorityCases() => CasesWhere(RefusesMinority);

    private static bool RefusesMinority(JsonElement g) =>
        g.TryGetProperty("error", out var error) && error.GetString()!.Contains("InvalidParameterError")
        && g.GetProperty("strategy").GetString() == "minority";

    private static TheoryData<int> CasesWhere(Func<JsonElement, bool> keep)
    {
        var data = new TheoryData<int>();
        var golden = Fixtures.Golden("counts");
        for (var i = 0; i < golden.GetArrayLength(); i++)
            if (keep(golden[i])) data.Add(i);
        return data;
    }

    [Fact]
    public void Every_method_in_the_fixture_is_registered()
    {
        // A method missing from the registry fails here rather than dropping its cases.
        var methods = Fixtures.Golden("counts").EnumerateArray().Select(g => g.GetProperty("method").GetString()!);
        Assert.All(methods.Distinct(), m => Assert.NotNull(SamplerRegistry.Find(m)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Counts_after_resampling_equal_imbalanced_learn(int index)
    {
        var g = Fixtures.Golden("counts")[index];
        var (data, sampler) = Case(g);
        if (g.TryGetProperty("error", out _))
        {
            Assert.ThrowsAny<DataException>(() => sampler.FitResample(data));
            return;
        }
        var after = sampler.FitResample(data).ClassCounts();
        var expected = g.GetProperty("counts_after").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(expected.Count, after.Length);
        foreach (var (label, count) in expected) Assert.Equal(count, after[data.Classes.IndexOf(label)]);
    }

    [Theory]
    [MemberData(nameof(RefusedMinorityCases))]
    public void Minority_strategy_follows_its_definition_where_imbalanced_learn_0_10_0_refused_it(int index)
    {
        var g = Fixtures.Golden("counts")[index];
        var (data, sampler) = Case(g);
        var before = data.ClassCounts();
        // check_sampling_strategy's 'minority': over-sampling grows the minority class to the majority's count;
        // under-sampling refuses it (NotImplementedError), as this project does.
        if (SamplerRegistry.Find(g.GetProperty("method").GetString()!)!.Kind != SamplerKind.Over)
        {
            Assert.Contains("'minority'", Assert.ThrowsAny<DataException>(() => sampler.FitResample(data)).Message);
            return;
        }
        var minority = ClassCounting.Minority(before);
        var expected = before.Select((n, c) => c == minority ? before.Max() : n);
        Assert.Equal(expected, sampler.FitResample(data).ClassCounts());
    }

    private static (Dataset Data, ISampler Sampler) Case(JsonElement g)
    {
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var strategy = SamplingStrategy.Parse(g.GetProperty("strategy").GetString()!);
        var settings = new SamplerSettings { Strategy = strategy, Seed = 0 };
        if (g.TryGetProperty("params", out var parameters))
            foreach (var p in parameters.EnumerateObject())
            {
                var value = int.Parse(p.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                settings = p.Name switch
                {
                    "k_neighbors" => settings with { KNeighbors = value },
                    "m_neighbors" => settings with { MNeighbors = value },
                    "n_neighbors" => settings with { NNeighbors = value },
                    _ => throw new InvalidOperationException($"no setting for {p.Name}"),
                };
            }
        var method = g.GetProperty("method").GetString()!;
        var info = SamplerRegistry.Find(method) ?? throw new Xunit.Sdk.XunitException($"'{method}' is not registered");
        return (data, info.Create(settings));
    }
}
