using System.Text.Json;
using CsCheck;
using Imbalanced.Data;
using Imbalanced.Randomness;
using Imbalanced.Tests.Support;
using Imbalanced.Trees;

namespace Imbalanced.Tests.Trees;

public class DecisionTreeTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(Fixtures.Path("decision_tree.json"))).RootElement.EnumerateArray()
            .ToArray());

    public static TheoryData<int> FixtureCases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases.Value.Length; i++) data.Add(i);
        return data;
    }

    private static int[] All(Dataset data) => Enumerable.Range(0, data.RowCount).ToArray();

    /// <summary>decision_tree.json (make_tree.py): scikit-learn 1.2's DecisionTreeClassifier on whole-number data,
    /// each case one that 30 random_state values grow identically (no tie between features decides it). Our tree
    /// has the same nodes in the same order, the same split features and thresholds, the same class at every node,
    /// and predicts the same classes for 25 other points.</summary>
    [Theory]
    [MemberData(nameof(FixtureCases))]
    public void Equals_scikit_learn_on_the_fixture(int index)
    {
        var c = Cases.Value[index];
        var rows = c.GetProperty("X").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var labels = c.GetProperty("y").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var data = Dataset.FromRows(rows, labels);
        Assert.Equal(labels, data.Labels); // labels 0, 1, 2 are class codes 0, 1, 2
        var p = c.GetProperty("params");
        int? Param(string name) => p.TryGetProperty(name, out var v) ? v.GetInt32() : null;
        var options = new DecisionTreeOptions
        {
            MaxDepth = Param("max_depth"),
            MinSamplesLeaf = Param("min_samples_leaf") ?? 1,
            MinSamplesSplit = Param("min_samples_split") ?? 2,
        };
        var tree = DecisionTree.Fit(data, All(data), options);
        int[] Ints(string name) => c.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
        Assert.Equal(Ints("feature"), tree.Feature.ToArray());
        Assert.Equal(c.GetProperty("threshold").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()), tree.Threshold.ToArray());
        Assert.Equal(Ints("left"), tree.Left.ToArray());
        Assert.Equal(Ints("right"), tree.Right.ToArray());
        Assert.Equal(Ints("node_class"), tree.Class.ToArray());
        Assert.Equal(c.GetProperty("depth").GetInt32(), tree.Depth);
        var queries = c.GetProperty("queries").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.Equal(Ints("predicted"), queries.Select(q => tree.Predict(q)));
    }

    [Fact]
    public void The_fixture_holds_the_hand_checked_case_and_four_limited_trees() =>
        Assert.Equal(5, Cases.Value.Length);

    /// <summary>A fully grown tree fits any labelling of distinct rows exactly: every leaf is pure, so every
    /// training row is predicted its own class.</summary>
    [Fact]
    public void A_fully_grown_tree_fits_distinct_rows_perfectly()
    {
        Gen.Select(Gen.Int[1, 80], Gen.Int[1, 4], Gen.Int[2, 4], Gen.Long).Sample((n, dims, classes, seed) =>
        {
            var rng = new SeededRandom(seed);
            var rows = Enumerable.Range(0, n)
                .Select(i => Enumerable.Range(0, dims).Select(_ => (double)rng.NextInt(50)).Append(i).ToArray())
                .ToArray(); // the last column makes rows distinct
            var labels = Enumerable.Range(0, n).Select(_ => rng.NextInt(classes)).ToArray();
            var data = Dataset.FromRows(rows, labels);
            var tree = DecisionTree.Fit(data, All(data));
            for (var r = 0; r < n; r++) Assert.Equal(data.Labels[r], tree.Predict(data.NumericRow(r)));
        }, iter: 60);
    }

    /// <summary>Every node but the root keeps at least min_samples_leaf training rows, no leaf lies deeper than
    /// max_depth, every split node had at least min_samples_split rows, and a leaf predicts its rows' most frequent
    /// class.</summary>
    [Fact]
    public void Limits_are_respected_and_leaves_predict_their_majority()
    {
        Gen.Select(Gen.Int[5, 120], Gen.Int[1, 5], Gen.Int[1, 8], Gen.Int[2, 20], Gen.Long).Sample(
            (n, depth, leaf, split, seed) =>
            {
                var rng = new SeededRandom(seed);
                var rows = Enumerable.Range(0, n)
                    .Select(_ => new[] { rng.NextGaussian(), rng.NextGaussian(), rng.NextInt(4) }).ToArray();
                var labels = rows.Select(r => r[0] + r[1] + 0.8 * rng.NextGaussian() > 0 ? "b" : "a").ToArray();
                var data = Dataset.FromRows(rows, labels);
                var tree = DecisionTree.Fit(data, All(data),
                    new DecisionTreeOptions { MaxDepth = depth, MinSamplesLeaf = leaf, MinSamplesSplit = split });
                Assert.InRange(tree.Depth, 0, depth);
                var reached = new int[tree.NodeCount];
                var counts = new int[tree.NodeCount, 2];
                for (var r = 0; r < n; r++)
                {
                    var node = 0;
                    while (true)
                    {
                        reached[node]++;
                        if (tree.Feature[node] < 0) break;
                        node = data.NumericRow(r)[tree.Feature[node]] <= tree.Threshold[node]
                            ? tree.Left[node] : tree.Right[node];
                    }
                    counts[node, data.Labels[r]]++;
                }
                for (var node = 0; node < tree.NodeCount; node++)
                {
                    // The root holds every row, however few.
                    Assert.True(node == 0 || reached[node] >= leaf, $"node {node} holds {reached[node]} rows");
                    if (tree.Feature[node] >= 0) Assert.True(reached[node] >= split);
                    else
                        Assert.Equal(counts[node, 1] > counts[node, 0] ? 1 : 0, tree.Class[node]);
                }
            }, iter: 60);
    }

    /// <summary>Ties between features go to the lowest index: with a feature duplicated, the tree only ever splits
    /// on the first copy; with the columns swapped, it splits on the other column, which is now first.</summary>
    [Fact]
    public void Ties_between_features_go_to_the_lowest_feature()
    {
        var rng = new SeededRandom(4);
        var x = Enumerable.Range(0, 40).Select(_ => rng.NextGaussian()).ToArray();
        var labels = x.Select(v => v + 0.5 * rng.NextGaussian() > 0 ? 1 : 0).ToArray();
        var twin = Dataset.FromRows(x.Select(v => new[] { v, v }).ToArray(), labels);
        var tree = DecisionTree.Fit(twin, All(twin));
        Assert.True(tree.NodeCount > 1);
        Assert.All(tree.Feature.ToArray(), f => Assert.InRange(f, -1, 0));

        // Two different columns that separate the classes equally well (both perfectly).
        var a = new[] { 1.0, 2, 3, 4, 5, 6 };
        var b = new[] { 10.0, 30, 20, 60, 50, 40 };
        int[] y = [0, 0, 0, 1, 1, 1];
        int[] six = [0, 1, 2, 3, 4, 5];
        var ab = DecisionTree.Fit(Dataset.FromRows(a.Zip(b, (u, v) => new[] { u, v }).ToArray(), y), six);
        var ba = DecisionTree.Fit(Dataset.FromRows(a.Zip(b, (u, v) => new[] { v, u }).ToArray(), y), six);
        Assert.Equal([0, -1, -1], ab.Feature.ToArray());
        Assert.Equal(3.5, ab.Threshold[0]);
        Assert.Equal([0, -1, -1], ba.Feature.ToArray());
        Assert.Equal(35.0, ba.Threshold[0]);
    }

    /// <summary>No split between values closer than 1e-7, nor on a constant feature: rows that differ only there
    /// end in one leaf, which predicts their most frequent class, the lowest class on a tie.</summary>
    [Fact]
    public void Values_closer_than_the_feature_threshold_are_not_split()
    {
        double[][] rows = [[1.0, 5], [1.00000005, 5], [1.0, 5], [1.00000009, 5]];
        var tree = DecisionTree.Fit(Dataset.FromRows(rows, new[] { "x", "y", "y", "x" }), [0, 1, 2, 3]);
        Assert.Equal(1, tree.NodeCount);
        Assert.Equal(0, tree.Class[0]); // two each: the lower class code
        var three = DecisionTree.Fit(Dataset.FromRows(rows, new[] { "x", "y", "y", "y" }), [0, 1, 2, 3]);
        Assert.Equal(1, three.Class[0]);
    }

    /// <summary>A tree grown on a subset of rows sees only those rows; the rest of the data set does not matter.
    /// </summary>
    [Fact]
    public void A_tree_on_some_rows_equals_a_tree_on_those_rows_alone()
    {
        var data = TestData.ThreeClasses(6);
        var some = Enumerable.Range(0, data.RowCount).Where(r => r % 3 != 1).ToArray();
        var part = DecisionTree.Fit(data, some);
        var alone = DecisionTree.Fit(data.Select(some), All(data.Select(some)));
        Assert.Equal(alone.Feature.ToArray(), part.Feature.ToArray());
        Assert.Equal(alone.Threshold.ToArray(), part.Threshold.ToArray());
        Assert.Equal(alone.Class.ToArray(), part.Class.ToArray());
    }

    [Fact]
    public void Bad_options_and_no_rows_are_refused()
    {
        var data = TestData.Binary();
        Assert.Throws<ArgumentException>(() => DecisionTree.Fit(data, []));
        Assert.Equal("MinSamplesSplit", Assert.Throws<ArgumentOutOfRangeException>(() =>
            DecisionTree.Fit(data, All(data), new DecisionTreeOptions { MinSamplesSplit = 1 })).ParamName);
        Assert.Equal("MinSamplesLeaf", Assert.Throws<ArgumentOutOfRangeException>(() =>
            DecisionTree.Fit(data, All(data), new DecisionTreeOptions { MinSamplesLeaf = 0 })).ParamName);
        Assert.Equal("MaxDepth", Assert.Throws<ArgumentOutOfRangeException>(() =>
            DecisionTree.Fit(data, All(data), new DecisionTreeOptions { MaxDepth = -1 })).ParamName);
    }
}
