using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Tests.Support;

/// <summary>Small in-memory data sets for tests.</summary>
public static class TestData
{
    /// <summary>Gaussian blobs, one per class, with the given class sizes and labels.</summary>
    public static Dataset Blobs<TLabel>(int[] sizes, TLabel[] labels, int dims = 3, long seed = 1)
    {
        var rng = new SeededRandom(seed);
        var rows = new List<double[]>();
        var y = new List<TLabel>();
        for (var c = 0; c < sizes.Length; c++)
            for (var i = 0; i < sizes[c]; i++)
            {
                rows.Add(Enumerable.Range(0, dims)
                    .Select(j => rng.NextGaussian() + 2.0 * c * (j % 2 == 0 ? 1 : -1)).ToArray());
                y.Add(labels[c]);
            }
        var order = Enumerable.Range(0, rows.Count).ToArray();
        rng.Shuffle(order.AsSpan());
        return Dataset.FromRows(order.Select(i => rows[i]).ToArray(), order.Select(i => y[i]).ToArray());
    }

    public static Dataset Binary(int majority = 60, int minority = 12, int dims = 3, long seed = 1) =>
        Blobs([majority, minority], ["neg", "pos"], dims, seed);

    public static Dataset ThreeClasses(long seed = 2) => Blobs([50, 20, 9], ["a", "b", "c"], 4, seed);

    /// <summary>The data set in the feature kinds a sampler takes: as it is (numeric); with a categorical column
    /// that depends on the class and on chance (mixed); or with every feature binned into categories.</summary>
    public static Dataset ForKind(Imbalanced.Sampling.FeatureKinds kind, Dataset data, long seed = 3)
    {
        var rng = new SeededRandom(seed);
        var n = data.RowCount;
        switch (kind)
        {
            case Imbalanced.Sampling.FeatureKinds.Mixed:
                {
                    var codes = Enumerable.Range(0, n).Select(i => (data.Labels[i] + rng.NextInt(2)) % 3).ToArray();
                    return new Dataset(data.Numeric, data.NumericNames, codes, ["colour"],
                        [new[] { "blue", "green", "red" }], data.Labels, data.Classes);
                }
            case Imbalanced.Sampling.FeatureKinds.Categorical:
                {
                    var p = data.NumericCount;
                    var codes = data.Numeric.Select(v => v < -1 ? 0 : v < 1 ? 1 : 2).ToArray();
                    var names = data.NumericNames.Select(name => "c_" + name).ToArray();
                    return new Dataset([], [], codes, names,
                        names.Select(_ => (IReadOnlyList<string>)new[] { "lo", "mid", "hi" }).ToArray(),
                        data.Labels, data.Classes);
                }
            default:
                return data;
        }
    }

    /// <summary>Points on an integer grid: many exact distance ties.</summary>
    public static double[] Grid(int n, int dims, long seed)
    {
        var rng = new SeededRandom(seed);
        var points = new double[n * dims];
        for (var i = 0; i < points.Length; i++) points[i] = rng.NextInt(4);
        return points;
    }

    public static double[] Gaussian(int n, int dims, long seed)
    {
        var rng = new SeededRandom(seed);
        var points = new double[n * dims];
        for (var i = 0; i < points.Length; i++) points[i] = rng.NextGaussian() * (1 + i % dims);
        return points;
    }
}
