using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Imbalanced.Randomness;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Trees;

namespace Imbalanced.Sampling.Combined;

/// <summary>
/// SMOTE–IPF (Sáez, Luengo, Stefanowski and Herrera, "SMOTE–IPF: Addressing the noisy and borderline examples
/// problem in imbalanced classification by a re-sampling method with filtering", Information Sciences 291, 2015),
/// after smote_variants' <c>SMOTE_IPF</c>: SMOTE, then the Iterative-Partitioning Filter (Khoshgoftaar and Rebours,
/// "Improving software quality prediction by noise filtering techniques", Journal of Computer Science and
/// Technology 22, 2007) over the whole over-sampled data. Each iteration splits the rows still present into
/// <see cref="SmoteIpfOptions.NFolds"/> stratified partitions, grows a decision tree on each partition, classifies
/// every present row with every tree and removes the rows the vote (<see cref="SmoteIpfOptions.Voting"/>) calls
/// noise. The filter stops once <see cref="SmoteIpfOptions.StopIterations"/> consecutive iterations have each
/// removed fewer than <see cref="SmoteIpfOptions.StopFraction"/> of the rows it started with, or after
/// <see cref="SmoteIpfOptions.MaxIterations"/> iterations.
/// </summary>
/// <remarks>
/// <para>As in the paper and in smote_variants, the filter may remove input rows of any class as well as new ones,
/// so class counts are at most SMOTE's. Kept input rows come first, in input order, then the new rows that
/// survive; each records its base row, neighbour row and gap as SMOTE made it. Removed rows do not appear.</para>
/// <para>The filter reads SMOTE's output where it stands: input rows from the input, new rows made from their base,
/// neighbour and gap as they are read, so the union of the two is never held; each tree copies the features of its
/// partition once, column by column, as it grows.</para>
/// <para>The trees are CART trees grown as scikit-learn's <c>DecisionTreeClassifier</c> with its defaults (fully
/// grown, Gini), which is smote_variants' classifier; the paper uses C4.5. Ties between splits go to the lowest
/// feature, so the result depends only on the seed, never on the thread count.</para>
/// <para>Deliberate differences from smote_variants, each following the paper: a tree is grown on each partition and
/// classifies all rows (smote_variants grows it on the other <c>n_folds − 1</c> partitions, a cross-validation training
/// part; fully grown, such trees fit every distinct row they saw, so a row is misclassified by at most one of them and
/// majority voting never removes a row: on data without duplicate rows of different classes, smote_variants' SMOTE_IPF
/// returns SMOTE's output); partitions are drawn anew, shuffled by the seed, at every iteration (smote_variants' split
/// is unshuffled, so it repeats while nothing is removed); "few rows" is measured against the size of the filter's
/// input (smote_variants: the rows left after the removal); under consensus a row is removed when every tree
/// misclassifies it (smote_variants only removes rows labelled 0 that all trees predict as 1, and counts the trees
/// before capping <c>n_folds</c>); under majority, more than half of the trees must misclassify it (smote_variants'
/// mean prediction above 0.5 is the same for an odd number of trees and binary labels). Further: partitions are capped
/// at the number of rows present (smote_variants caps them at the input's minority count); the filter runs even when
/// SMOTE has nothing to make (smote_variants then returns the input); several classes are allowed, a row being
/// misclassified when a tree predicts any other class; <see cref="SmoteIpfOptions.MaxIterations"/> bounds the loop
/// (smote_variants has no bound).</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/> (of SMOTE), <see cref="SamplerOptions.Seed"/>,
/// <see cref="SamplerOptions.Neighbors"/>, <see cref="SmoteIpfOptions.KNeighbors"/> (5),
/// <see cref="SmoteIpfOptions.NFolds"/> (9), <see cref="SmoteIpfOptions.StopIterations"/> (<c>k</c>, 3),
/// <see cref="SmoteIpfOptions.StopFraction"/> (<c>p</c>, 0.01), <see cref="SmoteIpfOptions.Voting"/> (majority),
/// <see cref="SmoteIpfOptions.MaxIterations"/> (100). Numeric features only.</para>
/// </remarks>
/// <example>
/// <code>
/// var sampler = new SmoteIpf(new() { KNeighbors = 5, NFolds = 9, Voting = IpfVoting.Majority, Seed = 0 });
/// var result = sampler.FitResample(data);
/// </code>
/// </example>
public sealed class SmoteIpf(SmoteIpfOptions? options = null) : ISampler
{
    private readonly SmoteIpfOptions _options = options ?? new();

