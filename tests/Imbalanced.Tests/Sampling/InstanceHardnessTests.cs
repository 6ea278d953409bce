using Imbalanced.Sampling.UnderSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class InstanceHardnessTests
{
    [Fact]
    public void Percentile_is_numpys_linear_interpolation()
    {
        double[] values = [4, 1, 3, 2, 10];
        Assert.Equal(1, InstanceHardnessThreshold.Percentile(values, 0));
        Assert.Equal(10, InstanceHardnessThreshold.Percentile(values, 100));
        Assert.Equal(3, InstanceHardnessThreshold.Percentile(values, 50));
        Assert.Equal(2.4, InstanceHardnessThreshold.Percentile(values, 35), 12); // position 1.4 between 2 and 3
    }

    [Fact]
    public void The_hardest_rows_of_the_shrunk_class_go_first()
    {
        var data = Fixtures.Load("pima_jitter.csv", "diabetes").Data;
        var options = new InstanceHardnessThresholdOptions
        {
            Estimator = new Imbalanced.ModelSelection.NearestNeighborsClassifier(7),
            Seed = 2,
        };
        var result = new InstanceHardnessThreshold(options).FitResample(data);
        var probabilities = InstanceHardnessThreshold.OwnClassProbabilities(data, options.Estimator!, 5, 2);
        var neg = data.Classes.IndexOf("neg");
        var kept = result.KeptRows.ToHashSet();
        var keptNeg = data.RowsOfClass(neg).Where(kept.Contains).Select(r => probabilities[r]).ToArray();
        var droppedNeg = data.RowsOfClass(neg).Where(r => !kept.Contains(r)).Select(r => probabilities[r]).ToArray();
        Assert.NotEmpty(droppedNeg);
        Assert.True(droppedNeg.Max() < keptNeg.Min(), "every dropped row is harder than every kept row");
        Assert.InRange(keptNeg.Length, data.ClassCounts()[1], data.ClassCounts()[0]);
        Assert.Equal(data.RowsOfClass(1 - neg), data.RowsOfClass(1 - neg).Where(kept.Contains));
    }
}
