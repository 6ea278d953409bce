using Imbalanced.Data;
using Imbalanced.ModelSelection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Imbalanced.MLNet;

/// <summary>
/// The core library's <see cref="IClassifier"/> contract over ML.NET trainers, so that core algorithms that need
/// class probabilities (instance hardness, threshold tuning, cross-validation) can use ML.NET learners: binary
/// problems read the <c>Probability</c> column (the random forest's is its trees' vote share; another uncalibrated
/// trainer is Platt-calibrated, on the weighted rows when rows are weighted, so that the weights move the
/// probabilities and not only the ranking), multiclass problems the <c>Score</c> vector of one-versus-all with
/// probabilities.
/// </summary>
/// <example>
/// <code>
/// IClassifier forest = MlNetClassifier.RandomForest(new MLContext(seed: 0), trees: 100, threads: 1);
/// double[] p = forest.Fit(train).PredictProbabilities(test); // rows × classes
/// </code>
/// </example>
public sealed class MlNetClassifier : IInPlaceClassifier
{
    private readonly Func<MLContext> _context;
    private readonly Func<MLContext, string?, FitStep[]> _binary;
    private readonly Func<MLContext, string?, FitStep[]> _multiclass;

    /// <summary>A classifier over the learners <paramref name="binary"/> and <paramref name="multiclass"/>.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="binary">
    /// Builds the binary learner, given the example-weight column name (null when rows are not weighted).
    /// </param>
    /// <param name="multiclass">Builds the multiclass learner, likewise.</param>
    /// <example>
    /// <code>
    /// var sdca = new MlNetClassifier(new MLContext(seed: 0),
    ///     (c, weight) =&gt; c.BinaryClassification.Trainers.SdcaLogisticRegression(exampleWeightColumnName: weight),
    ///     (c, weight) =&gt; c.MulticlassClassification.Trainers.SdcaMaximumEntropy(exampleWeightColumnName: weight));
    /// double[] p = sdca.Fit(train).PredictProbabilities(test);
    /// </code>
    /// </example>
    public MlNetClassifier(
        MLContext ml,
        Func<MLContext, string?, IEstimator<ITransformer>> binary,
        Func<MLContext, string?, IEstimator<ITransformer>> multiclass)
        : this(() => ml, (c, w) => [new FitStep(binary(c, w))], (c, w) => [new FitStep(multiclass(c, w))])
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(binary);
        ArgumentNullException.ThrowIfNull(multiclass);
    }

    /// <summary>A classifier that fits each time in the context <paramref name="context"/> gives (a new context per
    /// fit makes every fit independent of the others and of the threads they run on); each learner is a pipeline of
    /// steps (<see cref="FitStep"/>).</summary>
    internal MlNetClassifier(
        Func<MLContext> context,
        Func<MLContext, string?, FitStep[]> binary,
        Func<MLContext, string?, FitStep[]> multiclass)
    {
        ArgumentNullException.ThrowIfNull(binary);
        ArgumentNullException.ThrowIfNull(multiclass);
        _context = context;
        _binary = binary;
        _multiclass = multiclass;
    }

    /// <summary>
    /// ML.NET's random forest (FastForest), as imbalanced-learn's instance hardness uses a random forest. For two
    /// classes the probability is defined as scikit-learn's <c>RandomForestClassifier.predict_proba</c>: the mean over
    /// the trees of the (weighted) share of the positive class among the rows of the tree's sample in the leaf a row
    /// falls in (each FastForest tree outputs that share as a mean of -1 and +1 labels; the probability is their mean
    /// mapped to [0, 1], <c>(Score / trees + 1) / 2</c>). For more classes, one versus all with Platt-calibrated
    /// forests.
    /// </summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="trees">Number of trees.</param>
    /// <param name="threads">Threads of the trainer; null for ML.NET's default. FastTree keeps the thread count of
    /// the first FastTree or FastForest trained on each copy of its assembly; training is deterministic whatever it
    /// is.</param>
    /// <example><c>MlNetClassifier.RandomForest(new MLContext(0), trees: 100, threads: 1)</c></example>
    public static MlNetClassifier RandomForest(MLContext ml, int trees = 100, int? threads = null) =>
        RandomForest(() => ml, trees, threads);

    /// <summary>ML.NET's L-BFGS logistic regression (maximum entropy for several classes), features min-max
    /// normalised.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="threads">Threads of the trainer; null for ML.NET's default, every core. With more than one, ML.NET
    /// holds the rows in arrays and sums the gradient over that many fixed parts of them: the model depends on the
    /// count, not on the run.</param>
    /// <example><c>MlNetClassifier.Logistic(new MLContext(0), threads: 1)</c></example>
    public static MlNetClassifier Logistic(MLContext ml, int? threads = null) => Logistic(() => ml, threads);

    /// <summary>ML.NET's LightGBM with its defaults (binary and multiclass, with probabilities).</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="threads">Threads of the trainer; null for ML.NET's default (with more than one, results may
    /// differ in the last bits from run to run).</param>
    /// <example><c>MlNetClassifier.LightGbm(new MLContext(0), threads: 1)</c></example>
    public static MlNetClassifier LightGbm(MLContext ml, int? threads = null) => LightGbm(() => ml, threads);

    /// <summary>ML.NET's gradient-boosted trees (FastTree), Platt-calibrated.</summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="trees">Number of trees.</param>
    /// <param name="threads">Threads of the trainer, as for <see cref="RandomForest(MLContext, int, int?)"/>.</param>
    /// <example><c>MlNetClassifier.BoostedTrees(new MLContext(0), trees: 100, threads: 1)</c></example>
    public static MlNetClassifier BoostedTrees(MLContext ml, int trees = 100, int? threads = null) =>
        BoostedTrees(() => ml, trees, threads);

    /// <summary>
    /// The learners by name: <c>logistic</c>, <c>lightgbm</c>, <c>random-forest</c>, <c>fasttree</c>.
    /// </summary>
    /// <param name="ml">The ML.NET context.</param>
    /// <param name="name">The learner's name.</param>
    /// <param name="threads">Threads of the trainer; null for ML.NET's default.</param>
    /// <exception cref="ArgumentException">The name is none of these.</exception>
    /// <example><c>MlNetClassifier.ByName(new MLContext(0), "lightgbm", threads: 1)</c></example>
    public static MlNetClassifier ByName(MLContext ml, string name, int? threads = null) =>
        ByName(() => ml, name, threads) ?? throw new ArgumentException(
            $"unknown learner '{name}'; the learners are: {string.Join(", ", Names)}", nameof(name));

    /// <summary>The names <see cref="ByName(MLContext, string, int?)"/> knows.</summary>
    internal static IReadOnlyList<string> Names { get; } = ["logistic", "lightgbm", "random-forest", "fasttree"];

    /// <summary>The learner <paramref name="name"/> fitting in the contexts <paramref name="context"/> gives, or null
    /// when the name is unknown.</summary>
    internal static MlNetClassifier? ByName(Func<MLContext> context, string name, int? threads) => name switch
    {
        "logistic" => Logistic(context, threads),
        "lightgbm" => LightGbm(context, threads),
        "random-forest" => RandomForest(context, 100, threads),
        "fasttree" => BoostedTrees(context, 100, threads),
        _ => null,
    };

    private static MlNetClassifier RandomForest(Func<MLContext> context, int trees, int? threads,
        int smallestLeaf = DefaultSmallestLeaf) => new(context,
        (c, w) => [new(new ForestVoteShare(c, Forest(w, trees, threads, smallestLeaf)))],
        (c, w) =>
        [
            new(c.MulticlassClassification.Trainers.OneVersusAll(
                c.BinaryClassification.Trainers.FastForest(Forest(w, trees, threads, smallestLeaf)),
                useProbabilities: true)),
        ]);

    /// <summary>ML.NET's smallest number of rows in a leaf of FastForest (10).</summary>
    private const int DefaultSmallestLeaf = 10;

    /// <summary>The random forest that estimates instance hardness (<c>iht</c>): 100 trees whose leaves may hold a
    /// single row, as scikit-learn's <c>RandomForestClassifier</c> (imbalanced-learn's default estimator) grows them;
    /// with ML.NET's 10 rows a leaf, a forest on a small table makes no split and gives every row the same
    /// probability, so that nothing is removed.</summary>
    internal static MlNetClassifier HardnessForest(Func<MLContext> context, int? threads) =>
        RandomForest(context, 100, threads, smallestLeaf: 1);

    private static FastForestBinaryTrainer.Options Forest(string? weights, int trees, int? threads,
        int smallestLeaf) =>
        TreeTraining.Configure(
            new FastForestBinaryTrainer.Options { NumberOfTrees = trees, MinimumExampleCountPerLeaf = smallestLeaf },
            weights, threads);

    // On one thread L-BFGS reads the rows through a cursor once per iteration: the normalised rows are kept in
    // ML.NET's cache rather than normalised again each time (they are not part of the fitted model). On more, ML.NET
    // reads them once into arrays of its own, and a cache would be a second copy.
    private static MlNetClassifier Logistic(Func<MLContext> context, int? threads) => new(context,
        (c, w) =>
        [
            new(c.Transforms.NormalizeMinMax("Features"), CacheAfter: Streams(threads)),
            new(c.BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    ExampleWeightColumnName = w,
                    NumberOfThreads = threads,
                    MaximumNumberOfIterations = LogisticIterations,
                })),
        ],
        (c, w) =>
        [
            new(c.Transforms.NormalizeMinMax("Features"), CacheAfter: Streams(threads)),
            new(c.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    ExampleWeightColumnName = w,
                    NumberOfThreads = threads,
                    MaximumNumberOfIterations = LogisticIterations,
                })),
        ]);

    /// <summary>The most L-BFGS iterations of the <c>logistic</c> learner: 100, scikit-learn's
    /// <c>LogisticRegression(max_iter=100)</c>; ML.NET's own default has no limit.</summary>
    private const int LogisticIterations = 100;

    /// <summary>Whether ML.NET's L-BFGS on <paramref name="threads"/> threads (every core when null) streams its rows
    /// through a cursor at each iteration rather than holding them.</summary>
    private static bool Streams(int? threads) => (threads ?? Environment.ProcessorCount) == 1;

    // On one thread a binary fit leases a copy of ML.NET's LightGBM assembly (fits side by side); on more it keeps
    // ML.NET's lock, which serialises the multi-threaded native training every copy shares.
    private static MlNetClassifier LightGbm(Func<MLContext> context, int? threads) => new(context,
        (c, w) =>
        [
            new(threads == 1
                ? new LeasedTrainer<LightGbmBinaryTrainer.Options>(
                    c, LightGbmOptions(w, threads), TrainerCopies.LightGbmExtensions, "LightGbm")
                : c.BinaryClassification.Trainers.LightGbm(LightGbmOptions(w, threads))),
        ],
        (c, w) =>
        [
            new(c.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                ExampleWeightColumnName = w,
                NumberOfThreads = threads,
            })),
        ]);

    private static LightGbmBinaryTrainer.Options LightGbmOptions(string? weights, int? threads) => new()
    {
        ExampleWeightColumnName = weights,
        NumberOfThreads = threads,
    };

    private static MlNetClassifier BoostedTrees(Func<MLContext> context, int trees, int? threads) =>
        PlattCalibrated(context, (w) => Boosted(w, trees, threads), "FastTree",
            (c, o) => c.BinaryClassification.Trainers.FastTree(o));

    /// <summary>A tree learner with the options <paramref name="options"/> gives for a weight column: for two classes
    /// fitted on a leased copy of the FastTree assembly (<see cref="LeasedTrainer{TOptions}"/>, by the extension
    /// method <paramref name="method"/>) and Platt-calibrated on the (weighted) training rows, for more one versus all
    /// with probabilities of <paramref name="trees"/>' trainers.</summary>
    private static MlNetClassifier PlattCalibrated<TOptions, TModel>(Func<MLContext> context,
        Func<string?, TOptions> options, string method,
        Func<MLContext, TOptions, ITrainerEstimator<BinaryPredictionTransformer<TModel>, TModel>> trees)
        where TOptions : class
        where TModel : class => new(context,
        (c, w) =>
        [
            new(new LeasedTrainer<TOptions>(c, options(w), TrainerCopies.TreeExtensions, method)),
            new(c.BinaryClassification.Calibrators.Platt(exampleWeightColumnName: w)),
        ],
        (c, w) =>
        [
            new(c.MulticlassClassification.Trainers.OneVersusAll(trees(c, options(w)), useProbabilities: true)),
        ]);

    private static FastTreeBinaryTrainer.Options Boosted(string? weights, int trees, int? threads) =>
        TreeTraining.Configure(new FastTreeBinaryTrainer.Options { NumberOfTrees = trees }, weights, threads);

    /// <summary>Fits the binary learner (two classes; class 1 of <paramref name="train"/> is the positive one) or the
    /// multiclass learner on <paramref name="train"/>, its rows weighted by <paramref name="weights"/> when given.
    /// </summary>
    /// <param name="train">The training rows.</param>
    /// <param name="weights">A weight per row, or null.</param>
    /// <returns>A model whose <c>PredictProbabilities</c> gives a probability per row and class, row-major.</returns>
    /// <example>
    /// <code>
    /// var forest = MlNetClassifier.RandomForest(new MLContext(seed: 0), threads: 1);
    /// IClassifierModel model = forest.Fit(train, weights: ClassWeights.Balanced(train.LabelCodes));
    /// double[] p = model.PredictProbabilities(test);
    /// </code>
    /// </example>
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var shape = ShapeOf(train);
        // LightGBM may find no split (too few rows for its leaves): its trees are single leaves, which ML.NET cannot
        // turn into a model. Such a model predicts the class shares of its training rows.
        return (IClassifierModel?)FitView(train.Classes.Count, shape, DataViewCache.Get(train, shape, weights),
            weights is not null) ?? Workflow.PriorModel.Of(train, weights);
    }

    /// <summary>Fits on rows <paramref name="train"/> of <paramref name="data"/> and predicts rows
    /// <paramref name="test"/>, both read from where they stand into ML.NET's views (no copy of either part as a data
    /// set): what <c>Fit(data.Select(train)).PredictProbabilities(data.Select(test))</c> gives.</summary>
    double[] IInPlaceClassifier.FitPredict(Dataset data, int[] train, int[] test)
    {
        var shape = ShapeOf(data);
        var labelled = DataViewCache.Labelled(data, shape);
        var k = data.Classes.Count;
        var model = FitView(k, shape, DataViewConversion.ToDataView(labelled, train, shape, null), weighted: false);
        return model is null
            ? Workflow.PriorModel.Of(data.Select(train), null).PredictProbabilities(data.Select(test))
            : Predict(model.Transformer, DataViewConversion.ToDataView(labelled, test, shape, null), k, test.Length);
    }

    /// <summary>The shape of the views of <paramref name="data"/>'s features and classes: two classes become a
    /// Boolean label, more a key.</summary>
    private static DataViewShape ShapeOf(Dataset data)
    {
        var k = data.Classes.Count;
        return new DataViewShape("Features", "Label", data.NumericCount, null,
            k == 2 ? LabelKind.Boolean : LabelKind.Key, k == 2 ? null : data.Classes.Labels);
    }

    /// <summary>The learner fitted on <paramref name="view"/>, or null when LightGBM found no split.</summary>
    private Model? FitView(int k, DataViewShape shape, IDataView view, bool weighted)
    {
        // A binary problem becomes Boolean: class 1 of the data set is "True".
        var binaryLabels = k == 2 ? new[] { "False", "True" } : null;
        var weightColumn = weighted ? "Weight" : null;
        var ml = _context();
        var steps = k == 2 ? _binary(ml, weightColumn) : _multiclass(ml, weightColumn);
        try
        {
            return new Model(ml, PoolThread.Run(() => FitStep.Fit(ml, steps, view)), shape, k, binaryLabels);
        }
        catch (ArgumentNullException e) when (e.ParamName == "items")
        {
            return null;
        }
    }

    /// <summary>Saves a model that an <see cref="MlNetClassifier"/> or another learner of
    /// <see cref="Workflow.MlNetLearners"/> fitted: the same file as <see cref="Workflow.MlNetLearners.Save"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The model was fitted by none of these learners.</exception>
    /// <example>
    /// <code>
    /// var model = MlNetClassifier.LightGbm(new MLContext(seed: 0)).Fit(train);
    /// using (var file = File.Create("model.zip")) MlNetClassifier.Save(model, file);
    /// </code>
    /// </example>
    public static void Save(IClassifierModel model, Stream stream) => Workflow.ModelFile.Save(model, stream);

    /// <summary>Loads a model saved by <see cref="Save"/> or <see cref="Workflow.MlNetLearners.Save"/> into
    /// <paramref name="ml"/>.</summary>
    /// <exception cref="InvalidDataException">The stream holds no such model or is damaged.</exception>
    /// <example>
    /// <code>
    /// using var file = File.OpenRead("model.zip");
    /// var model = MlNetClassifier.Load(new MLContext(seed: 0), file);
    /// double[] p = model.PredictProbabilities(test);
    /// </code>
    /// </example>
    public static IClassifierModel Load(MLContext ml, Stream stream) => Workflow.ModelFile.Load(ml, stream);

    /// <summary>A model fitted by an <see cref="MlNetClassifier"/>: its ML.NET model and what is needed to feed
    /// it.</summary>
    internal sealed class Model(
        MLContext ml, ITransformer model, DataViewShape shape, int classes, string[]? binaryLabels) : IClassifierModel
    {
        private const string ModelEntry = "model.zip";
        private const string ShapeEntry = "shape.json";

        /// <summary>The fitted ML.NET model.</summary>
        internal ITransformer Transformer => model;

        public double[] PredictProbabilities(Dataset data)
        {
            ArgumentNullException.ThrowIfNull(data);
            return Predict(model, DataViewCache.Get(data, shape), classes, data.RowCount);
        }

        /// <summary>Writes the ML.NET model and the shape into <paramref name="zip"/>.</summary>
        internal void WriteTo(System.IO.Compression.ZipArchive zip)
        {
            using (var entry = zip.CreateEntry(ModelEntry).Open())
                ml.Model.Save(model, DataViewConversion.Schema(shape), entry);
            using var manifest = zip.CreateEntry(ShapeEntry).Open();
            System.Text.Json.JsonSerializer.Serialize(manifest, new Saved(shape, classes, binaryLabels));
        }

        /// <summary>Whether <paramref name="zip"/> holds such a model.</summary>
        internal static bool IsIn(System.IO.Compression.ZipArchive zip) => zip.GetEntry(ShapeEntry) is not null;

        /// <summary>Reads a model <see cref="WriteTo"/> wrote.</summary>
        /// <exception cref="InvalidDataException">An entry is missing or damaged.</exception>
        internal static Model ReadFrom(MLContext ml, System.IO.Compression.ZipArchive zip)
        {
            var saved = ModelZip.ReadJson<Saved>(zip, ShapeEntry);
            var binary = saved.Shape?.Label == LabelKind.Boolean;
            if (!ModelZip.IsValid(saved.Shape)
                || saved.Classes != (binary ? 2 : saved.Shape!.KeyValues!.Count)
                || (binary ? saved.BinaryLabels is not { Length: 2 } : saved.BinaryLabels is not null))
                throw new InvalidDataException($"damaged model: the entry '{ShapeEntry}' is incomplete");
            return new Model(ml, ModelZip.ReadModel(ml, zip, ModelEntry), saved.Shape!, saved.Classes,
                saved.BinaryLabels);
        }

        private sealed record Saved(DataViewShape Shape, int Classes, string[]? BinaryLabels);
    }

    /// <summary>Row-major class probabilities of <paramref name="model"/> on <paramref name="input"/>: its
    /// <c>Probability</c> for two classes, its normalised <c>Score</c> vector otherwise. The rows are mapped one at a
    /// time on this thread (<see cref="MappedDataView"/>): <c>Transform</c> and a cursor would split the input across
    /// ML.NET's background threads and merge it again, which costs more than the scoring itself on tables of
    /// thousands of rows.</summary>
    internal static double[] Predict(ITransformer model, IDataView input, int classes, int rows) =>
        Probabilities(model.IsRowToRowMapper
            ? new MappedDataView(input, model.GetRowToRowMapper(input.Schema))
            : model.Transform(input), classes, rows);

    /// <summary>Row-major class probabilities of scored data: <c>Probability</c> for two classes, the normalised
    /// <c>Score</c> vector otherwise.</summary>
    internal static double[] Probabilities(IDataView scored, int classes, int rows)
    {
        var result = new double[rows * classes];
        if (classes == 2)
        {
            var i = 0;
            foreach (var p in scored.GetColumn<float>("Probability"))
            {
                result[i * 2 + 1] = p;
                result[i * 2] = 1 - p;
                i++;
            }
            return result;
        }
        var row = 0;
        foreach (var scores in scored.GetColumn<float[]>("Score"))
        {
            Ensembles.EnsembleVoting.Normalise(scores.AsSpan(0, classes), result.AsSpan(row * classes, classes));
            row++;
        }
        return result;
    }
}
