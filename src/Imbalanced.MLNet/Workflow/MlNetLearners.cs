using Imbalanced.MLNet.Ensembles;
using Imbalanced.ModelSelection;
using Microsoft.ML;

namespace Imbalanced.MLNet.Workflow;

/// <summary>
/// ML.NET's learners for the comparison workflow (<see cref="CompareWorkflow"/>) and the command line's <c>train</c>:
/// those of <see cref="MlNetClassifier.ByName(MLContext, string, int?)"/> and the balanced ensembles
/// (<see cref="BalancedEnsemble"/>) of their default members. Every learner trains on one thread and starts each
/// fit from a new <see cref="MLContext"/> seeded by the workflow's seed, so that its probabilities do not depend on
/// other fits running at the same time; a sampler that asks a classifier (instance hardness) gets ML.NET's random
/// forest, as imbalanced-learn's default estimator is a random forest. The models they fit save to and load from
/// one file format (<see cref="Save"/>, <see cref="Load"/>).
/// </summary>
/// <example>
/// <code>
/// var learners = new MlNetLearners();
/// IClassifierModel model = learners.Create("easy-ensemble", seed: 0).Fit(train);
/// using (var file = File.Create("model.zip")) MlNetLearners.Save(model, file);
/// </code>
/// </example>
public sealed class MlNetLearners : ILearnerFactory
{
    private static readonly Dictionary<string, EnsembleKind> Ensembles = new()
    {
        ["balanced-random-forest"] = EnsembleKind.BalancedRandomForest,
        ["easy-ensemble"] = EnsembleKind.EasyEnsemble,
        ["balanced-bagging"] = EnsembleKind.BalancedBagging,
        ["rus-boost"] = EnsembleKind.RusBoost,
    };

    // LightGBM keeps a row with a missing value and learns which way missing values go; FastTree, FastForest and
    // L-BFGS skip every training row that has one (so do the ensembles, whose members are FastTree).
    private static readonly HashSet<string> TakeMissing = ["lightgbm"];

    /// <summary>The learners of ML.NET's FastTree family (the balanced ensembles' members are too).</summary>
    private static readonly HashSet<string> Trees = ["random-forest", "fasttree"];

    /// <summary>Threads of the FastTree family's trainers: ML.NET's default (null, every core). Asked for one thread,
    /// FastTree still hands each step to the thread pool and spins waiting for it: measured on 4,500 rows × 20, a
    /// 100-tree forest fit took 386 ms on one thread and 231 ms on two (this 2-core machine, idle), with the same
    /// model. FastTree also fixes its thread count at its first trainer, once per copy of its assembly (fits side by
    /// side run on copies, <see cref="TrainerCopies"/>). Its models do not depend on the count (a command-line test
    /// compares compare's results with the process limited to one core and to two).</summary>
    private static readonly int? TreeThreads = null;

    /// <summary>Threads of logistic regression's L-BFGS: two. On one, ML.NET reads every row through a cursor at each
    /// iteration; on more it holds the rows in arrays and sums the gradient over that many fixed parts, computed
    /// side by side and added in a fixed order, which took the logistic fits of compare's default run on
    /// stackoverflow from 6.4 s to 5.4 s in all (one run each). The parts are set by this count and the rows, not by
    /// the cores, so every run fits the same model (a test compares fits side by side with fits one after the
    /// other).</summary>
    private const int LogisticThreads = 2;

    private readonly int? _members;

    /// <summary>The learners, the ensembles with imbalanced-learn's numbers of members.</summary>
    /// <example>
    /// <code>
    /// ILearnerFactory learners = new MlNetLearners();
    /// IClassifier forest = learners.Create("random-forest", seed: 0);
    /// </code>
    /// </example>
    public MlNetLearners()
    {
    }

    /// <summary>The learners, the ensembles with <paramref name="members"/> members each (fewer make tests
    /// faster).</summary>
    internal MlNetLearners(int members) => _members = members;

    /// <summary>The learners the comparison workflow compares when it is given none: <c>logistic</c>,
    /// <c>lightgbm</c>, <c>random-forest</c>.</summary>
    /// <example>
    /// <code>
    /// foreach (var name in new MlNetLearners().DefaultNames) Console.WriteLine(name);
    /// </code>
    /// </example>
    public IReadOnlyList<string> DefaultNames { get; } = ["logistic", "lightgbm", "random-forest"];

    /// <summary>Every learner <see cref="Create"/> knows: <c>logistic</c>, <c>lightgbm</c>, <c>random-forest</c>,
    /// <c>fasttree</c>, <c>balanced-random-forest</c>, <c>easy-ensemble</c>, <c>balanced-bagging</c>,
    /// <c>rus-boost</c>.</summary>
    /// <example>
    /// <code>
    /// var learners = new MlNetLearners();
    /// var ensembles = learners.Names.Where(learners.BalancesClasses).ToList();
    /// </code>
    /// </example>
    public IReadOnlyList<string> Names { get; } = [.. MlNetClassifier.Names, .. Ensembles.Keys];

