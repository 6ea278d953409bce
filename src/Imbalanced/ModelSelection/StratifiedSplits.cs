using Imbalanced.Randomness;

namespace Imbalanced.ModelSelection;

/// <summary>
/// Stratified splitting: every class is spread over the parts in proportion, so that a rare class appears in every
/// fold. Each class's rows are shuffled (seeded) and dealt out; a fold's count of a class differs from the exact
/// proportion by less than one row.
/// </summary>
public static class StratifiedSplits
{
    /// <summary>A stratified train/test split with <paramref name="testFraction"/> of each class (rounded so that the
    /// total test size is <c>ceil(fraction · n)</c>, as scikit-learn) in the test part.</summary>
    public static Split TrainTest(IReadOnlyList<int> labels, double testFraction = 0.25, long seed = 0)
    {
        if (!(testFraction > 0 && testFraction < 1))
            throw new DataException($"the test fraction must be in (0, 1); got {testFraction}");
        var n = labels.Count;
        var testSize = (int)Math.Ceiling(testFraction * n);
        var byClass = ByClass(labels);
        if (byClass.Any(c => c.Length < 2))
            throw new DataException("every class needs at least 2 rows for a stratified split; a class has fewer");
        var rng = new SeededRandom(seed);
        // Largest-remainder allocation of the test size over classes.
        var exact = byClass.Select(c => c.Length * (double)testSize / n).ToArray();
        var take = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var roundedUp = Enumerable.Range(0, take.Length)
            .OrderByDescending(c => exact[c] - take[c])
            .ThenBy(c => c)
            .Take(testSize - take.Sum());
        foreach (var c in roundedUp) take[c]++;
        var test = new List<int>();
        for (var c = 0; c < byClass.Length; c++)
        {
            var rows = byClass[c].ToArray();
            rng.Shuffle(rows.AsSpan());
            test.AddRange(rows.Take(Math.Min(take[c], rows.Length - 1)));
        }
        var testSet = test.ToHashSet();
        return new Split(Enumerable.Range(0, n).Where(i => !testSet.Contains(i)).ToArray(), [.. test.Order()]);
    }

    /// <summary>
    /// Stratified k-fold: <paramref name="folds"/> splits whose test parts cover every row exactly once.
    /// </summary>
    /// <exception cref="DataException">A class has fewer rows than folds.</exception>
    public static IReadOnlyList<Split> KFold(
        IReadOnlyList<int> labels, int folds = 5, bool shuffle = true, long seed = 0, Data.ClassSet? classes = null) =>
        [.. KFoldOneAtATime(labels, folds, shuffle, seed, classes)];

    /// <summary>The splits of <see cref="KFold"/>, each made when enumerated (checked at once): a caller that uses
    /// them one after another holds one split's row lists at a time instead of all of them.</summary>
    internal static IEnumerable<Split> KFoldOneAtATime(
        IReadOnlyList<int> labels, int folds, bool shuffle, long seed, Data.ClassSet? classes)
    {
        if (folds < 2) throw new DataException($"cross-validation needs at least 2 folds; got {folds}");
        var byClass = ByClass(labels);
        foreach (var rows in byClass)
            if (rows.Length < folds)
            {
                var name = classes is null
                    ? labels[rows[0]].ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : classes[labels[rows[0]]];
                throw new DataException(
                    $"class '{name}' has {rows.Length} row(s), fewer than the {folds} folds; " + (rows.Length >= 2
                        ? $"use at most {rows.Length} folds"
                        : "cross-validation needs at least 2 rows of every class (2 folds): add rows of it"));
            }
        return SplitsOf(FoldOf(labels, folds, shuffle ? new SeededRandom(seed) : null), folds);
    }

    private static IEnumerable<Split> SplitsOf(int[] foldOf, int folds)
    {
        var sizes = new int[folds];
        foreach (var f in foldOf) sizes[f]++;
        for (var f = 0; f < folds; f++)
        {
            var train = new int[foldOf.Length - sizes[f]];
            var test = new int[sizes[f]];
            int a = 0, b = 0;
            for (var i = 0; i < foldOf.Length; i++)
                if (foldOf[i] == f) test[b++] = i;
                else train[a++] = i;
            yield return new Split(train, test);
        }
    }

    /// <summary>
    /// Repeated stratified k-fold: <paramref name="repeats"/> rounds of <see cref="KFold"/>, each shuffled anew.
    /// </summary>
    public static IReadOnlyList<Split> RepeatedKFold(
        IReadOnlyList<int> labels, int folds = 5, int repeats = 2, long seed = 0)
    {
        if (repeats < 1) throw new DataException($"repeats must be at least 1; got {repeats}");
        var rng = new SeededRandom(seed);
        return Enumerable.Range(0, repeats)
            .SelectMany(_ => KFold(labels, folds, true, (long)rng.NextUInt64()))
            .ToArray();
    }

    /// <summary>The fold of each row: each class's rows (shuffled by <paramref name="rng"/> unless it is null) dealt
    /// round-robin over <paramref name="folds"/> folds, continuing where the previous class stopped, so that a fold's
    /// count of a class and its size each differ from any other fold's by at most one. A class may have fewer rows
    /// than folds.</summary>
    internal static int[] FoldOf(IReadOnlyList<int> labels, int folds, SeededRandom? rng)
    {
        var foldOf = new int[labels.Count];
        var offset = 0;
        foreach (var rows in ByClass(labels))
        {
            if (rng is not null) rng.Shuffle(rows.AsSpan());
            for (var k = 0; k < rows.Length; k++) foldOf[rows[k]] = (offset + k) % folds;
            offset = (offset + rows.Length) % folds;
        }
        return foldOf;
    }

    private static int[][] ByClass(IReadOnlyList<int> labels)
    {
        var classes = labels.Count == 0 ? 0 : labels.Max() + 1;
        return Enumerable.Range(0, classes)
            .Select(c => Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).ToArray())
            .Where(rows => rows.Length > 0)
            .ToArray();
    }
}
