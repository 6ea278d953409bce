using System.Reflection;
using Imbalanced.MLNet.Ensembles;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary>Balanced ensembles used as an ML.NET user would: a typed CSV, a featurizer with the ensemble appended,
/// <c>Fit</c>, <c>Model.Save</c>, <c>Model.Load</c> in a fresh context, a prediction engine on rows without a
/// label, and ML.NET's own <c>CrossValidate</c>.</summary>
public class EnsembleEstimatorTests
{
    private static readonly string Csv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hacide_subset.csv");

    private static IDataView Load(MLContext ml) =>
        ml.Data.LoadFromTextFile<Transaction>(Csv, hasHeader: true, separatorChar: ',');

    private static IEstimator<ITransformer> Pipeline(MLContext ml, string kind) =>
        ml.Transforms.Concatenate("Features", nameof(Transaction.X1), nameof(Transaction.X2))
            .Append(kind switch
            {
                "BalancedBagging" => ml.BinaryClassification.Trainers.BalancedBagging(members: 5, seed: 1),
                "BalancedRandomForest" => ml.BinaryClassification.Trainers.BalancedRandomForest(members: 5, seed: 1),
                "EasyEnsemble" => ml.BinaryClassification.Trainers.EasyEnsemble(members: 5, seed: 1),
                _ => ml.BinaryClassification.Trainers.RusBoost(members: 5, seed: 1),
            });

