using Imbalanced.Data;
using Imbalanced.MLNet.Workflow;
using Imbalanced.ModelSelection;
using Imbalanced.Synthetic;

namespace Imbalanced.MLNet.Tests;

/// <summary>Every learner of <see cref="MlNetLearners"/> fits binary and multiclass core data sets, honours row
/// weights, saves and loads, and predicts the same whatever runs beside it.</summary>
public class MlNetLearnersTests
{
    // Ten members per ensemble keep the tests fast; EnsembleTests fits the ensembles at their full size.
    private static readonly MlNetLearners Learners = new(members: 10);

    public static TheoryData<string> Names() => [.. new MlNetLearners().Names];

    /// <summary>Training and test rows of one problem.</summary>
    internal static (Dataset Train, Dataset Test) Split(int classes, double flip = 0.02)
    {
        var data = Data(classes, 360, flip: flip);
        return (data.Select(Enumerable.Range(0, 240).ToArray()), data.Select(Enumerable.Range(240, 120).ToArray()));
    }

    internal static Dataset Data(int classes, int rows = 240, long seed = 2, double flip = 0.02) =>
        ClassificationGenerator.Generate(new ClassificationOptions
        {
            Rows = rows,
            Features = 4,
            Informative = 3,
            Redundant = 0,
            Classes = classes,
            ClustersPerClass = 1,
            Weights = classes == 2 ? [0.8] : [0.6, 0.25],
            Flip = flip,
            Seed = seed,
        });

    private static double Accuracy(Dataset data, double[] p)
    {
        var k = data.Classes.Count;
        return Enumerable.Range(0, data.RowCount)
            .Count(i => Numerics.Vectors.ArgMax(p.AsSpan(i * k, k)) == data.LabelCodes[i]) / (double)data.RowCount;
    }

