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
        var (rows, converged) =
            SupportVectors.OneVersusRest(data, data.Classes.IndexOf(g.GetProperty("class").GetString()!));
        Assert.Equal(expected, rows);
        Assert.True(converged);
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
        var one = SupportVectors.OneVersusRest(data, 1, threads: 1).Rows;
        Assert.NotEmpty(one);
        Assert.Equal(one, SupportVectors.OneVersusRest(data, 1, threads: 2).Rows);
        Assert.Equal(one, SupportVectors.OneVersusRest(data, 1, threads: 3).Rows);
    }

    /// <summary>An iteration limit below what the solver needs stops it unconverged, with fewer support vectors
    /// (scikit-learn's <c>SVC(max_iter=…)</c>, which warns); a limit above gives the converged answer.</summary>
    [Fact]
    public void An_iteration_limit_stops_the_solver_unconverged()
    {
        var data = Fixtures.Load("pima_jitter.csv", "diabetes").Data;
        var pos = data.Classes.IndexOf("pos");
        var full = SupportVectors.OneVersusRest(data, pos);
        Assert.True(full.Converged);
        var cut = SupportVectors.OneVersusRest(data, pos, maxIterations: 20);
        Assert.False(cut.Converged);
        Assert.InRange(cut.Rows.Length, 1, 40);
        Assert.True(cut.Rows.Length < full.Rows.Length);
        var ample = SupportVectors.OneVersusRest(data, pos, maxIterations: 10_000_000);
        Assert.True(ample.Converged);
        Assert.Equal(full.Rows, ample.Rows);
    }
}