    /// <summary>A new learner <paramref name="name"/> (one of <see cref="Names"/>) seeded by <paramref name="seed"/>:
    /// the same name and seed fit the same model. LightGBM trains on one thread (the workflow runs folds side by
    /// side), logistic regression on two (<see cref="LogisticThreads"/>); the trees of ML.NET's FastTree family
    /// (<c>random-forest</c>, <c>fasttree</c> and the balanced ensembles' members) on ML.NET's default, all cores:
    /// asked for one thread, FastTree spins waiting on the thread pool and fits about half as fast, with the same
    /// model.</summary>
    /// <param name="name">The learner's name.</param>
    /// <param name="seed">The seed of every fit.</param>
    /// <returns>The learner.</returns>
    /// <exception cref="ArgumentException">The name is none of <see cref="Names"/>.</exception>
    /// <example>
    /// <code>
    /// IClassifier ensemble = new MlNetLearners().Create("easy-ensemble", seed: 42);
    /// double[] p = ensemble.Fit(train).PredictProbabilities(test);
    /// </code>
    /// </example>
    public IClassifier Create(string name, long seed)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Ensembles.TryGetValue(name, out var kind))
            return new BalancedEnsembleClassifier(kind, seed, TreeThreads, _members);
        var threads = Trees.Contains(name) ? TreeThreads : name == "logistic" ? LogisticThreads : 1;
        return MlNetClassifier.ByName(() => Context(seed), name, threads)
            ?? throw Unknown(name);
    }

    /// <summary>The classifier a sampler that asks one (instance hardness) uses inside the workflow: ML.NET's
    /// random forest of 100 trees (on ML.NET's default threads), seeded by <paramref name="seed"/>, whose leaves may
    /// hold one row, as scikit-learn's random forest grows them (ML.NET's default of 10 a leaf makes no split on a
    /// small table).</summary>
    /// <param name="seed">The seed of every fit.</param>
    /// <returns>The random forest; never null.</returns>
    /// <example>
    /// <code>
    /// IClassifier? forest = new MlNetLearners().SamplerEstimator(seed: 0);
    /// double[] p = forest!.Fit(train).PredictProbabilities(train);
    /// </code>
    /// </example>
    public IClassifier? SamplerEstimator(long seed) => MlNetClassifier.HardnessForest(() => Context(seed), TreeThreads);

    /// <summary>True for the balanced ensembles: every member is fitted on a balanced sample, so their probabilities
    /// reflect equal class priors (prior correction maps them back).</summary>
    /// <example><c>new MlNetLearners().BalancesClasses("easy-ensemble") // true</c></example>
    public bool BalancesClasses(string name) => Ensembles.ContainsKey(name);

    /// <summary>Whether learner <paramref name="name"/> fits and predicts rows with missing feature values (NaN) as
    /// they are: true for <c>lightgbm</c> only. The others would skip every training row that has one, so their
    /// data must be imputed first.</summary>
    /// <exception cref="ArgumentException">The name is none of <see cref="Names"/>.</exception>
    /// <example><c>new MlNetLearners().AcceptsMissing("lightgbm") // true</c></example>
    public bool AcceptsMissing(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Names.Contains(name) ? TakeMissing.Contains(name) : throw Unknown(name);
    }

    /// <summary>Saves a model that one of these learners fitted to <paramref name="stream"/> (a zip; the stream is left
    /// open).</summary>
    /// <exception cref="ArgumentException">The model was fitted by none of these learners.</exception>
    /// <example><c>using (var file = File.Create("model.zip")) MlNetLearners.Save(model, file);</c></example>
    public static void Save(IClassifierModel model, Stream stream) => ModelFile.Save(model, stream);

    /// <summary>Loads a model saved by <see cref="Save"/> (or by <see cref="MlNetClassifier.Save"/>); it predicts the
    /// same probabilities as the model saved.</summary>
    /// <exception cref="InvalidDataException">The stream holds no such model or is damaged.</exception>
    /// <example><c>using (var file = File.OpenRead("model.zip")) model = MlNetLearners.Load(file);</c></example>
    public static IClassifierModel Load(Stream stream) => ModelFile.Load(new MLContext(0), stream);

    private static MLContext Context(long seed) => new(unchecked((int)seed));

    private ArgumentException Unknown(string name) =>
        new($"unknown learner '{name}'; the learners are: {string.Join(", ", Names)}", nameof(name));
}
