using Imbalanced.ModelSelection;
using Imbalanced.Metrics;
using Imbalanced.Sampling.UnderSampling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Imbalanced.MLNet.Tests;

/// <summary>What a user does from training to serving: a typed CSV loaded with <c>LoadFromTextFile</c>, a
/// featurizing pipeline, a tuned threshold or class weights, <c>Model.Save</c>, <c>Model.Load</c> in a fresh
/// <c>MLContext</c>, and a prediction engine fed rows without a label that predicts as the in-memory model.</summary>
public class ServingTests
{
    private static readonly string Csv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hacide_subset.csv");

    private static IDataView Load(MLContext ml) =>
        ml.Data.LoadFromTextFile<Transaction>(Csv, hasHeader: true, separatorChar: ',');

    private static IEstimator<ITransformer> Featurizer(MLContext ml) =>
        ml.Transforms.Concatenate("Features", nameof(Transaction.X1), nameof(Transaction.X2));

    private static FastTreeBinaryTrainer Tree(MLContext ml, string? weights = null) =>
        ml.BinaryClassification.Trainers.FastTree(exampleWeightColumnName: weights, numberOfLeaves: 4,
            numberOfTrees: 20, minimumExampleCountPerLeaf: 2);

    /// <summary>Saves <paramref name="model"/>, loads it in a fresh context, serves every row of
    /// <paramref name="data"/> without its label, and checks each prediction against the in-memory model.</summary>
    private static Decision[] ServeAndCompare(MLContext ml, ITransformer model, IDataView data)
    {
        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-serving-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(1);
            var loaded = fresh.Model.Load(path, out _);
            var engine = fresh.Model.CreatePredictionEngine<Request, Decision>(loaded);
            var scored = model.Transform(data);
            var expected = scored.GetColumn<bool>("PredictedLabel").ToArray();
            var probability = scored.GetColumn<float>("Probability").ToArray();
            var requests = ml.Data.CreateEnumerable<Transaction>(data, reuseRowObject: false)
                .Select(t => new Request { X1 = t.X1, X2 = t.X2 }).ToArray();
            var served = requests.Select(engine.Predict).ToArray();
            Assert.Equal(expected, served.Select(d => d.PredictedLabel));
            Assert.Equal(probability, served.Select(d => d.Probability));
            return served;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_threshold_tuned_on_probability_is_applied_to_probability_and_served()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var model = Featurizer(ml).Append(Tree(ml)).Fit(data);
        var cost = new MisclassificationCost(falseNegative: 50, falsePositive: 1);
        var choice = BinaryThresholds.Tune(model.Transform(data), ThresholdObjective.Cost(cost),
            scoreColumn: "Probability");
        Assert.Equal("Probability", choice.ScoreColumn);

        var tuned = BinaryThresholds.Apply(ml, model, choice);
        var served = ServeAndCompare(ml, tuned, data);
        Assert.All(served, d => Assert.Equal(d.Probability >= (float)choice.Threshold, d.PredictedLabel));
        var scores = served.Select(d => d.Score).ToArray();
        Assert.NotEqual(scores.Count(s => s >= choice.Threshold), served.Count(d => d.PredictedLabel)); // not Score
        var rescored = tuned.Transform(data);
        Assert.Equal(-choice.Objective, BinaryThresholds.ExpectedCost(rescored, cost), 1e-9); // decides as tuned
    }

