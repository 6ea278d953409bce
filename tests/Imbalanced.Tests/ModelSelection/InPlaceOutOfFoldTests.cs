using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Imbalanced.Neighbors;
using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Tests.Neighbors;

namespace Imbalanced.Tests.ModelSelection;

/// <summary>The out-of-fold loop gives a learner that fits and predicts rows in place
/// (<see cref="IInPlaceClassifier"/>: the k-nearest-neighbours classifier) the folds' rows instead of copies; the
/// pooled probabilities, and so instance hardness's choice of rows, are those of the copying loop.</summary>
public class InPlaceOutOfFoldTests
{
    /// <summary>The same classifier seen only through <see cref="IClassifier"/>: the loop copies its folds.</summary>
    private sealed class Copying(IClassifier inner) : IClassifier
    {
        public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null) => inner.Fit(train, weights);
    }

    public static TheoryData<string> Engines => ["exact", "brute-force", "approximate"];

    private static NeighborSearch Engine(string name) => name switch
    {
        "exact" => new NeighborSearch(Algorithm: NeighborAlgorithm.Exact),
        "brute-force" => new NeighborSearch(DistanceMetric.Manhattan, NeighborAlgorithm.BruteForce),
        _ => new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)
        {
            Approximate = new ApproximateOptions { Lists = 12, GraphFrom = 1, GraphWidth = 8, Seed = 3 },
        },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public void In_place_folds_give_the_copying_loops_probabilities(string engine)
    {
        const int n = 900, d = 6;
        var points = ApproximateIndexTests.Generated(n, d, seed: 4);
        var labels = Enumerable.Range(0, n).Select(i => points[i * d] + 0.3 * points[i * d + 1] > 0.4 ? "rare"
            : i % 7 == 0 ? "mid" : "common").ToArray();
        var rows = Enumerable.Range(0, n).Select(i => points[(i * d)..((i + 1) * d)]).ToArray();
        var data = Dataset.FromRows(rows, labels);
        var splits = StratifiedSplits.KFold(data.Labels, 5, true, 1, data.Classes);
        var knn = new NearestNeighborsClassifier(5, Engine(engine));

        var inPlace = OutOfFoldLoop.Probabilities(data, splits, knn);
        var copied = OutOfFoldLoop.Probabilities(data, splits, new Copying(knn));

        Assert.Equal(copied, inPlace);
        Assert.Contains(inPlace, p => p is > 0 and < 1);
        var options = new InstanceHardnessThresholdOptions { Estimator = knn, Seed = 1 };
        Assert.Equal(
            new InstanceHardnessThreshold(options with { Estimator = new Copying(knn) }).FitResample(data).KeptRows,
            new InstanceHardnessThreshold(options).FitResample(data).KeptRows);
    }
}
