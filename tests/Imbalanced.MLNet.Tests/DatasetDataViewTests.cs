using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

public class DatasetDataViewTests
{
    private sealed class KeyRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float Weight { get; set; }
    }

    /// <summary>The view built for a key label reads like the <c>LoadFromEnumerable</c> view it replaced: the same
    /// schema (types, slot names, key values), the same rows in order, and, as it, no shuffling even when a cursor is
    /// asked for with a random source: every trainer reads what it read before.</summary>
    [Fact]
    public void Reads_like_LoadFromEnumerable_with_or_without_a_random_source()
    {
        var ml = new MLContext(0);
        var data = MlNetClassifierTests.Blobs(["a", "b", "c"], [20, 12, 9], ["x", "y", "z"]);
        var shape = new DataViewShape("Features", "Label", 3, ["x", "y", "z"], LabelKind.Key, ["a", "b", "c"]);
        var weights = Enumerable.Range(0, data.RowCount).Select(i => 1.0 + i % 3).ToArray();
        var view = DataViewConversion.ToDataView(ml, data, shape, weights);

        var definition = SchemaDefinition.Create(typeof(KeyRow));
        definition["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 3);
        definition["Label"].ColumnType = new KeyDataViewType(typeof(uint), 3);
        var reference = ml.Data.LoadFromEnumerable(Enumerable.Range(0, data.RowCount).Select(i => new KeyRow
        {
            Features = data.NumericRow(i).ToArray().Select(v => (float)v).ToArray(),
            Label = (uint)data.Labels[i], // LoadFromEnumerable stores a key as value + 1
            Weight = (float)weights[i],
        }).ToList(), definition);

        Assert.Equal(["Features", "Label", "Weight"], view.Schema.Select(c => c.Name));
        Assert.Equal(reference.Schema.Select(c => c.Type), view.Schema.Select(c => c.Type));
        VBuffer<ReadOnlyMemory<char>> slots = default, keys = default;
        view.Schema["Features"].GetSlotNames(ref slots);
        view.Schema["Label"].GetKeyValues(ref keys);
        Assert.Equal(["x", "y", "z"], slots.DenseValues().Select(s => s.ToString()));
        Assert.Equal(["a", "b", "c"], keys.DenseValues().Select(s => s.ToString()));
        Assert.Equal(data.RowCount, view.GetRowCount());
        Assert.Equal(reference.CanShuffle, view.CanShuffle);

        foreach (var seed in new int?[] { null, 7 })
            Assert.Equal(Rows(reference, seed), Rows(view, seed));
    }

    private static List<string> Rows(IDataView view, int? seed)
    {
        var rows = new List<string>();
        using var cursor = view.GetRowCursor(view.Schema, seed is { } s ? new Random(s) : null);
        var features = cursor.GetGetter<VBuffer<float>>(view.Schema["Features"]);
        var label = cursor.GetGetter<uint>(view.Schema["Label"]);
        var weight = cursor.GetGetter<float>(view.Schema["Weight"]);
        var id = cursor.GetIdGetter();
        VBuffer<float> f = default;
        uint l = 0;
        float w = 0;
        DataViewRowId rowId = default;
        while (cursor.MoveNext())
        {
            features(ref f);
            label(ref l);
            weight(ref w);
            id(ref rowId);
            rows.Add($"{rowId.Low}: {string.Join(",", f.DenseValues())} {l} {w}");
        }
        return rows;
    }

    /// <summary>Predicting row by row through the model's row mapper gives exactly what ML.NET's
    /// <c>Transform</c> and a column cursor give, for two classes and for three.</summary>
    [Theory]
    [InlineData("logistic")]
    [InlineData("random-forest")]
    [InlineData("lightgbm")]
    public void Row_mapper_predictions_equal_Transform(string learner)
    {
        var sets = new[]
        {
            MlNetClassifierTests.Blobs(["neg", "pos"], [60, 25]),
            MlNetClassifierTests.Blobs(["a", "b", "c"], [40, 30, 25]),
        };
        foreach (var data in sets)
        {
            var ml = new MLContext(1);
            var k = data.Classes.Count;
            var shape = new DataViewShape("Features", "Label", 3, null, k == 2 ? LabelKind.Boolean : LabelKind.Key,
                k == 2 ? null : data.Classes.Labels);
            var view = DataViewConversion.ToDataView(ml, k == 2 ? data.WithClasses(["False", "True"]) : data, shape);
            var estimator = MlNetClassifier.ByName(ml, learner, threads: 1);
            var model = (MlNetClassifier.Model)estimator.Fit(data);
            var transformer = model.Transformer;
            Assert.True(transformer.IsRowToRowMapper);
            var mapped = MlNetClassifier.Predict(transformer, view, k, data.RowCount);
            var transformed = MlNetClassifier.Probabilities(transformer.Transform(view), k, data.RowCount);
            Assert.Equal(transformed, mapped);
        }
    }
}