    [Fact]
    public void A_threshold_tuned_on_the_score_is_applied_to_the_score_and_served()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var model = Featurizer(ml).Append(Tree(ml)).Fit(data);
        var choice = BinaryThresholds.Tune(model.Transform(data), ThresholdObjective.FBeta(3));
        Assert.Equal("Score", choice.ScoreColumn);
        var served = ServeAndCompare(ml, BinaryThresholds.Apply(ml, model, choice), data);
        Assert.All(served, d => Assert.Equal(d.Score >= (float)choice.Threshold, d.PredictedLabel));
        ThresholdChoice core = choice; // code written against the core's type keeps compiling
        Assert.Equal((choice.Threshold, choice.Objective), (core.Threshold, core.Objective));
    }

    [Fact]
    public void Tuning_on_a_column_the_scored_data_lacks_says_so()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var scored = Featurizer(ml).Append(Tree(ml)).Fit(data).Transform(data);
        var error = Assert.Throws<DataException>(() =>
            BinaryThresholds.Tune(scored, ThresholdObjective.FBeta(1), scoreColumn: "Probabilty"));
        Assert.Contains("'Probabilty'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Class_weights_are_used_in_training_and_not_needed_when_serving()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var model = Featurizer(ml).Append(Tree(ml, "Weight").WithClassWeights(ml)).Fit(data);
        var served = ServeAndCompare(ml, model, data);
        var plain = Featurizer(ml).Append(Tree(ml)).Fit(data).Transform(data);
        Assert.True(served.Count(d => d.PredictedLabel) > plain.GetColumn<bool>("PredictedLabel").Count(p => p),
            "weighting the rare class up predicts it more often");
    }

    public static TheoryData<bool> Orders() => [true, false];

    [Theory]
    [MemberData(nameof(Orders))]
    public void Class_weights_combine_with_resampling_in_either_order(bool weightsInside)
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var weights = new Dictionary<string, double> { ["True"] = 4, ["False"] = 1 };
        var sampler = new RandomUnderSampler(new RandomUnderSamplerOptions { Seed = 1 });
        var trainer = weightsInside
            ? (IEstimator<ITransformer>)Tree(ml, "Weight").WithClassWeights(ml, weights).WithResampling(ml, sampler)
            : Tree(ml, "Weight").WithResampling(ml, sampler).WithClassWeights(ml, weights);
        var model = Featurizer(ml).Append(trainer).Fit(data);
        var served = ServeAndCompare(ml, model, data);
        var unweighted = Featurizer(ml).Append(Tree(ml).WithResampling(ml, sampler)).Fit(data).Transform(data);
        Assert.NotEqual(unweighted.GetColumn<float>("Probability"), served.Select(d => d.Probability));
    }

    /// <summary>What the README says of the default weights: they balance the classes of the rows the trainer sees,
    /// so after a sampler that has balanced them every weight is 1 and the model is the resampled one alone (weights
    /// given explicitly do combine, above).</summary>
    [Fact]
    public void Balanced_weights_after_a_balancing_sampler_are_all_one()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var sampler = new RandomUnderSampler(new RandomUnderSamplerOptions { Seed = 1 });
        var weighted = Featurizer(ml).Append(Tree(ml, "Weight").WithResampling(ml, sampler).WithClassWeights(ml))
            .Fit(data).Transform(data).GetColumn<float>("Probability").ToArray();
        var resampled = Featurizer(ml).Append(Tree(ml).WithResampling(ml, sampler)).Fit(data).Transform(data)
            .GetColumn<float>("Probability").ToArray();
        Assert.Equal(resampled, weighted);
    }

    /// <summary>A trainer that reads no example weights (or reads them from another column) would ignore the class
    /// weights and give the unweighted model without a word: refused at once, with the way that works, also
    /// through WithResampling.</summary>
    [Fact]
    public void Class_weights_for_a_trainer_that_would_ignore_them_are_refused()
    {
        var ml = new MLContext(0);
        var none = Assert.Throws<ArgumentException>(() => Tree(ml).WithClassWeights(ml));
        Assert.Contains("exampleWeightColumnName: \"Weight\"", none.Message, StringComparison.Ordinal);
        var through = Assert.Throws<ArgumentException>(
            () => Tree(ml).WithResampling(ml, new RandomUnderSampler()).WithClassWeights(ml));
        Assert.Contains("reads no example weights", through.Message, StringComparison.Ordinal);
        var other = Assert.Throws<ArgumentException>(() => Tree(ml, "W").WithClassWeights(ml));
        Assert.Contains("'W'", other.Message, StringComparison.Ordinal);
        Assert.NotNull(Tree(ml, "W").WithClassWeights(ml, weightColumn: "W"));
    }

    /// <summary>An explicit weight keyed by a name that is no class of a Boolean label is a data error naming the
    /// classes, not .NET's Boolean parse failure.</summary>
    [Fact]
    public void An_explicit_weight_for_no_class_of_a_boolean_label_is_named()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var weights = new Dictionary<string, double> { ["Yes"] = 5, ["False"] = 1 };
        var error = Assert.Throws<Imbalanced.DataException>(
            () => Featurizer(ml).Append(Tree(ml, "Weight").WithClassWeights(ml, weights)).Fit(data));
        Assert.Contains("'Yes'", error.Message, StringComparison.Ordinal);
        Assert.Contains("True and False", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_column_made_before_resampling_is_reported_with_the_way_that_works()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var pipeline = ClassWeightColumn.Balanced(ml, data).Append(Featurizer(ml))
            .Append(Tree(ml, "Weight").WithResampling(ml, new RandomUnderSampler()));
        var error = Assert.Throws<InvalidOperationException>(() => pipeline.Fit(data));
        Assert.Contains("WithClassWeights", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.5e-6)]
    [InlineData(0.0016)]
    [InlineData(0.5)]
    public void A_threshold_set_by_hand_decides_exactly_at_its_value(double threshold)
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var model = Featurizer(ml).Append(Tree(ml)).Fit(data);
        var probabilities = model.Transform(data).GetColumn<float>("Probability").ToArray();
        var at = probabilities.OrderBy(p => Math.Abs(p - threshold)).First(); // a threshold some row sits on
        var tuned = BinaryThresholds.Apply(ml, model, new BinaryThreshold(at, "Probability")).Transform(data);
        Assert.Equal(probabilities.Select(p => p >= at), tuned.GetColumn<bool>("PredictedLabel"));
    }

    [Fact]
    public void Class_weights_serve_a_multiclass_model_with_a_key_label()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var trainer = ml.MulticlassClassification.Trainers
            .LbfgsMaximumEntropy(exampleWeightColumnName: "Weight").WithClassWeights(ml);
        // The label is mapped to a key beforehand: a mapping inside the model would itself need the label to serve.
        data = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        var model = Featurizer(ml).Append(trainer).Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-serving-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(1);
            var engine = fresh.Model.CreatePredictionEngine<Request, ClassScores>(fresh.Model.Load(path, out _));
            var expected = model.Transform(data).GetColumn<float[]>("Score").ToArray();
            var served = fresh.Data.CreateEnumerable<Request>(data, reuseRowObject: false)
                .Select(r => engine.Predict(r).Score).ToArray();
            Assert.Equal(expected, served);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public sealed class ClassScores
    {
        public float[] Score { get; set; } = [];
    }

    public sealed class Decision
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }
}
