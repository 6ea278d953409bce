namespace Imbalanced.Tests.Support;

/// <summary>The golden fixture holds every case the golden tests expect: the theories run each case the fixture
/// holds, so a case lost when golden.json is regenerated fails here instead of going unnoticed.</summary>
public class GoldenFixtureTests
{
    public static TheoryData<string, int> Sections() => new()
    {
        { "neighbors", 5 }, { "strategy", 114 }, { "counts", 126 }, { "danger", 6 }, { "sparsity", 3 },
        { "svm", 3 }, { "kept", 36 }, { "condensed", 6 }, { "ncr", 2 }, { "metrics", 4 }, { "mode_ties", 10 },
        { "combined", 6 },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_fixture_holds_every_expected_case(string section, int cases) =>
        Assert.Equal(cases, Fixtures.Golden(section).GetArrayLength());

    [Fact]
    public void Every_section_of_cases_is_counted_above()
    {
        using var golden = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Fixtures.Path("golden.json")));
        var lists = golden.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Array).Select(p => p.Name).Order();
        Assert.Equal(Sections().Select(row => (string)row[0]).Order(), lists);
    }
}
