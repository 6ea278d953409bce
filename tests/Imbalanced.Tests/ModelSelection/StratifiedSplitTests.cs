using CsCheck;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.ModelSelection;

public class StratifiedSplitTests
{
    private static readonly Gen<int[]> Labels = Gen.Int[2, 4].SelectMany(k => Gen.Int[0, k - 1].Array[30, 200])
        .Where(l => Enumerable.Range(0, l.Max() + 1).All(c => l.Count(v => v == c) >= 5));

    [Fact]
    public void Every_row_is_in_exactly_one_test_fold_per_repeat_and_classes_are_proportional()
    {
        Gen.Select(Labels, Gen.Int[2, 5], Gen.Long).Sample((labels, folds, seed) =>
        {
            var splits = StratifiedSplits.RepeatedKFold(labels, folds, repeats: 2, seed);
            Assert.Equal(2 * folds, splits.Count);
            for (var r = 0; r < 2; r++)
            {
                var tests = splits.Skip(r * folds).Take(folds).SelectMany(s => s.Test).Order();
                Assert.Equal(Enumerable.Range(0, labels.Length), tests);
            }
            foreach (var split in splits)
            {
                Assert.Empty(split.Train.Intersect(split.Test));
                Assert.Equal(labels.Length, split.Train.Length + split.Test.Length);
                for (var c = 0; c <= labels.Max(); c++)
                {
                    var exact = labels.Count(v => v == c) / (double)folds;
                    Assert.True(Math.Abs(split.Test.Count(i => labels[i] == c) - exact) < 1,
                        $"class {c} off by a row or more");
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Same_seed_same_folds_and_too_small_classes_are_errors()
    {
        int[] labels = [.. Enumerable.Repeat(0, 40), .. Enumerable.Repeat(1, 7)];
        Assert.Equal(StratifiedSplits.KFold(labels, 5, true, 3).Select(s => s.Test),
            StratifiedSplits.KFold(labels, 5, true, 3).Select(s => s.Test));
        var e = Assert.Throws<DataException>(() => StratifiedSplits.KFold(labels, 8));
        Assert.Contains("7 row", e.Message);
        var split = StratifiedSplits.TrainTest(labels, 0.25, 1);
        Assert.Equal(12, split.Test.Length);
        Assert.InRange(split.Test.Count(i => labels[i] == 1), 1, 2);
    }

    [Fact]
    public void Splits_made_one_at_a_time_are_the_k_fold_splits_in_row_order_and_are_checked_at_once()
    {
        Gen.Select(Labels, Gen.Int[2, 5], Gen.Long).Sample((labels, folds, seed) =>
        {
            var whole = StratifiedSplits.KFold(labels, folds, true, seed);
            var lazy = StratifiedSplits.KFoldOneAtATime(labels, folds, true, seed, null).ToList();
            Assert.Equal(whole.Select(s => s.Train), lazy.Select(s => s.Train));
            Assert.Equal(whole.Select(s => s.Test), lazy.Select(s => s.Test));
            foreach (var split in lazy)
            {
                Assert.Equal(split.Train.Order(), split.Train);
                Assert.Equal(split.Test.Order(), split.Test);
            }
        }, iter: 50);
        int[] small = [.. Enumerable.Repeat(0, 40), .. Enumerable.Repeat(1, 7)];
        // Refused when asked for, before any split is enumerated.
        Assert.Throws<DataException>(() => StratifiedSplits.KFoldOneAtATime(small, 8, true, 0, null));
    }

    [Fact]
    public void Balanced_class_weights()
    {
        int[] labels = [0, 0, 0, 1];
        Assert.Equal([4 / 6.0, 4 / 6.0, 4 / 6.0, 2.0], ClassWeights.Balanced(labels));
        Assert.Equal([1, 1, 1, 5.0], ClassWeights.Explicit(labels, new Dictionary<int, double> { [1] = 5 }));
    }
}
