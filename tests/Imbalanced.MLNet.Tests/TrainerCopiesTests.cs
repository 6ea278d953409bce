using System.Runtime.Loader;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Imbalanced.MLNet.Tests;

public class TrainerCopiesTests
{
    private const string Trees = TrainerCopies.TreeExtensions;
    private const string Gbm = TrainerCopies.LightGbmExtensions;

    public sealed class Row
    {
        [VectorType(3)] public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private static IDataView View(MLContext ml)
    {
        var data = MlNetClassifierTests.Blobs(["neg", "pos"], [300, 60]);
        return ml.Data.LoadFromEnumerable(Enumerable.Range(0, data.RowCount).Select(i => new Row
        {
            Features = [.. data.NumericRow(i).ToArray().Select(v => (float)v)],
            Label = data.LabelCodes[i] == data.Classes.IndexOf("pos"),
        }));
    }

    private static float[] Scores(System.Reflection.Assembly copy, object options, string extensions, string method,
        Func<ITransformer, MLContext, ITransformer>? roundTrip = null)
    {
        var ml = new MLContext(1);
        var view = View(ml);
        var model = TrainerCopies.Trainer(copy, ml, options, extensions, method).Fit(view);
        if (roundTrip is not null) model = roundTrip(model, ml);
        return [.. model.Transform(view).GetColumn<float>("Score")];
    }

    public static TheoryData<string, string> Trainers => new()
    {
        { Trees, "FastForest" },
        { Trees, "FastTree" },
        { Gbm, "LightGbm" },
    };

