using CsCheck;
using Imbalanced.Data;
using Imbalanced.Randomness;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Combined;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;
using Imbalanced.Trees;

namespace Imbalanced.Tests.Sampling;

public class SmoteIpfTests
{
    /// <summary>Two overlapping classes, so that the filter has rows to remove.</summary>
    private static Dataset Overlapping(int major, int minor, int dims, long seed)
    {
        var rng = new SeededRandom(seed);
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < major + minor; i++)
        {
            var minority = i >= major;
            rows.Add(Enumerable.Range(0, dims).Select(_ => rng.NextGaussian() + (minority ? 1.0 : 0.0)).ToArray());
            labels.Add(minority ? "min" : "maj");
        }
        return Dataset.FromRows(rows.ToArray(), labels.ToArray());
    }

    private static SmoteOptions SmoteOf(SmoteIpfOptions o) =>
        new() { Strategy = o.Strategy, Seed = o.Seed, KNeighbors = o.KNeighbors };

    /// <summary>How many trees grown on <paramref name="partitions"/> misclassify each of <paramref name="rows"/>,
    /// counted here from trees grown independently of the sampler.</summary>
    private static int[] Wrong(Dataset data, int[] rows, int[][] partitions)
    {
        var trees = partitions.Select(p => DecisionTree.Fit(data, p)).ToArray();
        return rows.Select(r => trees.Count(t => t.Predict(data.NumericRow(r)) != data.Labels[r])).ToArray();
    }

    /// <summary>Before the filter the rows are SMOTE's, and the filter only takes rows away: every new row is one
    /// SMOTE made with the same seed, on the segment from a row to one of its k nearest same-class neighbours, with
    /// SMOTE's provenance; kept input rows are input rows, in order.</summary>
    [Fact]
    public void New_rows_are_smote_rows_on_segments_to_one_of_the_k_nearest_neighbours()
    {
        Gen.Select(Gen.Int[30, 60], Gen.Int[8, 15], Gen.Int[1, 5], Gen.Int[1, 4], Gen.Long).Sample(
            (major, minor, k, dims, seed) =>
            {
                var data = Overlapping(major, minor, dims, seed);
                var options = new SmoteIpfOptions { KNeighbors = k, Seed = seed };
                var result = new SmoteIpf(options).FitResample(data);
                var smote = new Smote(SmoteOf(options)).FitResample(data);
                SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, 1, k);
                Assert.True(result.KeptRows.SequenceEqual(result.KeptRows.Order()));
                var made = Enumerable.Range(0, smote.SyntheticCount).ToDictionary(i => smote.AddedOrigins[i]);
                for (var i = 0; i < result.SyntheticCount; i++)
                {
                    Assert.True(made.TryGetValue(result.AddedOrigins[i], out var j));
                    Assert.Equal(smote.Added.NumericRow(j).ToArray(), result.Added.NumericRow(i).ToArray());
                }
                Assert.True(result.RowCount <= smote.RowCount);
            }, iter: 25);
    }

    /// <summary>What the filter removes, iteration by iteration: the partitions cover the rows present, once each,
    /// stratified (a partition's count of a class and its size differ from another's by at most one); the rows
    /// removed are exactly those that more than half of the trees grown on the partitions misclassify (counted from
    /// trees grown here); the next iteration starts from the rest; and the sampler's result is SMOTE's output cut
    /// down to the rows the last iteration left.</summary>
    [Fact]
    public void Every_removed_row_is_one_most_partition_trees_misclassified_in_its_iteration()
    {
        var removals = 0;
        Gen.Select(Gen.Int[40, 90], Gen.Int[10, 25], Gen.Int[2, 9], Gen.Int[1, 3], Gen.Long).Sample(
            (major, minor, folds, dims, seed) =>
            {
                var data = Overlapping(major, minor, dims, seed);
                var options = new SmoteIpfOptions { NFolds = folds, Seed = seed };
                var smote = new Smote(SmoteOf(options)).FitResample(data);
                var oversampled = smote.ToDataset();
                var (kept, iterations) = SmoteIpf.Filter(oversampled, options);
                var present = Enumerable.Range(0, oversampled.RowCount).ToArray();
                foreach (var it in iterations)
                {
                    Assert.Equal(present, it.Rows);
                    Assert.Equal(Math.Min(folds, present.Length), it.Partitions.Length);
                    Assert.Equal(present, it.Partitions.SelectMany(p => p).Order());
                    for (var c = 0; c < 2; c++)
                    {
                        var perPartition = it.Partitions
                            .Select(p => p.Count(r => oversampled.Labels[r] == c)).ToArray();
                        Assert.InRange(perPartition.Max() - perPartition.Min(), 0, 1);
                    }
                    Assert.InRange(it.Partitions.Max(p => p.Length) - it.Partitions.Min(p => p.Length), 0, 1);
                    var wrong = Wrong(oversampled, present, it.Partitions);
                    var expected = present.Where((_, i) => 2 * wrong[i] > it.Partitions.Length).ToArray();
                    Assert.Equal(expected, it.Removed);
                    present = present.Except(it.Removed).ToArray();
                    Interlocked.Add(ref removals, it.Removed.Length);
                }
                Assert.Equal(present, kept);
                var result = new SmoteIpf(options).FitResample(data);
                var expectedResult = smote.KeepOutputRows(kept);
                Assert.Equal(expectedResult.KeptRows, result.KeptRows);
                Assert.Equal(expectedResult.AddedOrigins, result.AddedOrigins);
                Assert.Equal(expectedResult.Added.Numeric, result.Added.Numeric);
            }, iter: 20);
        Assert.True(removals > 0, "the overlapping classes give the filter rows to remove");
    }

    /// <summary>The stopping rule: the filter stops at the first iteration that completes a run of k consecutive
    /// iterations each removing fewer than p × (rows of SMOTE's output), or at max_iter, or when no row is left;
    /// never earlier.</summary>
    [Fact]
    public void The_filter_stops_after_k_quiet_iterations_or_max_iter()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Double[0, 0.2], Gen.Int[1, 12], Gen.Int[2, 6], Gen.Long).Sample(
            (k, p, maxIter, folds, seed) =>
            {
                var data = new Smote(new SmoteOptions { Seed = seed })
                    .FitResample(Overlapping(60, 15, 2, seed)).ToDataset();
                var options = new SmoteIpfOptions
                {
                    StopIterations = k,
                    StopFraction = p,
                    MaxIterations = maxIter,
                    NFolds = folds,
                    Seed = seed,
                };
                var (kept, iterations) = SmoteIpf.Filter(data, options);
                var quiet = iterations.Select(it => it.Removed.Length < p * data.RowCount).ToArray();
                int RunEndingAt(int i)
                {
                    var run = 0;
                    while (i - run >= 0 && quiet[i - run]) run++;
                    return run;
                }
                Assert.InRange(iterations.Count, 1, maxIter);
                for (var i = 0; i < iterations.Count - 1; i++) Assert.True(RunEndingAt(i) < k, $"went on after {i}");
                var last = iterations.Count - 1;
                Assert.True(RunEndingAt(last) >= k || iterations.Count == maxIter || kept.Length == 0);
            }, iter: 40);
    }

    /// <summary>Consensus: a row is removed only when every tree misclassifies it. A fully grown tree fits its own
    /// partition's distinct rows, so on data whose rows are all distinct consensus removes nothing, and the filter
    /// stops after k iterations with the result SMOTE's.</summary>
    [Fact]
    public void Consensus_removes_only_rows_every_tree_misclassifies_so_nothing_from_distinct_rows()
    {
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            var data = Overlapping(70, 20, 2, seed);
            var options = new SmoteIpfOptions { Voting = IpfVoting.Consensus, Seed = seed };
            var oversampled = new Smote(SmoteOf(options)).FitResample(data).ToDataset();
            var (kept, iterations) = SmoteIpf.Filter(oversampled, options);
            Assert.Equal(3, iterations.Count);
            Assert.All(iterations, it => Assert.Empty(it.Removed));
            Assert.Equal(oversampled.RowCount, kept.Length);
            var majority = SmoteIpf.Filter(oversampled, options with { Voting = IpfVoting.Majority });
            Assert.NotEmpty(majority.Iterations[0].Removed); // the same data gives majority voting work to do
        }
        // Identical rows of two classes: the tree holding them cannot tell them apart either, so all trees
        // misclassify the rows of the class that loses the vote, and consensus removes those, and nothing else.
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add([i % 2 == 0 ? -5 - i : 5 + i, i]);
            labels.Add(i % 2 == 0 ? "a" : "b");
        }
        for (var i = 0; i < 9; i++)
        {
            rows.Add([0, 0]);
            labels.Add(i < 6 ? "a" : "b"); // 6 'a' and 3 'b' on one point
        }
        var twins = Dataset.FromRows(rows.ToArray(), labels.ToArray());
        var all = Enumerable.Range(0, twins.RowCount).ToArray();
        var partitions = Enumerable.Range(0, 3).Select(f => all.Where(r => r % 3 == f).ToArray()).ToArray();
        var removed = SmoteIpf.Misclassified(twins, all, partitions, IpfVoting.Consensus, 1);
        var wrong = Wrong(twins, all, partitions);
        Assert.Equal(all.Where((_, i) => wrong[i] == 3), removed);
        Assert.Equal([46, 47, 48], removed);
    }

    /// <summary>Noise the filter exists for: rows labelled 'maj' deep inside a tight, far 'min' cluster are
    /// misclassified by every tree that did not see them, so majority voting removes them in the first iteration.
    /// </summary>
    [Fact]
    public void Label_noise_inside_the_other_class_is_removed()
    {
        var rng = new SeededRandom(8);
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            rows.Add([20 + rng.NextGaussian(), 20 + rng.NextGaussian()]);
            labels.Add("maj");
        }
        for (var i = 0; i < 30; i++)
        {
            rows.Add([rng.NextGaussian(), rng.NextGaussian()]);
            labels.Add("min");
        }
        int[] noise = [110, 111, 112];
        foreach (var (x, y) in new[] { (0.1, -0.2), (-0.3, 0.25), (0.2, 0.4) })
        {
            rows.Add([x, y]);
            labels.Add("maj");
        }
        var data = Dataset.FromRows(rows.ToArray(), labels.ToArray());
        var result = new SmoteIpf(new SmoteIpfOptions { Seed = 4 }).FitResample(data);
        Assert.All(noise, r => Assert.DoesNotContain(r, result.KeptRows));
        Assert.All(Enumerable.Range(0, 80), r => Assert.Contains(r, result.KeptRows));
    }

    /// <summary>The deliberate difference from smote_variants, and why: it grows each tree on the other
    /// n_folds − 1 partitions (a cross-validation training part). A fully grown tree fits the distinct rows it saw,
    /// so every row is misclassified by at most one of those trees and majority voting never removes a row: there,
    /// SMOTE-IPF is SMOTE. Grown on each partition, as the paper says and as SmoteIpf does, the trees do remove
    /// rows, input rows of both classes among them.</summary>
    [Fact]
    public void Trees_on_training_parts_as_smote_variants_remove_nothing_trees_on_partitions_as_the_paper_do()
    {
        var data = Overlapping(80, 20, 2, 11);
        var options = new SmoteIpfOptions { Seed = 3 };
        var oversampled = new Smote(SmoteOf(options)).FitResample(data).ToDataset();
        var all = Enumerable.Range(0, oversampled.RowCount).ToArray();
        var (_, iterations) = SmoteIpf.Filter(oversampled, options);
        var partitions = iterations[0].Partitions;
        var trainingParts = partitions.Select(p => all.Except(p).ToArray()).ToArray();
        Assert.Empty(SmoteIpf.Misclassified(oversampled, all, trainingParts, IpfVoting.Majority, 1));
        Assert.NotEmpty(SmoteIpf.Misclassified(oversampled, all, partitions, IpfVoting.Majority, 1));

        var result = new SmoteIpf(options).FitResample(data);
        var removed = Enumerable.Range(0, data.RowCount).Except(result.KeptRows).ToArray();
        Assert.Contains(removed, r => data.Labels[r] == 0);
        Assert.Contains(removed, r => data.Labels[r] == 1);
    }

    /// <summary>max_iter = 1 runs a single iteration, whatever k and p say.</summary>
    [Fact]
    public void Max_iter_bounds_the_iterations()
    {
        var data = new Smote().FitResample(Overlapping(60, 15, 2, 3)).ToDataset();
        var (_, one) = SmoteIpf.Filter(data, new SmoteIpfOptions { MaxIterations = 1, StopFraction = 0 });
        Assert.Single(one);
        var (_, five) = SmoteIpf.Filter(data, new SmoteIpfOptions { MaxIterations = 5, StopFraction = 0 });
        Assert.Equal(5, five.Count); // p = 0: no iteration is quiet, so only max_iter stops it
    }

    [Fact]
    public void Same_seed_same_rows_other_seed_other_rows()
    {
        var data = Overlapping(60, 15, 3, 5);
        var a = new SmoteIpf(new SmoteIpfOptions { Seed = 1 }).FitResample(data);
        var b = new SmoteIpf(new SmoteIpfOptions { Seed = 1 }).FitResample(data);
        Assert.Equal(a.KeptRows, b.KeptRows);
        SegmentChecks.SameAdded(a, b);
        var other = new SmoteIpf(new SmoteIpfOptions { Seed = 2 }).FitResample(data);
        Assert.NotEqual(a.Added.Numeric, other.Added.Numeric);
    }

    [Theory]
    [InlineData(nameof(SmoteIpfOptions.NFolds))]
    [InlineData(nameof(SmoteIpfOptions.StopIterations))]
    [InlineData(nameof(SmoteIpfOptions.StopFraction))]
    [InlineData(nameof(SmoteIpfOptions.MaxIterations))]
    [InlineData(nameof(SmoteIpfOptions.Voting))]
    public void Out_of_range_options_are_refused_naming_the_option(string property)
    {
        var options = property switch
        {
            nameof(SmoteIpfOptions.NFolds) => new SmoteIpfOptions { NFolds = 1 },
            nameof(SmoteIpfOptions.StopIterations) => new SmoteIpfOptions { StopIterations = 0 },
            nameof(SmoteIpfOptions.StopFraction) => new SmoteIpfOptions { StopFraction = 1.5 },
            nameof(SmoteIpfOptions.MaxIterations) => new SmoteIpfOptions { MaxIterations = 0 },
            _ => new SmoteIpfOptions { Voting = (IpfVoting)7 },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SmoteIpf(options).FitResample(TestData.Binary()));
        Assert.Equal(property, e.ParamName);
        Assert.StartsWith(property + " must be", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SmoteIpf(new SmoteIpfOptions { StopFraction = double.NaN }).FitResample(TestData.Binary()));
    }

    [Fact]
    public void Registered_with_its_parameters_and_defaults()
    {
        var info = SamplerRegistry.Find("smote-ipf")!;
        Assert.Equal(SamplerKind.Combined, info.Kind);
        Assert.False(info.CountsAreExact);
        Assert.Equal(["k_neighbors", "n_folds", "stop_iterations", "stop_fraction", "voting", "max_iter"],
            info.Parameters.Select(p => p.Name));
        Assert.Equal([5, 9, 3, 0.01, IpfVoting.Majority, 100], info.Parameters.Select(p => p.Default));
    }
}
