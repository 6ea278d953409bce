using System.Reflection;
using Imbalanced.MLNet.Ensembles;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary>Multiclass balanced ensembles used as an ML.NET user would: typed rows with a text label mapped to keys,
/// a featurizer with the ensemble appended and the prediction mapped back to text, <c>Fit</c>, <c>Model.Save</c>,
/// <c>Model.Load</c> in a fresh context, a prediction engine on rows without a label, and ML.NET's own
/// <c>CrossValidate</c>.</summary>
public class MulticlassEnsembleEstimatorTests
{
    private static readonly string Csv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "glass_jitter.csv");

    // Names in the order the types first occur in the file, which is not their ordinal order: the label's keys
    // (by occurrence) are then not in the library's class order.
    private static readonly Dictionary<string, string> Names = new()
    {
        ["1"] = "building_float",
        ["2"] = "building_nonfloat",
        ["3"] = "vehicle_float",
        ["5"] = "containers",
        ["6"] = "tableware",
        ["7"] = "headlamps",
    };

    private static IDataView Load(MLContext ml, params string[] types)
    {
        var rows = ml.Data.CreateEnumerable<GlassRow>(
                ml.Data.LoadFromTextFile<GlassRow>(Csv, hasHeader: true, separatorChar: ','), reuseRowObject: false)
            .Where(r => types.Length == 0 || types.Contains(r.Type))
            .Select(r => new GlassRow { Measures = r.Measures, Type = Names[r.Type] }).ToList();
        return ml.Data.LoadFromEnumerable(rows);
    }

    /// <summary>The data with the type mapped to a key label (the step fitted on the training data; it needs the
    /// label, so it is not part of the model that is served).</summary>
    private static IDataView Keyed(MLContext ml, IDataView data) =>
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(GlassRow.Type)).Fit(data).Transform(data);

    private static MulticlassBalancedEnsembleEstimator Ensemble(MLContext ml, string kind) => kind switch
    {
        "BalancedBagging" => ml.MulticlassClassification.Trainers.BalancedBagging(members: 3, seed: 1),
        "BalancedRandomForest" => ml.MulticlassClassification.Trainers.BalancedRandomForest(members: 3, seed: 1),
        "EasyEnsemble" => ml.MulticlassClassification.Trainers.EasyEnsemble(members: 3, seed: 1),
        _ => ml.MulticlassClassification.Trainers.RusBoost(members: 3, seed: 1),
    };

    private static IEstimator<ITransformer> Pipeline(MLContext ml, string kind) =>
        ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures))
            .Append(Ensemble(ml, kind))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    private static string[] KeyValues(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    [Theory]
    [InlineData("BalancedBagging")]
    [InlineData("BalancedRandomForest")]
    [InlineData("EasyEnsemble")]
    [InlineData("RusBoost")]
    public void An_ensemble_in_a_pipeline_saves_loads_and_serves_rows_without_a_label(string kind)
    {
        var ml = new MLContext(0);
        var data = Keyed(ml, Load(ml));
        var model = Pipeline(ml, kind).Fit(data);
        var scored = model.Transform(data);
        var expected = scored.GetColumn<string>("PredictedLabel").ToArray();
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        var truth = data.GetColumn<string>(nameof(GlassRow.Type)).ToArray();
        Assert.All(scores, s => Assert.Equal(6, s.Length));
        Assert.All(scores, s => Assert.Equal(1.0, s.Sum(), 1e-4));
        // Balanced members find every type, the rarest (9 rows of 214) included.
        var recalls = Names.Values.ToDictionary(type => type, type =>
        {
            var rows = Enumerable.Range(0, truth.Length).Where(i => truth[i] == type).ToArray();
            return rows.Count(i => expected[i] == type) / (double)rows.Length;
        });
        var report = string.Join(", ", recalls.Select(r => $"{r.Key} {r.Value:F2}"));
        Assert.True(recalls.Values.Average() >= 0.6 && recalls.Values.Min() >= 0.3, report);

        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-multiclass-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            // No registration: the model names the assembly of its mapping, which ML.NET loads.
            var fresh = new MLContext(1);
            var loaded = fresh.Model.Load(path, out _);
            var engine = fresh.Model.CreatePredictionEngine<GlassRequest, GlassDecision>(loaded);
            var served = ml.Data.CreateEnumerable<GlassRow>(data, reuseRowObject: false)
                .Select(r => engine.Predict(new GlassRequest { Measures = r.Measures })).ToArray();
            Assert.Equal(expected, served.Select(d => d.PredictedLabel));
            Assert.Equal(scores, served.Select(d => d.Score));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(EnsembleKind.EasyEnsemble)]
    [InlineData(EnsembleKind.BalancedRandomForest)]
    [InlineData(EnsembleKind.RusBoost)]
    public void The_estimator_gives_the_probabilities_of_the_balanced_ensemble_with_the_same_seed(EnsembleKind kind)
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures)).Fit(Keyed(ml, Load(ml)))
            .Transform(Keyed(ml, Load(ml)));
        var keys = KeyValues(data.Schema["Label"]);
        var scored = new MulticlassBalancedEnsembleEstimator(kind, members: 3, seed: 3).Fit(data).Transform(data);
        var served = scored.GetColumn<float[]>("Score").ToArray();
        var predicted = scored.GetColumn<uint>("PredictedLabel").ToArray();
        var model = new BalancedEnsemble(new MLContext(3), kind, members: 3, seed: 3).Fit(data);
        var p = model.PredictProbabilities(data);
        var classes = model.Classes.ToList();
        // The keys are in order of first occurrence, the model's classes in ordinal order.
        Assert.NotEqual(keys, classes);
        var k = classes.Count;
        for (var i = 0; i < served.Length; i++)
        {
            for (var j = 0; j < k; j++) Assert.Equal(p[i * k + classes.IndexOf(keys[j])], served[i][j], 1e-5);
            var best = Enumerable.Range(0, k).MaxBy(c => p[i * k + c]);
            Assert.Equal(classes[best], keys[predicted[i] - 1]);
        }
    }

    [Theory]
    [InlineData(EnsembleKind.EasyEnsemble)]
    [InlineData(EnsembleKind.RusBoost)]
    public void The_balanced_ensemble_names_its_classes_right_when_the_keys_are_not_in_class_order(EnsembleKind kind)
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures)).Fit(Keyed(ml, Load(ml)))
            .Transform(Keyed(ml, Load(ml)));
        var predicted = new BalancedEnsemble(new MLContext(3), kind, members: 5, seed: 3).Fit(data).Predict(data);
        var truth = data.GetColumn<string>(nameof(GlassRow.Type)).ToArray();
        var accuracy = Enumerable.Range(0, truth.Length).Count(i => predicted[i] == truth[i]) / (double)truth.Length;
        Assert.True(accuracy > 0.6, $"accuracy {accuracy}");
    }

    [Fact]
    public void A_two_class_key_label_gets_two_scores_equal_to_the_balanced_ensemble()
    {
        var ml = new MLContext(0);
        var raw = Load(ml, "1", "6");
        var data = ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures)).Fit(Keyed(ml, raw))
            .Transform(Keyed(ml, raw));
        var keys = KeyValues(data.Schema["Label"]);
        var served = new MulticlassBalancedEnsembleEstimator(EnsembleKind.BalancedBagging, members: 3, seed: 3)
            .Fit(data).Transform(data);
        var scores = served.GetColumn<float[]>("Score").ToArray();
        Assert.Null(served.Schema.GetColumnOrNull("Probability"));
        var model = new BalancedEnsemble(new MLContext(3), EnsembleKind.BalancedBagging, members: 3, seed: 3)
            .Fit(data);
        var p = model.PredictProbabilities(data);
        var classes = model.Classes.ToList();
        for (var i = 0; i < scores.Length; i++)
            for (var j = 0; j < 2; j++) Assert.Equal(p[i * 2 + classes.IndexOf(keys[j])], scores[i][j], 1e-5);
    }

    [Fact]
    public void An_ensemble_pipeline_runs_in_ML_NET_cross_validation()
    {
        var ml = new MLContext(0);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures))
            .Append(ml.MulticlassClassification.Trainers.EasyEnsemble(members: 3, seed: 1));
        var results = ml.MulticlassClassification.CrossValidate(Keyed(ml, Load(ml)), pipeline, 3);
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.InRange(r.Metrics.MacroAccuracy, 0.5, 1.0));
    }

    [Fact]
    public void Score_and_PredictedLabel_are_typed_as_a_multiclass_trainer_types_them()
    {
        var ml = new MLContext(0);
        var data = Keyed(ml, Load(ml));
        var pipeline = ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures))
            .Append(ml.MulticlassClassification.Trainers.BalancedBagging(members: 2, seed: 1));
        // SchemaShape.Create is internal to ML.NET, which calls it when a chain checks its columns.
        var create = typeof(SchemaShape).GetMethod("Create", BindingFlags.Static | BindingFlags.NonPublic,
            [typeof(DataViewSchema)])!;
        var promised = pipeline.GetOutputSchema((SchemaShape)create.Invoke(null, [data.Schema])!);
        var made = pipeline.Fit(data).Transform(data).Schema;
        var score = promised.Single(c => c.Name == "Score");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, score.Kind);
        Assert.Equal(score.ItemType, ((VectorDataViewType)made["Score"].Type).ItemType);
        var predicted = promised.Single(c => c.Name == "PredictedLabel");
        Assert.True(predicted.IsKey);
        Assert.Equal(predicted.ItemType.RawType, made["PredictedLabel"].Type.RawType);
        Assert.Equal(data.Schema["Label"].Type, made["PredictedLabel"].Type);
        Assert.Equal(KeyValues(data.Schema["Label"]), KeyValues(made["PredictedLabel"]));
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 6), made["Score"].Type);
        VBuffer<ReadOnlyMemory<char>> slots = default;
        made["Score"].GetSlotNames(ref slots);
        Assert.Equal(KeyValues(data.Schema["Label"]), slots.DenseValues().Select(s => s.ToString()));
        Assert.DoesNotContain(made, c => c.Name.StartsWith("__", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_feature_and_label_column_names_are_used()
    {
        var ml = new MLContext(0);
        var raw = Load(ml);
        var data = ml.Transforms.Conversion.MapValueToKey("Kind", nameof(GlassRow.Type))
            .Append(ml.Transforms.Concatenate("F", nameof(GlassRow.Measures))).Fit(raw).Transform(raw);
        var model = ml.MulticlassClassification.Trainers.EasyEnsemble(members: 2, seed: 1, featureColumnName: "F",
            labelColumnName: "Kind").Fit(data);
        var scored = model.Transform(ml.Transforms.DropColumns("Kind").Fit(data).Transform(data));
        var predicted = ml.Transforms.Conversion.MapKeyToValue("Type", "PredictedLabel").Fit(scored)
            .Transform(scored).GetColumn<string>("Type").ToArray();
        var truth = raw.GetColumn<string>(nameof(GlassRow.Type)).ToArray();
        Assert.True(Enumerable.Range(0, truth.Length).Count(i => predicted[i] == truth[i]) > truth.Length / 2);
    }

    [Fact]
    public void A_Boolean_label_is_refused_in_library_language()
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Concatenate("Features", nameof(GlassRow.Measures))
            .Append(ml.Transforms.Expression("Label", "t => t == \"tableware\"", nameof(GlassRow.Type)))
            .Fit(Load(ml)).Transform(Load(ml));
        var error = Assert.Throws<Imbalanced.DataException>(
            () => ml.MulticlassClassification.Trainers.EasyEnsemble(members: 2).Fit(data));
        Assert.Contains("need a key label", error.Message);
    }

    /// <summary>A label of numbers or Booleans mapped to keys: PredictedLabel's key values are the label's own, of
    /// their own type, as ML.NET's multiclass trainers give them, so MapKeyToValue gives numbers (or Booleans) back;
    /// each prediction is the key of the highest score.</summary>
    [Theory]
    [InlineData("EasyEnsemble", false)]
    [InlineData("BalancedRandomForest", false)]
    [InlineData("EasyEnsemble", true)]
    public void A_label_of_numbers_or_Booleans_is_predicted_as_numbers_or_Booleans(string kind, bool boolean)
    {
        var ml = new MLContext(0);
        var raw = boolean ? Load(ml, "1", "6") : Load(ml);
        var codes = new Dictionary<string, float>
        {
            ["building_float"] = 10.5f,
            ["building_nonfloat"] = 2f,
            ["vehicle_float"] = -3f,
            ["containers"] = 7f,
            ["tableware"] = 0.25f,
            ["headlamps"] = 99f,
        };
        var rows = ml.Data.CreateEnumerable<GlassRow>(raw, reuseRowObject: false)
            .Select(r => new NumericGlassRow
            {
                Measures = r.Measures,
                Code = codes[r.Type],
                Tableware = r.Type == "tableware",
            }).ToList();
        var labelColumn = boolean ? nameof(NumericGlassRow.Tableware) : nameof(NumericGlassRow.Code);
        var loaded = ml.Data.LoadFromEnumerable(rows);
        var data = ml.Transforms.Conversion.MapValueToKey("Label", labelColumn).Fit(loaded).Transform(loaded);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(NumericGlassRow.Measures))
            .Append(Ensemble(ml, kind))
            .Append(ml.Transforms.Conversion.MapKeyToValue("Predicted", "PredictedLabel"));
        var fitted = pipeline.Fit(data);
        var scored = fitted.Transform(data);
        Assert.Equal(scored.Schema["Label"].Type, scored.Schema["PredictedLabel"].Type);
        Assert.Equal(boolean ? BooleanDataViewType.Instance : NumberDataViewType.Single,
            scored.Schema["Predicted"].Type);
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        if (boolean)
        {
            VBuffer<bool> keys = default;
            scored.Schema["Label"].GetKeyValues(ref keys);
            var predicted = scored.GetColumn<bool>("Predicted").ToArray();
            var expected = scores.Select(s => keys.GetItemOrDefault(Array.IndexOf(s, s.Max()))).ToArray();
            Assert.Equal(expected, predicted);
        }
        else
        {
            VBuffer<float> keys = default;
            scored.Schema["Label"].GetKeyValues(ref keys);
            var predicted = scored.GetColumn<float>("Predicted").ToArray();
            var expected = scores.Select(s => keys.GetItemOrDefault(Array.IndexOf(s, s.Max()))).ToArray();
            Assert.Equal(expected, predicted);
            Assert.True(predicted.Distinct().Count() > 2);
            // Saved, loaded in a fresh context and served on rows without a label, as a number.
            var file = Path.Combine(Directory.CreateTempSubdirectory("imbalanced-numeric-").FullName, "m.zip");
            ml.Model.Save(fitted, data.Schema, file);
            var fresh = new MLContext(1);
            var engine = fresh.Model.CreatePredictionEngine<GlassRequest, NumericDecision>(
                fresh.Model.Load(file, out _));
            Assert.Equal(predicted[0], engine.Predict(new GlassRequest { Measures = rows[0].Measures }).Predicted);
        }
    }

    private sealed class NumericDecision
    {
        public float Predicted { get; set; }
    }

    private sealed class NumericGlassRow
    {
        [VectorType(9)]
        public float[] Measures { get; set; } = [];

        public float Code { get; set; }

        public bool Tableware { get; set; }
    }
}
