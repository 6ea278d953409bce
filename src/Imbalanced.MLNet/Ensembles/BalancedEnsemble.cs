using Imbalanced.Data;
using Imbalanced.Randomness;
using Imbalanced.Sampling.UnderSampling;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>
/// Balanced ensembles (Maclin and Opitz 1997; Chen, Liaw and Breiman 2004; Liu, Wu and Zhou 2009; Seiffert et al.
/// 2010) over any ML.NET binary or multiclass learner, with imbalanced-learn's defaults where they translate: 10
/// members for bagging and EasyEnsemble, 100 trees for the forest, 50 rounds for RUSBoost. Members vote with
/// their class probabilities (averaged), RUSBoost with SAMME's weighted votes. The fitted
/// <see cref="BalancedEnsembleModel"/> saves to and loads from a single file. In an ML.NET pipeline, use the
/// estimators of <see cref="BalancedEnsembleCatalog"/> instead.
/// </summary>
/// <example>
/// <code>
/// var model = new BalancedEnsemble(new MLContext(0), EnsembleKind.BalancedRandomForest, seed: 1).Fit(train);
/// double[] probabilities = model.PredictProbabilities(test);   // rows × classes
/// model.Save("forest.zip");
/// </code>
/// </example>
public sealed class BalancedEnsemble
{
    private readonly MLContext _ml;
    private readonly EnsembleKind _kind;
    private readonly int _members;
    private readonly long _seed;
    private readonly Func<MLContext, int, int, string?, int, IEstimator<ITransformer>> _learner;

    /// <summary>An ensemble of <paramref name="kind"/>.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="kind">Which ensemble.</param>
    /// <param name="members">Members (or boosting rounds); imbalanced-learn's default when null.</param>
    /// <param name="seed">Seed of the bootstraps and under-samples.</param>
    /// <param name="learner">The member learner given (context, number of classes,
    /// number of features), emitting <c>Probability</c> (binary) or a probability
    /// <c>Score</c> vector (multiclass); the kind's default when null. Its data has a <c>Weight</c> column when the
    /// rows are weighted (RUSBoost's boosting weights, or row weights given to the learner of the workflow).</param>
    /// <param name="threads">Threads of the default member learner's trainers; null for ML.NET's default.</param>
    /// <example><c>new BalancedEnsemble(new MLContext(0), EnsembleKind.EasyEnsemble, seed: 1).Fit(train)</c>
    /// </example>
    public BalancedEnsemble(MLContext ml, EnsembleKind kind, int? members = null, long seed = 0,
        Func<MLContext, int, int, IEstimator<ITransformer>>? learner = null, int? threads = null)
    {
        _ml = ml;
        _kind = kind;
        _members = members ?? kind switch
        {
            EnsembleKind.BalancedRandomForest => 100,
            EnsembleKind.RusBoost => 50,
            _ => 10,
        };
        _seed = seed;
        _learner = learner is null
            ? (c, k, d, w, s) => Member(kind, c, k, d, w, threads, s)
            : (c, k, d, _, _) => learner(c, k, d);
    }

    /// <summary>The member learner a kind uses by default, given (context, classes, features): one tree on √d
    /// features for the forest, a weighted 8-leaf tree for RUSBoost, boosted trees otherwise.</summary>
    /// <example><c>BalancedEnsemble.DefaultLearner(EnsembleKind.EasyEnsemble)(ml, 2, 10).Fit(train)</c></example>
    public static Func<MLContext, int, int, IEstimator<ITransformer>> DefaultLearner(EnsembleKind kind) =>
        (ml, k, d) => Member(kind, ml, k, d, kind == EnsembleKind.RusBoost ? "Weight" : null, null, null);

