using Imbalanced.Svm;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Svm;

public class SupportVectorTests
{
    public static TheoryData<int> Cases() => Fixtures.GoldenCases("svm");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Support_vectors_equal_scikit_learns(int index)
    {
        var g = Fixtures.Golden("svm")[index];
        var data = Fixtures.Load(g.GetProperty("data").GetString()!, g.GetProperty("target").GetString()!).Data;
        var expected = g.GetProperty("support").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(expected,
            SupportVectors.OneVersusRest(data, data.Classes.IndexOf(g.GetProperty("class").GetString()!)));
    }
}
