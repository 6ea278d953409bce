using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Cleaning;
using Imbalanced.Sampling.Combined;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Synthetic;

namespace Imbalanced.Tests.Sampling;

/// <summary>SMOTE-ENN and SMOTE-Tomek clean SMOTE's output read where it is (the input's rows in place, the new
/// rows in an array of their own): their results are those of ENN and Tomek links run on the over-sampled data set
/// made whole, with each neighbour engine.</summary>
public class SmoteThenCleanTests
{
    public static TheoryData<string> Engines => ["exact", "probing", "descent"];

    private static NeighborSearch Engine(string name) => name switch
    {
        "exact" => new NeighborSearch(Algorithm: NeighborAlgorithm.Exact),
        "probing" => new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
        {
            Approximate = new ApproximateOptions { Lists = 30, Probes = 3, Seed = 2 },
        },
        _ => new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
        {
            Approximate = new ApproximateOptions { Lists = 30, GraphFrom = 1, GraphWidth = 8, Seed = 2 },
        },
    };

    private static Imbalanced.Data.Dataset Data() => ClassificationGenerator.Generate(new ClassificationOptions
    {
        Rows = 1500,
        Features = 6,
        Informative = 3,
        Weights = [0.9],
        ClassSeparation = 0.5,
        Flip = 0.05,
        Seed = 6,
    });

    [Theory]
    [MemberData(nameof(Engines))]
    public void Smote_enn_keeps_what_enn_keeps_of_the_union(string engine)
    {
        var data = Data();
        var options = new SmoteThenCleanOptions { Seed = 3, Neighbors = Engine(engine) };
        var actual = new SmoteEnn(options).FitResample(data);
        var smote = Smote.FirstStepOf(options, options.KNeighbors).FitResample(data);
        var union = smote.ToDataset();
        var expected = smote.KeepOutputRows(NeighborVotes.EditedKeep(union, [0, 1], options.NNeighbors, mode: false,
            options.Neighbors));
        Same(expected, actual);
        Assert.True(actual.RowCount < union.RowCount);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Smote_tomek_keeps_what_tomek_links_keep_of_the_union(string engine)
    {
        var data = Data();
        var options = new SmoteThenCleanOptions { Seed = 3, Neighbors = Engine(engine) };
        var actual = new SmoteTomek(options).FitResample(data);
        var smote = Smote.FirstStepOf(options, options.KNeighbors).FitResample(data);
        var union = smote.ToDataset();
        var expected = smote.KeepOutputRows(TomekLinks.Keep(union, [0, 1], options.Neighbors));
        Same(expected, actual);
        Assert.True(actual.RowCount < union.RowCount);
    }

    private static void Same(ResampleResult expected, ResampleResult actual)
    {
        Assert.Equal(expected.KeptInputRows, actual.KeptInputRows);
        Assert.Equal(expected.AddedRowOrigins, actual.AddedRowOrigins);
        Assert.Equal(expected.ToDataset().NumericValues.ToArray(), actual.ToDataset().NumericValues.ToArray());
        Assert.Equal(expected.ToDataset().LabelCodes, actual.ToDataset().LabelCodes);
    }
}