    /// <summary>The default member learner of <paramref name="kind"/>, reading row weights from
    /// <paramref name="weightColumn"/> when it is given (RUSBoost always weighs its rows), its random choices (the
    /// forest's features at each split) seeded by <paramref name="seed"/> (FastTree's default seed when null).
    /// </summary>
    private static IEstimator<ITransformer> Member(EnsembleKind kind, MLContext ml, int k, int d, string? weightColumn,
        int? threads, int? seed)
    {
        var options = kind switch
        {
            // A lone deep tree fits its sample perfectly, which leaves Platt scaling nothing to fit: the forest bins
            // the scores instead.
            EnsembleKind.BalancedRandomForest => new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 1,
                FeatureFractionPerSplit = Math.Max(1.0 / d, Math.Sqrt(d) / d),
                NumberOfLeaves = 32,
                MinimumExampleCountPerLeaf = 1,
            },
            EnsembleKind.RusBoost => new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 1,
                NumberOfLeaves = 8,
                MinimumExampleCountPerLeaf = 1,
            },
            EnsembleKind.EasyEnsemble => new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 50,
                NumberOfLeaves = 8,
                MinimumExampleCountPerLeaf = 2,
            },
            _ => new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 20,
                NumberOfLeaves = 8,
                MinimumExampleCountPerLeaf = 2,
            },
        };
        if (seed is { } s) options.Seed = s;
        var tree = ml.BinaryClassification.Trainers.FastTree(
            TreeTraining.Configure(options, kind == EnsembleKind.RusBoost ? "Weight" : weightColumn, threads));
        if (kind != EnsembleKind.BalancedRandomForest)
            return Calibrated(ml, k, tree, kind == EnsembleKind.RusBoost ? null : weightColumn);
        return k == 2 ? tree.Append(ml.BinaryClassification.Calibrators.Naive())
            : ml.MulticlassClassification.Trainers.OneVersusAll(tree, useProbabilities: true);
    }

    /// <summary>A binary trainer made to emit probabilities: Platt-calibrated
    /// for two classes, one-versus-all with probabilities otherwise.</summary>
    /// <example><c>var member = BalancedEnsemble.Calibrated(ml, 2, ml.BinaryClassification.Trainers.FastTree());</c>
    /// </example>
    public static IEstimator<ITransformer> Calibrated<TModel>(MLContext ml, int classes,
        Microsoft.ML.Trainers.ITrainerEstimator<Microsoft.ML.Data.BinaryPredictionTransformer<TModel>, TModel> binary)
        where TModel : class => Calibrated(ml, classes, binary, null);

    /// <summary>The same, Platt scaling fitted on rows weighted by <paramref name="weightColumn"/> when it is given.
    /// </summary>
    private static IEstimator<ITransformer> Calibrated<TModel>(MLContext ml, int classes,
        Microsoft.ML.Trainers.ITrainerEstimator<Microsoft.ML.Data.BinaryPredictionTransformer<TModel>, TModel> binary,
        string? weightColumn)
        where TModel : class =>
        classes == 2 ? binary.Append(ml.BinaryClassification.Calibrators.Platt(exampleWeightColumnName: weightColumn))
            : ml.MulticlassClassification.Trainers.OneVersusAll(binary, useProbabilities: true);

    /// <summary>Fits the ensemble on the feature and label columns of <paramref name="data"/>.</summary>
    /// <exception cref="DataException">A column is missing or of the wrong type, or no member did better than
    /// chance.</exception>
    /// <example><c>BalancedEnsembleModel model = ensemble.Fit(train, featureColumn: "Features");</c></example>
    public BalancedEnsembleModel Fit(IDataView data, string featureColumn = "Features", string labelColumn = "Label")
    {
        var (dataset, shape) = DataViewConversion.ToDataset(data, featureColumn, labelColumn);
        return PoolThread.Run(() => Fit(dataset, shape, null));
    }

    /// <summary>Fits the ensemble on <paramref name="dataset"/> (its ML.NET shape <paramref name="shape"/>), each row
    /// weighing <paramref name="weights"/> (all 1 when null): the members' trainers read the weights of the rows
    /// they draw, and RUSBoost starts its boosting weights from them.</summary>
    internal BalancedEnsembleModel Fit(Dataset dataset, DataViewShape shape, IReadOnlyList<double>? weights)
    {
        var rng = new SeededRandom(_seed);
        var k = dataset.Classes.Count;
        var memberShape = Shape(shape, dataset.Classes);
        var members = new List<(ITransformer Model, double Weight)>();
        var boosting = Enumerable.Range(0, dataset.RowCount).Select(i => weights?[i] ?? 1.0).ToArray();
        var sum = boosting.Sum();
        for (var i = 0; i < boosting.Length; i++) boosting[i] /= sum;
        var weightColumn = weights is null && _kind != EnsembleKind.RusBoost ? null : "Weight";
        for (var m = 0; m < _members; m++)
        {
            var memberSeed = (long)rng.NextUInt64();
            int[] rows;
            if (_kind == EnsembleKind.BalancedRandomForest) rows = BalancedBootstrap(dataset, rng);
            else if (_kind == EnsembleKind.BalancedBagging)
            {
                var bootstrap = Bootstrap(dataset, rng);
                rows = Balance(dataset.Select(bootstrap), memberSeed).Select(i => bootstrap[i]).ToArray();
            }
            else rows = Balance(dataset, memberSeed);
            var sample = dataset.Select(rows);
            var sampleWeights = _kind == EnsembleKind.RusBoost
                ? rows.Select(i => boosting[i] * dataset.RowCount).ToArray()
                : weights is null ? null : rows.Select(i => weights[i]).ToArray();
            var view = DataViewConversion.ToDataView(_ml, Boolean(sample, shape), memberShape, sampleWeights);
            // Each member draws its own random choices: with one seed for all, every tree of the forest would
            // consider the same features at its n-th split.
            ITransformer model;
            try
            {
                model = _learner(_ml, k, dataset.NumericCount, weightColumn, unchecked((int)memberSeed)).Fit(view);
            }
            catch (InvalidOperationException e)
            {
                // ML.NET's trainers and calibrators refuse samples they cannot fit (rows that all miss a value, a
                // calibrator left nothing to fit on when the classes are tiny): the data's fault, said with the
                // sample's size and the smallest class.
                throw new DataException($"the {_kind} ensemble could not fit a member on its sample of " +
                    $"{sample.RowCount} rows: {e.Message.TrimEnd('.')} (the smallest class has " +
                    $"{dataset.ClassCounts().Min()} rows)", e);
            }
            if (_kind != EnsembleKind.RusBoost)
            {
                members.Add((model, 1.0));
                continue;
            }
            // SAMME: weighted error of the member on all rows, its say, and the new row weights.
            var all = DataViewCache.Get(dataset, memberShape);
            var p = MlNetClassifier.Predict(model, all, k, dataset.RowCount);
            var wrong = Enumerable.Range(0, dataset.RowCount)
                .Select(i => Numerics.Vectors.ArgMax(p.AsSpan(i * k, k)) != dataset.Labels[i]).ToArray();
            var error = Enumerable.Range(0, dataset.RowCount).Where(i => wrong[i]).Sum(i => boosting[i])
                / boosting.Sum();
            if (error >= 1 - 1.0 / k) break;
            var say = Math.Log((1 - error) / Math.Max(error, 1e-10)) + Math.Log(k - 1);
            members.Add((model, say));
            if (error <= 0) break;
            for (var i = 0; i < boosting.Length; i++) if (wrong[i]) boosting[i] *= Math.Exp(say);
            var total = boosting.Sum();
            for (var i = 0; i < boosting.Length; i++) boosting[i] /= total;
        }
        if (members.Count == 0)
            throw new DataException("no ensemble member did better than chance; use another learner or ensemble");
        return new BalancedEnsembleModel(_ml, _kind, memberShape, dataset.Classes.Labels, members);
    }

    /// <summary>Chen, Liaw and Breiman's (2004) sample for a tree of the balanced random forest: from every class as
    /// many rows as the smallest class has, drawn with replacement (a bootstrap of the minority, the same number drawn
    /// from each other class), in row order. Every class is in it, however few rows it has: imbalanced-learn's
    /// bootstrap of an under-sample can miss one, which its trees accept and ML.NET's trainers refuse.</summary>
    private static int[] BalancedBootstrap(Dataset data, SeededRandom rng)
    {
        var counts = data.ClassCounts();
        var size = counts.Where(c => c > 0).Min();
        var rows = new List<int>(size * counts.Length);
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] == 0) continue;
            var ofClass = data.RowsOfClass(c);
            for (var j = 0; j < size; j++) rows.Add(ofClass[rng.NextInt(ofClass.Length)]);
        }
        rows.Sort();
        return [.. rows];
    }

    /// <summary>A bootstrap of the rows (as many drawn with replacement) holding every class of the data: one that
    /// misses a class is drawn again (up to 100 times), as a member fitted on one class is refused by ML.NET's
    /// trainers (scikit-learn's bagged trees accept it).</summary>
    private static int[] Bootstrap(Dataset data, SeededRandom rng)
    {
        var present = data.ClassCounts().Count(c => c > 0);
        int[] bootstrap = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            bootstrap = Enumerable.Range(0, data.RowCount).Select(_ => rng.NextInt(data.RowCount)).ToArray();
            if (bootstrap.Select(i => data.Labels[i]).Distinct().Count() == present) break;
        }
        return bootstrap;
    }

    /// <summary>Rows of a random under-sample with every class at the minority's count.</summary>
    private static int[] Balance(Dataset data, long seed)
    {
        if (data.ClassCounts().Count(c => c > 0) < 2) return Enumerable.Range(0, data.RowCount).ToArray();
        return new RandomUnderSampler(new RandomUnderSamplerOptions { Seed = seed }).FitResample(data).KeptRows;
    }

    /// <summary>The shape of the members' data: a Boolean label for two classes, otherwise a key label whose keys
    /// follow the class order, so that the members' score slots are the classes of <paramref name="classes"/> in
    /// order (the keys of the data given may be in any order, for example of first occurrence).</summary>
    private static DataViewShape Shape(DataViewShape shape, ClassSet classes) => classes.Count == 2
        ? shape with { Label = LabelKind.Boolean, KeyValues = null }
        : shape with { Label = LabelKind.Key, KeyValues = classes.Labels };

    private static Dataset Boolean(Dataset data, DataViewShape shape) =>
        data.Classes.Count == 2 && shape.Label == LabelKind.Key
        ? data.WithClasses(["False", "True"])
        : data;
}