    [Fact]
    public void Names_are_every_learner_and_an_unknown_name_lists_them()
    {
        Assert.Equal(["logistic", "lightgbm", "random-forest", "fasttree", "balanced-random-forest", "easy-ensemble",
            "balanced-bagging", "rus-boost"], Learners.Names);
        Assert.Subset(Learners.Names.ToHashSet(), Learners.DefaultNames.ToHashSet());
        var e = Assert.Throws<ArgumentException>(() => Learners.Create("svm", 0));
        Assert.All(Learners.Names, n => Assert.Contains(n, e.Message));
        Assert.Throws<ArgumentException>(() => Learners.AcceptsMissing("svm"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fits_binary_and_multiclass_data_and_loads_what_it_saved(string name)
    {
        foreach (var classes in new[] { 2, 3 })
        {
            var (train, test) = Split(classes);
            var model = Learners.Create(name, 1).Fit(train);
            var p = model.PredictProbabilities(test);
            Assert.Equal(test.RowCount * classes, p.Length);
            for (var i = 0; i < test.RowCount; i++)
            {
                Assert.Equal(1.0, Enumerable.Range(0, classes).Sum(c => p[i * classes + c]), 1e-5);
                Assert.All(Enumerable.Range(0, classes), c => Assert.InRange(p[i * classes + c], -1e-9, 1 + 1e-9));
            }
            Assert.True(Accuracy(test, p) > 0.7, $"{name}, {classes} classes: accuracy {Accuracy(test, p):0.00}");

            using var file = new MemoryStream();
            MlNetLearners.Save(model, file);
            file.Position = 0;
            Assert.Equal(p, MlNetLearners.Load(file).PredictProbabilities(test));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Row_weights_reach_the_learner(string name)
    {
        // Noisy data: weighing class 1 ten times up moves the probabilities of new rows towards it.
        var (train, test) = Split(2, flip: 0.3);
        var weights = train.LabelCodes.Select(l => l == 1 ? 10.0 : 1.0).ToArray();
        double MeanPositive(IReadOnlyList<double>? w)
        {
            var p = Learners.Create(name, 1).Fit(train, w).PredictProbabilities(test);
            return Enumerable.Range(0, test.RowCount).Average(i => p[i * 2 + 1]);
        }
        var plain = MeanPositive(null);
        var weighted = MeanPositive(weights);
        // The balanced forest's trees take the weights, but ML.NET's naive (binning) calibrator of each tree takes
        // none: the weights change which rows score high, not the level of the probabilities.
        if (name == "balanced-random-forest") Assert.NotEqual(plain, weighted);
        else Assert.True(weighted > plain + 0.02, $"{name}: mean P(1) {weighted:0.000} weighted, {plain:0.000} not");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Fits_running_at_the_same_time_give_the_probabilities_of_a_fit_alone(string name)
    {
        var (train, test) = Split(2);
        var alone = Learners.Create(name, 4).Fit(train).PredictProbabilities(test);
        var shared = Learners.Create(name, 4);
        // Two learners, the same learner twice, and another kind of learner, all at once.
        var runs = new Func<double[]>[]
        {
            () => Learners.Create(name, 4).Fit(train).PredictProbabilities(test),
            () => Learners.Create(name, 4).Fit(train).PredictProbabilities(test),
            () => shared.Fit(train).PredictProbabilities(test),
            () => shared.Fit(train).PredictProbabilities(test),
            () => Learners.Create(name == "lightgbm" ? "logistic" : "lightgbm", 4).Fit(train)
                .PredictProbabilities(test),
        };
        var results = new double[runs.Length][];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, r => results[r] = runs[r]());
        for (var r = 0; r < 4; r++) Assert.Equal(alone, results[r]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Only_a_learner_that_accepts_missing_values_fits_rows_that_all_have_one(string name)
    {
        // Every row misses one of its four features.
        static Dataset Holes(Dataset data)
        {
            var values = data.NumericValues.ToArray();
            for (var i = 0; i < data.RowCount; i++) values[i * data.NumericCount + i % data.NumericCount] = double.NaN;
            return data.WithRows(values, [], [.. data.LabelCodes]);
        }
        var (train, test) = Split(2);
        (train, test) = (Holes(train), Holes(test));
        if (Learners.AcceptsMissing(name))
        {
            var p = Learners.Create(name, 0).Fit(train).PredictProbabilities(test);
            Assert.All(p, v => Assert.InRange(v, 0, 1));
            Assert.True(Accuracy(test, p) > 0.7, $"{name}: accuracy {Accuracy(test, p):0.00}");
        }
        else
        {
            // ML.NET skips every training row with a missing value, which leaves none here; the ensembles say so as
            // a data error naming the member's sample.
            var e = Record.Exception(() => Learners.Create(name, 0).Fit(train));
            Assert.Contains("missing features", e?.Message);
            Assert.IsType(name.Contains("ensemble") || name.Contains("balanced") || name == "rus-boost"
                ? typeof(DataException) : typeof(InvalidOperationException), e);
        }
    }

    [Fact]
    public void A_data_set_is_converted_once_per_weights_whatever_fits_and_predicts_it()
    {
        var (train, test) = Split(2);
        var weights = ClassWeights.Balanced(train.LabelCodes);
        var probabilities = new List<double[]>();
        Parallel.ForEach(DefaultAndEnsemble(), new ParallelOptions { MaxDegreeOfParallelism = 3 }, name =>
        {
            var p = Learners.Create(name, 0).Fit(train).PredictProbabilities(test);
            Learners.Create(name, 0).Fit(train, weights).PredictProbabilities(test);
            lock (probabilities) probabilities.Add(p);
        });
        Assert.Equal(2, DataViewCache.ConversionsOf(train)); // without weights and with them
        Assert.Equal(1, DataViewCache.ConversionsOf(test));

        // A copy of the data set is converted anew, and the probabilities are those of the cached views.
        var copy = train.Select(Enumerable.Range(0, train.RowCount).ToArray());
        var again = Learners.Create("logistic", 0).Fit(copy).PredictProbabilities(test);
        Assert.Equal(1, DataViewCache.ConversionsOf(copy));
        Assert.Contains(probabilities, p => p.SequenceEqual(again));
    }

    private static string[] DefaultAndEnsemble() => ["logistic", "lightgbm", "random-forest", "easy-ensemble"];
}
