using Imbalanced.Svm;
using Imbalanced.Synthetic;
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

    /// <summary>Rows of Q and the gradient found in parts on several threads (more rows than one part): the support
    /// vectors of the single-threaded solver.</summary>
    [Fact]
    public void Support_vectors_are_the_same_whatever_the_thread_count()
    {
        var data = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = 9000,
            Features = 5,
            Weights = [0.9],
            Seed = 3,
        });
        var one = SupportVectors.OneVersusRest(data, 1, threads: 1);
        Assert.NotEmpty(one);
        Assert.Equal(one, SupportVectors.OneVersusRest(data, 1, threads: 2));
        Assert.Equal(one, SupportVectors.OneVersusRest(data, 1, threads: 3));
    }
}
