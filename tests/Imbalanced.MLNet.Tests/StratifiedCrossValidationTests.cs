using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

public class StratifiedCrossValidationTests
{
    private static readonly string Hacide = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hacide_subset.csv");

    public sealed class HacideRow
    {
        [LoadColumn(0)] public string Cls { get; set; } = "";
        [LoadColumn(1)] public float X1 { get; set; }
        [LoadColumn(2)] public float X2 { get; set; }
    }

    public sealed class GlassRow
    {
        [LoadColumn(0)] public string Kind { get; set; } = "";
        [LoadColumn(1)] public float A { get; set; }
        [LoadColumn(2)] public float B { get; set; }
    }

    private static IEstimator<ITransformer> BinaryPipeline(MLContext ml, IEstimator<ITransformer> trainer) =>
        ml.Transforms.Expression("Label", "c => c == \"1\"", "Cls")
            .Append(ml.Transforms.Concatenate("Features", "X1", "X2"))
            .Append(trainer);

    private static void AssertFoldsKeepProportions(IEnumerable<IDataView> testParts, string column)
    {
        var counts = testParts.Select(p => p.GetColumn<string>(column).GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count())).ToArray();
        foreach (var cls in counts.SelectMany(c => c.Keys).Distinct())
        {
            var perFold = counts.Select(c => c.GetValueOrDefault(cls)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {cls}: {string.Join(", ", perFold)}");
        }
    }

    [Fact]
    public void Binary_pipeline_that_makes_its_label_from_text_gives_calibrated_metrics_per_fold()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromTextFile<HacideRow>(Hacide, separatorChar: ',', hasHeader: true);
        var pipeline = BinaryPipeline(ml, ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 5,
            stratificationColumn: "Cls");
        Assert.Equal(5, folds.Count);
        Assert.All(folds, f =>
        {
            var calibrated = Assert.IsType<CalibratedBinaryClassificationMetrics>(f.Metrics);
            Assert.True(double.IsFinite(calibrated.LogLoss), "log loss is finite");
            Assert.InRange(calibrated.AreaUnderRocCurve, 0.5, 1.0);
        });
        AssertFoldsKeepProportions(folds.Select(f => f.ScoredHoldOutSet), "Cls");
        Assert.All(folds, f => Assert.Equal(4, f.ScoredHoldOutSet.GetColumn<string>("Cls").Count(c => c == "1")));
    }

    [Fact]
    public void Binary_trainer_without_probability_gives_non_calibrated_metrics()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromTextFile<HacideRow>(Hacide, separatorChar: ',', hasHeader: true);
        var pipeline = BinaryPipeline(ml, ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 5));
        var folds = ml.BinaryClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 3,
            stratificationColumn: "Cls");
        Assert.All(folds, f => Assert.IsNotType<CalibratedBinaryClassificationMetrics>(f.Metrics));
    }

    [Fact]
    public void Multiclass_pipeline_with_MapValueToKey_is_stratified_by_the_raw_text_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"glass-{Guid.NewGuid():N}.csv");
        var rows = Enumerable.Range(0, 90).Select(i =>
        {
            var kind = i < 60 ? "float" : i < 77 ? "window" : "lamp";
            var centre = kind == "float" ? 0 : kind == "window" ? 3 : 6;
            var r = new Random(i);
            return FormattableString.Invariant($"{kind},{centre + r.NextDouble()},{r.NextDouble()}");
        });
        File.WriteAllLines(path, rows.Prepend("kind,a,b"));
        try
        {
            var ml = new MLContext(0);
            var data = ml.Data.LoadFromTextFile<GlassRow>(path, separatorChar: ',', hasHeader: true);
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Kind")
                .Append(ml.Transforms.Concatenate("Features", "A", "B"))
                .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy());
            var folds = ml.MulticlassClassification.StratifiedCrossValidate(data, pipeline, numberOfFolds: 4,
                stratificationColumn: "Kind");
            Assert.Equal(4, folds.Count);
            Assert.All(folds, f => Assert.InRange(f.Metrics.MacroAccuracy, 0.8, 1.0));
            AssertFoldsKeepProportions(folds.Select(f => f.ScoredHoldOutSet), "Kind");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_stratification_column_is_named_with_the_columns_present()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromTextFile<HacideRow>(Hacide, separatorChar: ',', hasHeader: true);
        var pipeline = BinaryPipeline(ml, ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var named = Assert.Throws<DataException>(() => ml.BinaryClassification.StratifiedCrossValidate(data,
            pipeline, stratificationColumn: "Class"));
        Assert.Contains("'Class'", named.Message);
        Assert.Contains("Cls, X1, X2", named.Message);
        var byDefault = Assert.Throws<DataException>(() => ml.BinaryClassification.StratifiedCrossValidate(data,
            pipeline));
        Assert.Contains("'Label'", byDefault.Message);
        Assert.Contains("stratificationColumn", byDefault.Message);
    }

    [Fact]
    public void A_text_label_left_unmapped_is_reported_before_ML_NET_evaluates()
    {
        var ml = new MLContext(0);
        var data = ml.Data.LoadFromTextFile<HacideRow>(Hacide, separatorChar: ',', hasHeader: true);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Cls")
            .Append(ml.Transforms.Concatenate("Features", "X1", "X2"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("Label"));
        var error = Assert.Throws<DataException>(() => ml.MulticlassClassification.StratifiedCrossValidate(data,
            pipeline, numberOfFolds: 2, stratificationColumn: "Cls"));
        Assert.Contains("'Label'", error.Message);
        Assert.Contains("key label", error.Message);
    }
}