    // Options other than the defaults, so that a copy that dropped them would fit another model.
    private static object Options(string method, bool changed) => method switch
    {
        "FastForest" => new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = 10,
            NumberOfLeaves = changed ? 4 : 20,
            MemoryStatistics = false,
            Bundling = changed ? Bundle.Adjacent : Bundle.None,
        },
        "FastTree" => new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 10,
            NumberOfLeaves = changed ? 4 : 20,
            MemoryStatistics = false,
        },
        _ => new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = 10,
            NumberOfLeaves = changed ? 4 : 31,
            NumberOfThreads = 1,
            MinimumExampleCountPerLeaf = 5,
        },
    };

    [Fact]
    public void A_copy_is_the_same_assembly_loaded_again_in_a_context_of_its_own()
    {
        var referenced = typeof(FastForestBinaryTrainer).Assembly;
        var copy = TrainerCopies.Load(referenced);
        Assert.NotSame(referenced, copy);
        Assert.Equal(referenced.FullName, copy.FullName);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(copy));
        Assert.NotSame(referenced.GetType(typeof(FastForestBinaryTrainer).FullName!),
            copy.GetType(typeof(FastForestBinaryTrainer).FullName!));
    }

    [Fact]
    public void An_assembly_without_a_file_is_its_own_only_copy()
    {
        // As in a single-file application: the fits then share the assembly and its lock.
        var bytes = File.ReadAllBytes(typeof(FastForestBinaryTrainer).Assembly.Location);
        var context = new AssemblyLoadContext("no file", isCollectible: true);
        var inMemory = context.LoadFromStream(new MemoryStream(bytes));
        Assert.Equal("", inMemory.Location);
        Assert.Same(inMemory, TrainerCopies.Load(inMemory));
        context.Unload();
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void A_copy_fits_the_model_the_referenced_assembly_fits_with_the_options_given(
        string extensions, string method)
    {
        var referenced = Options(method, changed: true).GetType().Assembly;
        var copy = TrainerCopies.Load(referenced);
        var expected = Scores(referenced, Options(method, changed: true), extensions, method);
        Assert.Equal(expected, Scores(copy, Options(method, changed: true), extensions, method));
        Assert.NotEqual(expected, Scores(referenced, Options(method, changed: false), extensions, method));
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void A_model_fitted_on_a_copy_is_saved_and_loaded_by_ml_net(string extensions, string method)
    {
        var options = Options(method, changed: true);
        var copy = TrainerCopies.Load(options.GetType().Assembly);
        var expected = Scores(copy, options, extensions, method);
        var loaded = Scores(copy, options, extensions, method, (model, ml) =>
        {
            using var stream = new MemoryStream();
            ml.Model.Save(model, View(ml).Schema, stream);
            stream.Position = 0;
            return new MLContext(2).Model.Load(stream, out _);
        });
        Assert.Equal(expected, loaded);
    }

    [Fact]
    public void Leases_held_at_once_are_different_copies()
    {
        var referenced = typeof(LightGbmBinaryTrainer).Assembly;
        var pair = TrainerCopies.Lease(referenced,
            outer => TrainerCopies.Lease(referenced, inner => (outer, inner)));
        Assert.NotSame(pair.outer, pair.inner);
        // The referenced assembly is left to fits that do not lease, so that they never wait on a leased one.
        Assert.DoesNotContain(referenced, new[] { pair.outer, pair.inner });
        Assert.Equal(referenced.FullName, pair.outer.FullName);
        Assert.Equal(referenced.FullName, pair.inner.FullName);
    }

    [Fact]
    public void Options_are_copied_member_by_member_enumerations_by_number_and_nested_options_too()
    {
        var forest = new FastForestBinaryTrainer.Options { Bundling = Bundle.Adjacent, NumberOfLeaves = 7 };
        var forestCopy = TrainerCopies.CopyOptions(forest, forest.GetType().Assembly,
            TrainerCopies.Load(forest.GetType().Assembly));
        Assert.NotSame(forest.GetType(), forestCopy.GetType());
        Assert.Equal("Adjacent", forestCopy.GetType().GetField("Bundling")!.GetValue(forestCopy)!.ToString());
        Assert.Equal(7, forestCopy.GetType().GetField("NumberOfLeaves")!.GetValue(forestCopy));

        var gbm = new LightGbmBinaryTrainer.Options
        {
            Booster = new DartBooster.Options { TreeDropFraction = 0.25 },
            NumberOfLeaves = 9,
        };
        var copy = TrainerCopies.Load(gbm.GetType().Assembly);
        var gbmCopy = TrainerCopies.CopyOptions(gbm, gbm.GetType().Assembly, copy);
        var booster = gbmCopy.GetType().GetProperty("Booster")!.GetValue(gbmCopy)!;
        Assert.Same(copy, booster.GetType().Assembly);
        Assert.Equal(typeof(DartBooster.Options).FullName, booster.GetType().FullName);
        Assert.Equal(0.25, booster.GetType().GetField("TreeDropFraction")!.GetValue(booster));
    }

    [Fact]
    public void A_copy_s_trainer_refuses_bad_options_with_ml_net_s_own_exception()
    {
        var options = new FastForestBinaryTrainer.Options { NumberOfLeaves = 1 };
        var copy = TrainerCopies.Load(options.GetType().Assembly);
        var e = Record.Exception(() =>
            TrainerCopies.Trainer(copy, new MLContext(1), options, Trees, "FastForest").Fit(View(new MLContext(1))));
        Assert.NotNull(e);
        Assert.IsNotType<System.Reflection.TargetInvocationException>(e);
        Assert.Contains("leaves", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("random-forest")]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    public void Learners_fitted_side_by_side_give_what_they_give_one_after_the_other(string name)
    {
        var data = MlNetClassifierTests.Blobs(["neg", "pos"], [300, 60]);
        double[] Fit(int seed) =>
            MlNetClassifier.ByName(new MLContext(seed), name, threads: 1).Fit(data).PredictProbabilities(data);
        var alone = Enumerable.Range(0, 4).Select(Fit).ToArray();
        var together = new double[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, s => together[s] = Fit(s));
        for (var s = 0; s < 4; s++) Assert.Equal(alone[s], together[s]);
    }
}
