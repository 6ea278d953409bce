using CsCheck;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class LeeTests
{
    /// <summary>The fraction of the k nearest input rows of <paramref name="point"/> that are not of class c.</summary>
    private static double OtherFraction(Dataset data, ReadOnlySpan<double> point, int c, int k)
    {
        var judges = NeighborSearch.Default.Build(data.Numeric, data.RowCount, data.NumericCount)
            .Query(point.ToArray(), k);
        return judges.IndicesOf(0).ToArray().Count(j => data.Labels[j] != c) / (double)k;
    }

    /// <summary>New rows are SMOTE rows: on the segment from a row to one of its k nearest same-class neighbours.
    /// </summary>
    [Fact]
    public void New_rows_lie_between_a_row_and_one_of_its_k_nearest_same_class_neighbors()
    {
        Gen.Select(Gen.Int[20, 60], Gen.Int[8, 15], Gen.Int[1, 5], Gen.Int[1, 4], Gen.Long).Sample(
            (major, minor, k, dims, seed) =>
            {
                var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
                var result = new Lee(new LeeOptions { KNeighbors = k, Seed = seed }).FitResample(data);
                Assert.Equal(major - minor, result.SyntheticCount);
                SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, k);
            }, iter: 30);
    }

    /// <summary>Where the level never has to rise (well separated classes), every kept row has fewer than the
    /// rejection level's share of other-class rows among its k nearest input rows.</summary>
    [Fact]
    public void Kept_rows_have_a_neighbourhood_below_the_rejection_level()
    {
        foreach (var level in new[] { 0.3, 0.5, 0.7 })
        {
            var data = TestData.Blobs([80, 20], ["maj", "min"], 2, 4);
            var result = new Lee(new LeeOptions { KNeighbors = 5, RejectionLevel = level, Seed = 2 })
                .FitResample(data);
            Assert.Equal(60, result.SyntheticCount);
            for (var i = 0; i < result.Added.RowCount; i++)
                Assert.True(OtherFraction(data, result.Added.NumericRow(i), 1, 5) < level);
        }
    }

    /// <summary>What is rejected: the first batch of candidates is exactly SMOTE's rows with the same seed (the same
    /// draws), so Lee's new rows begin with those SMOTE rows whose neighbourhood is below the rejection level, in
    /// order, and no SMOTE row above it.</summary>
    [Fact]
    public void The_first_batch_keeps_exactly_the_smote_rows_below_the_rejection_level()
    {
        var data = TestData.Blobs([90, 15], ["maj", "min"], 2, 9);
        var smote = new Smote(new SmoteOptions { KNeighbors = 5, Seed = 5 }).FitResample(data);
        var lee = new Lee(new LeeOptions { KNeighbors = 5, Seed = 5 }).FitResample(data);
        var passing = Enumerable.Range(0, smote.SyntheticCount)
            .Where(i => OtherFraction(data, smote.Added.NumericRow(i), 1, 5) < 0.5).ToArray();
        Assert.InRange(passing.Length, 1, smote.SyntheticCount - 1); // the data makes the rule bite
        for (var r = 0; r < passing.Length; r++)
        {
            Assert.Equal(smote.AddedRowOrigins[passing[r]], lee.AddedRowOrigins[r]);
            Assert.Equal(smote.Added.NumericRow(passing[r]).ToArray(), lee.Added.NumericRow(r).ToArray());
        }
        Assert.Equal(75, lee.SyntheticCount);
    }

    /// <summary>A level of 0 rejects every candidate at first; the level rises until rows are kept, so the method
    /// ends with the strategy's counts.</summary>
    [Fact]
    public void A_level_that_rejects_everything_rises_until_the_counts_are_reached()
    {
        var data = TestData.ThreeClasses();
        var result = new Lee(new LeeOptions { RejectionLevel = 0, Seed = 1 }).FitResample(data);
        Assert.Equal([50, 50, 50], result.ClassCounts());
        SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, 5);
        SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 2, 5);
    }

    /// <summary>Candidates are judged a chunk at a time; the chunk's size changes nothing (here chunks of 7, with
    /// rejected candidates and a rising level, against one chunk per batch).</summary>
    [Fact]
    public void Judging_candidates_in_small_chunks_makes_the_same_rows()
    {
        foreach (var data in new[] { TestData.ThreeClasses(), TestData.Blobs([90, 15], ["maj", "min"], 2, 9) })
        {
            var options = new LeeOptions { KNeighbors = 5, RejectionLevel = 0.2, Seed = 3 };
            var whole = new Lee(options).FitResample(data);
            var chunked = new Lee(options) { JudgedAtOnce = 7 }.FitResample(data);
            Assert.True(whole.SyntheticCount > 7);
            SegmentChecks.SameAdded(whole, chunked);
        }
    }

    [Fact]
    public void Same_seed_same_rows_other_seed_other_rows()
    {
        var data = TestData.Binary();
        var a = new Lee(new LeeOptions { Seed = 1 }).FitResample(data);
        SegmentChecks.SameAdded(a, new Lee(new LeeOptions { Seed = 1 }).FitResample(data));
        Assert.NotEqual(a.Added.Numeric, new Lee(new LeeOptions { Seed = 2 }).FitResample(data).Added.Numeric);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Rejection_level_outside_0_1_is_refused(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Lee(new LeeOptions { RejectionLevel = level }).FitResample(TestData.Binary()));
        Assert.Equal(nameof(LeeOptions.RejectionLevel), e.ParamName);
    }

    [Fact]
    public void Registered_with_its_parameters_and_defaults()
    {
        var info = SamplerRegistry.Find("lee")!;
        Assert.Equal(SamplerKind.Over, info.Kind);
        Assert.Equal(["k_neighbors", "rejection_level"], info.Parameters.Select(p => p.Name));
        Assert.Equal([5, 0.5], info.Parameters.Select(p => p.Default));
    }
}