    [Theory]
    [InlineData("BalancedBagging")]
    [InlineData("BalancedRandomForest")]
    [InlineData("EasyEnsemble")]
    [InlineData("RusBoost")]
    public void An_ensemble_in_a_pipeline_saves_loads_and_serves_rows_without_a_label(string kind)
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var model = Pipeline(ml, kind).Fit(data);
        var scored = model.Transform(data);
        var expected = scored.GetColumn<bool>("PredictedLabel").ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        var labels = data.GetColumn<bool>("Label").ToArray();
        Assert.Contains(true, expected);
        Assert.All(probability, p => Assert.InRange(p, 0f, 1f));
        var recall = Enumerable.Range(0, labels.Length).Count(i => labels[i] && expected[i])
            / (double)labels.Count(l => l);
        Assert.True(recall > 0.5, $"recall {recall}");

        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-ensemble-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(1);
            var loaded = fresh.Model.Load(path, out _);
            var engine = fresh.Model.CreatePredictionEngine<Request, Decision>(loaded);
            var served = ml.Data.CreateEnumerable<Transaction>(data, reuseRowObject: false)
                .Select(t => engine.Predict(new Request { X1 = t.X1, X2 = t.X2 })).ToArray();
            Assert.Equal(expected, served.Select(d => d.PredictedLabel));
            Assert.Equal(probability, served.Select(d => d.Probability));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(EnsembleKind.BalancedBagging)]
    [InlineData(EnsembleKind.RusBoost)]
    public void The_estimator_predicts_as_the_balanced_ensemble_model_with_the_same_seed(EnsembleKind kind)
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Concatenate("Features", nameof(Transaction.X1), nameof(Transaction.X2))
            .Fit(Load(ml)).Transform(Load(ml));
        var served = new BalancedEnsembleEstimator(kind, members: 5, seed: 3).Fit(data).Transform(data)
            .GetColumn<float>("Probability").ToArray();
        var p = new BalancedEnsemble(new MLContext(3), kind, members: 5, seed: 3).Fit(data).PredictProbabilities(data);
        for (var i = 0; i < served.Length; i++) Assert.Equal(p[2 * i + 1], served[i], 1e-5);
    }

    [Fact]
    public void An_ensemble_pipeline_runs_in_ML_NET_cross_validation()
    {
        var ml = new MLContext(0);
        var results = ml.BinaryClassification.CrossValidate(Load(ml), Pipeline(ml, "EasyEnsemble"), 3);
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.InRange(r.Metrics.AreaUnderRocCurve, 0.7, 1.0));
    }

    /// <summary>ML.NET's evaluator decides at Score &gt; 0: its confusion matrix must be the one PredictedLabel gives
    /// (a Score equal to the probability made every row positive: recall 1, accuracy the positive share).</summary>
    [Theory]
    [InlineData("EasyEnsemble")]
    [InlineData("BalancedRandomForest")]
    [InlineData("BalancedBagging")]
    [InlineData("RusBoost")]
    public void ML_NET_evaluation_counts_the_predicted_labels(string kind)
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var scored = Pipeline(ml, kind).Fit(data).Transform(data);
        var metrics = ml.BinaryClassification.Evaluate(scored);
        var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
        var truth = scored.GetColumn<bool>("Label").ToArray();
        var positives = predicted.Count(p => p);
        Assert.InRange(positives, 1, predicted.Length - 1);
        var truePositives = predicted.Zip(truth).Count(t => t.First && t.Second);
        Assert.Equal((double)truePositives / truth.Count(t => t), metrics.PositiveRecall, 1e-9);
        Assert.Equal(predicted.Zip(truth).Count(t => t.First == t.Second) / (double)truth.Length, metrics.Accuracy,
            1e-9);
        var probability = scored.GetColumn<float>("Probability").ToArray();
        var score = scored.GetColumn<float>("Score").ToArray();
        for (var i = 0; i < score.Length; i++) Assert.Equal(probability[i] > 0.5f, score[i] > 0);
        // Members that all agree give a share of 0 or 1: kept inside, so that the log loss is finite and Score is
        // the log-odds of Probability on every row.
        Assert.All(probability, p => Assert.InRange(p, 1e-7f, 0.9999999f));
        Assert.True(double.IsFinite(metrics.LogLoss), $"log loss {metrics.LogLoss}");
        for (var i = 0; i < score.Length; i++)
            Assert.Equal(Math.Log(probability[i] / (1.0 - probability[i])), score[i], 1e-3);
    }

    [Fact]
    public void The_output_schema_promises_the_binary_prediction_columns_the_model_makes()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var pipeline = Pipeline(ml, "BalancedBagging");
        // SchemaShape.Create is internal to ML.NET, which calls it when a chain checks its columns.
        var create = typeof(SchemaShape).GetMethod("Create", BindingFlags.Static | BindingFlags.NonPublic,
            [typeof(DataViewSchema)])!;
        var promised = pipeline.GetOutputSchema((SchemaShape)create.Invoke(null, [data.Schema])!);
        var made = pipeline.Fit(data).Transform(data).Schema;
        foreach (var name in new[] { "Score", "Probability", "PredictedLabel" })
            Assert.Equal(promised.Single(c => c.Name == name).ItemType, made[name].Type);
    }

    [Fact]
    public void Other_feature_and_label_column_names_are_used()
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Concatenate("F", nameof(Transaction.X1), nameof(Transaction.X2))
            .Append(ml.Transforms.CopyColumns("Fraud", "Label")).Append(ml.Transforms.DropColumns("Label"))
            .Fit(Load(ml)).Transform(Load(ml));
        var model = ml.BinaryClassification.Trainers.EasyEnsemble(members: 2, seed: 1, featureColumnName: "F",
            labelColumnName: "Fraud").Fit(data);
        Assert.Contains(true, model.Transform(ml.Transforms.DropColumns("Fraud").Fit(data).Transform(data))
            .GetColumn<bool>("PredictedLabel"));
    }

    [Fact]
    public void A_multiclass_label_is_refused_in_library_language()
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Concatenate("Features", nameof(Transaction.X1), nameof(Transaction.X2))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label", "X1"))
            .Fit(Load(ml)).Transform(Load(ml));
        var error = Assert.Throws<Imbalanced.DataException>(
            () => ml.BinaryClassification.Trainers.EasyEnsemble(members: 2).Fit(data));
        Assert.Contains("must be Boolean", error.Message);
    }

    public sealed class Decision
    {
        public bool PredictedLabel { get; set; }

        public float Probability { get; set; }

        public float Score { get; set; }
    }
}
