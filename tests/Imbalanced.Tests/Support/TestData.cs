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
                rows.Add(Enumerable.Range(0, dims).Select(j => rng.NextGaussian() + 2.0 * c * (j % 2 == 0 ? 1 : -1)).ToArray());
                y.Add(labels[c]);
            }
        var order = Enumerable.Range(0, rows.Count).ToArray();
        rng.Shuffle(order.AsSpan());
        return Dataset.FromRows(order.Select(i => rows[i]).ToArray(), order.Select(i => y[i]).ToArray());
    }

    public static Dataset Binary(int majority = 60, int minority = 12, int dims = 3, long seed = 1) =>
        Blobs([majority, minority], ["neg", "pos"], dims, seed);

    public static Dataset ThreeClasses(long seed = 2) => Blobs([50, 20, 9], ["a", "b", "c"], 4, seed);

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
