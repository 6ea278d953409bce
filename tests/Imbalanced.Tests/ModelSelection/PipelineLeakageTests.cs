using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.ModelSelection;

/// <summary>Proves that resampling in cross-validation only ever sees training rows.</summary>
public class PipelineLeakageTests
{
    /// <summary>A sampler that records exactly what it is given, then runs SMOTE.</summary>
    private sealed class SpySampler : ISampler
    {
        public List<Dataset> Seen { get; } = [];

        public ResampleResult FitResample(Dataset data)
        {
            Seen.Add(data);
            return new Smote(new SmoteOptions { KNeighbors = 3, Seed = 1 }).FitResample(data);
        }
    }

    [Fact]
    public void No_test_fold_row_reaches_the_sampler_and_test_folds_are_scored_untouched()
    {
        // Feature 0 is a unique row id, so any row the sampler sees can be traced back.
        var blobs = TestData.Binary(120, 24, dims: 3, seed: 4);
        var ids = Enumerable.Range(0, blobs.RowCount)
            .Select(i => new[] { (double)i }.Concat(blobs.NumericRow(i).ToArray()).ToArray())
            .ToArray();
        var data = Dataset.FromRows(ids, blobs.Labels.Select(l => blobs.Classes[l]).ToArray());
        var spy = new SpySampler();
        var pipeline = new ResamplingPipeline(spy, new NearestNeighborsClassifier(5));
        var splits = StratifiedSplits.KFold(data.Labels, 4, true, 2);
        var results = CrossValidation.Run(pipeline, data, splits);
        Assert.Equal(4, spy.Seen.Count);
        for (var f = 0; f < splits.Count; f++)
        {
            var seenIds = Enumerable.Range(0, spy.Seen[f].RowCount)
                .Select(i => (int)spy.Seen[f].NumericRow(i)[0]).ToArray();
            Assert.Equal(splits[f].Train, seenIds); // exactly the training rows, nothing else, nothing derived
            Assert.Empty(seenIds.Intersect(splits[f].Test));
            Assert.Equal(splits[f].Test.Length, results[f].Evaluation.Support); // every test row scored, none added
        }
    }

    [Fact]
    public void Predicting_never_resamples()
    {
        var data = TestData.Binary();
        var spy = new SpySampler();
        var model = new ResamplingPipeline(spy, new NearestNeighborsClassifier()).Fit(data);
        model.PredictProbabilities(data);
        model.PredictProbabilities(data);
        Assert.Single(spy.Seen);
    }
}