    /// <summary>SMOTE, then the iterative-partitioning filter over every class of its output.</summary>
    /// <param name="data">The data to resample: numeric, complete, at least two classes.</param>
    /// <returns>The input rows the filter kept, then the new rows it kept, with their provenance.</returns>
    /// <exception cref="DataException">The data does not suit SMOTE (one class, an empty cell, a category, a class
    /// to grow with too few rows).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option out of its range.</exception>
    /// <example>
    /// <code>
    /// var result = new SmoteIpf().FitResample(data);
    /// var removed = result.RemovedCount; // input rows the filter called noise
    /// </code>
    /// </example>
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(_options);
        var smote = Smote.FirstStepOf(_options, _options.KNeighbors).FitResample(data);
        return smote.KeepOutputRows(Kept(new ResultRows(smote), _options));
    }

    /// <summary>Refuses options out of range, naming the property.</summary>
    private static void Check(SmoteIpfOptions o)
    {
        if (o.NFolds < 2)
            throw new ArgumentOutOfRangeException(nameof(SmoteIpfOptions.NFolds), o.NFolds,
                $"NFolds must be at least 2; got {o.NFolds}");
        if (o.StopIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(SmoteIpfOptions.StopIterations), o.StopIterations,
                $"StopIterations must be at least 1; got {o.StopIterations}");
        if (!(o.StopFraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(SmoteIpfOptions.StopFraction), o.StopFraction,
                $"StopFraction must be in [0, 1]; got {o.StopFraction}");
        if (o.MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(SmoteIpfOptions.MaxIterations), o.MaxIterations,
                $"MaxIterations must be at least 1; got {o.MaxIterations}");
        if (!Enum.IsDefined(o.Voting))
            throw new ArgumentOutOfRangeException(nameof(SmoteIpfOptions.Voting), o.Voting,
                $"Voting must be majority or consensus; got {o.Voting}");
    }

    /// <summary>The iterative-partitioning filter over <paramref name="data"/>: the rows it keeps (ascending) and
    /// what each iteration did.</summary>
    internal static (int[] Kept, IReadOnlyList<IpfIteration> Iterations) Filter(Dataset data, SmoteIpfOptions o)
    {
        var log = new List<IpfIteration>();
        return (Kept(new DatasetRows(data), o, log.Add), log);
    }

    /// <summary>The rows the iterative-partitioning filter over <paramref name="data"/> keeps, ascending;
    /// <paramref name="observe"/>, when given, hears what each iteration did. A record of every iteration holds two
    /// arrays of the rows present, which over the millions of rows SMOTE can make weigh more than the data, so none
    /// is kept unless asked for.</summary>
    internal static int[] Kept<TRows>(TRows data, SmoteIpfOptions o, Action<IpfIteration>? observe = null)
        where TRows : ITreeRows
    {
        var rng = new SeededRandom(o.Seed);
        var present = Enumerable.Range(0, data.RowCount).ToArray();
        var few = o.StopFraction * data.RowCount;
        var quiet = 0;
        var iterations = 0;
        while (quiet < o.StopIterations && iterations < o.MaxIterations && present.Length > 0)
        {
            var folds = Math.Min(o.NFolds, present.Length);
            var labels = new int[present.Length];
            for (var i = 0; i < present.Length; i++) labels[i] = data.Label(present[i]);
            var foldOf = StratifiedSplits.FoldOf(labels, folds, rng);
            var partitions = new int[folds][];
            for (var f = 0; f < folds; f++) partitions[f] = present.Where((_, i) => foldOf[i] == f).ToArray();
            var removed = Misclassified(data, present, partitions, o.Voting, o.Neighbors.Threads);
            observe?.Invoke(new IpfIteration(present, partitions, removed));
            iterations++;
            var gone = removed.ToHashSet();
            present = present.Where(r => !gone.Contains(r)).ToArray();
            quiet = removed.Length < few ? quiet + 1 : 0;
        }
        return present;
    }

    /// <summary>One step of the filter: grows a tree on each of <paramref name="partitions"/>, classifies every row
    /// of <paramref name="rows"/> with every tree, and returns the rows (ascending, as given) that
    /// <paramref name="voting"/> calls noise: misclassified by more than half of the trees, or by all.</summary>
    internal static int[] Misclassified(Dataset data, int[] rows, int[][] partitions, IpfVoting voting,
        int threads) => Misclassified(new DatasetRows(data), rows, partitions, voting, threads);

    /// <summary><see cref="Misclassified(Dataset, int[], int[][], IpfVoting, int)"/> over rows read one at a time
    /// (made on demand where the rows are), classified on all threads.</summary>
    internal static int[] Misclassified<TRows>(TRows data, int[] rows, int[][] partitions, IpfVoting voting,
        int threads) where TRows : ITreeRows
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var trees = new DecisionTree[partitions.Length];
        Parallel.For(0, partitions.Length, parallel, f => trees[f] = DecisionTree.Fit(data, partitions[f]));
        var needed = voting == IpfVoting.Consensus ? trees.Length : trees.Length / 2 + 1;
        var noise = new bool[rows.Length];
        Parallel.For(0, rows.Length, parallel, () => new double[data.FeatureCount], (i, _, scratch) =>
            {
                var row = data.Row(rows[i], scratch);
                var label = data.Label(rows[i]);
                var wrong = 0;
                foreach (var t in trees) if (t.Predict(row) != label) wrong++;
                noise[i] = wrong >= needed;
                return scratch;
            }, _ => { });
        return rows.Where((_, i) => noise[i]).ToArray();
    }
}
