using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

public class MlNetTests
{
    public sealed class Input
    {
        [VectorType(4)] public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public sealed class TextInput
    {
        [VectorType(4)] public float[] Features { get; set; } = [];

        public string Text { get; set; } = "";
    }

    public sealed class Output
    {
        public bool PredictedLabel { get; set; }

        public float Score { get; set; }
    }

    /// <summary>Imbalanced binary data whose first feature is a unique row id, so rows can be traced.</summary>
    private static List<Input> Rows(int n = 300, int seed = 1)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(i =>
        {
            var positive = i % 10 == 0;
            return new Input
            {
                Features = [i, (float)(rng.NextDouble() + (positive ? 1.2 : 0)),
                    (float)(rng.NextDouble() + (positive ? 0.8 : 0)), (float)rng.NextDouble()],
                Label = positive,
            };
        }).ToList();
    }

    private sealed class SpySampler(ISampler inner) : ISampler
    {
        public List<int[]> SeenIds { get; } = [];

        public ResampleResult FitResample(Dataset data)
        {
            var ids = Enumerable.Range(0, data.RowCount).Select(i => (int)data.NumericRow(i)[0]).ToArray();
            lock (SeenIds) SeenIds.Add(ids);
            return inner.FitResample(data);
        }
    }

    [Fact]
    public void Conversion_keeps_slot_names_key_values_and_rows()
    {
        var ml = new MLContext(0);
        var view = ml.Data.ShuffleRows(ml.Data.LoadFromEnumerable(Rows()), seed: 3); // row count unknown up front
        var (data, shape) = DataViewConversion.ToDataset(view);
        Assert.Equal(300, data.RowCount);
        Assert.Equal(LabelKind.Boolean, shape.Label);
        Assert.Equal(["False", "True"], data.Classes.Labels);
        var back = DataViewConversion.ToDataView(ml, data, shape);
        var (again, _) = DataViewConversion.ToDataset(back);
        Assert.Equal(data.Numeric, again.Numeric);
        Assert.Equal(data.Labels, again.Labels);

        var texts = ml.Data.LoadFromEnumerable(
            Rows().Select(r => new TextInput { Features = r.Features, Text = r.Label ? "fraud" : "ok" }));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "Text").Fit(texts).Transform(texts);
        var (multi, multiShape) = DataViewConversion.ToDataset(keyed);
        Assert.Equal(LabelKind.Key, multiShape.Label);
        Assert.Equal(["fraud", "ok"], multi.Classes.Labels);
        var roundTrip = DataViewConversion.ToDataView(ml, multi, multiShape);
        VBuffer<ReadOnlyMemory<char>> keys = default;
        roundTrip.Schema["Label"].GetKeyValues(ref keys);
        Assert.Equal(multiShape.KeyValues, keys.DenseValues().Select(k => k.ToString()));
        Assert.Equal(multi.Labels, DataViewConversion.ToDataset(roundTrip).Data.Labels);
    }

    public sealed class Named
    {
        public float Age { get; set; }

        public float Income { get; set; }

        public bool Label { get; set; }
    }

    [Fact]
    public void Slot_names_survive_the_round_trip()
    {
        var ml = new MLContext(0);
        var named = ml.Data.LoadFromEnumerable(
            Enumerable.Range(0, 20).Select(i => new Named { Age = i, Income = i * 2, Label = i % 4 == 0 }));
        var view = ml.Transforms.Concatenate("Features", "Age", "Income").Fit(named).Transform(named);
        var (data, shape) = DataViewConversion.ToDataset(view);
        Assert.Equal(["Age", "Income"], data.NumericNames);
        var resampled = new Smote(new SmoteOptions { KNeighbors = 3 }).FitResample(data).ToDataset();
        var back = DataViewConversion.ToDataView(ml, resampled, shape);
        VBuffer<ReadOnlyMemory<char>> slots = default;
        back.Schema["Features"].GetSlotNames(ref slots);
        Assert.Equal(["Age", "Income"], slots.DenseValues().Select(s => s.ToString()));
    }

    [Fact]
    public void Bad_columns_are_clear_errors()
    {
        var ml = new MLContext(0);
        var view = ml.Data.LoadFromEnumerable(Rows());
        Assert.Contains("'Nope'",
            Assert.Throws<DataException>(() => DataViewConversion.ToDataset(view, "Nope")).Message);
        var variable = ml.Data.LoadFromEnumerable(new[] { new { Features = new float[] { 1, 2 }, Label = true } });
        Assert.Contains("fixed-size",
            Assert.Throws<DataException>(() => DataViewConversion.ToDataset(variable)).Message);
    }

    [Fact]
    public void Cross_validation_resamples_training_folds_only()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var spy = new SpySampler(new Smote(new SmoteOptions { KNeighbors = 3 }));
        var trainer = ml.BinaryClassification.Trainers
            .FastTree(numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 2)
            .WithResampling(ml, spy);
        var results = ml.BinaryClassification.CrossValidateNonCalibrated(data, trainer, numberOfFolds: 3);
        Assert.Equal(3, spy.SeenIds.Count);
        var holdouts = results
            .Select(r => r.ScoredHoldOutSet.GetColumn<float[]>("Features").Select(f => (int)f[0]).ToHashSet())
            .ToArray();
        foreach (var seen in spy.SeenIds)
        {
            var fold = holdouts.Single(h => !h.Overlaps(seen)); // the fold this training set belongs to
            // training rows plus untouched holdout rows are everything
            Assert.Equal(300, seen.Length + fold.Count);
        }
        Assert.All(holdouts, h => Assert.InRange(h.Count, 80, 120));
    }

    [Fact]
    public void Multiclass_cross_validation_inside_a_featurizing_pipeline_resamples_training_folds_only()
    {
        var ml = new MLContext(0);
        var rows = Rows(240)
            .Select((r, i) => new { r.Features, Text = i % 6 == 0 ? "rare" : i % 2 == 0 ? "even" : "odd" })
            .ToList();
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new TextInput { Features = r.Features, Text = r.Text }));
        var spy = new SpySampler(new Smote(new SmoteOptions { KNeighbors = 3 }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Text")
            .Append(ml.Transforms.CopyColumns("Raw", "Features"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy().WithResampling(ml, spy));
        var results = ml.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 3);
        Assert.Equal(3, spy.SeenIds.Count);
        var holdouts = results
            .Select(r => r.ScoredHoldOutSet.GetColumn<float[]>("Raw").Select(f => (int)f[0]).ToHashSet())
            .ToArray();
        foreach (var seen in spy.SeenIds)
            Assert.Equal(240, seen.Length + holdouts.Single(h => !h.Overlaps(seen)).Count);
    }

    [Fact]
    public void A_resampled_model_saves_loads_and_predicts_the_same()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromEnumerable(Rows());
        var model = ml.BinaryClassification.Trainers
            .FastTree(numberOfLeaves: 4, numberOfTrees: 10, minimumExampleCountPerLeaf: 2)
            .WithResampling(ml, new Smote())
            .Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-{Guid.NewGuid():N}.zip");
        ml.Model.Save(model, data.Schema, path);
        var loaded = ml.Model.Load(path, out _);
        var before = ml.Model.CreatePredictionEngine<Input, Output>(model);
        var after = ml.Model.CreatePredictionEngine<Input, Output>(loaded);
        foreach (var row in Rows(50, seed: 9))
        {
            Assert.Equal(before.Predict(row).Score, after.Predict(row).Score);
            Assert.Equal(before.Predict(row).PredictedLabel, after.Predict(row).PredictedLabel);
        }
        File.Delete(path);
    }
}
