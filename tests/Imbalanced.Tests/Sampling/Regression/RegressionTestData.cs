using Imbalanced.Data;
using Imbalanced.Sampling.Regression;

namespace Imbalanced.Tests.Sampling.Regression;

/// <summary>Regression data with a skewed target (rare high values and a few rare low ones) and checks shared by the
/// SMOTER and SMOGN tests.</summary>
internal static class RegressionTestData
{
    /// <summary><paramref name="rows"/> rows of <paramref name="dims"/> normal features; the target grows
    /// exponentially with the first feature, plus noise, and a few rows get a very low target.</summary>
    public static RegressionDataset Skewed(int rows, int dims, long seed)
    {
        var rng = new Random((int)seed);
        var x = new double[rows][];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = new double[dims];
            for (var j = 0; j < dims; j++) x[i][j] = Math.Round(Normal(rng), 4);
            y[i] = Math.Round(Math.Exp(1.2 * x[i][0] + 0.3 * Normal(rng)) * 10, 3);
            if (i % 17 == 3) y[i] = -Math.Round(40 + 10 * rng.NextDouble(), 3);
        }
        return RegressionDataset.FromRows(x, y);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>The bin of every input row.</summary>
    public static int[] BinOf(RegressionDataset data, RelevanceBins bins)
    {
        var bin = new int[data.RowCount];
        for (var b = 0; b < bins.Bins.Count; b++) foreach (var r in bins.Bins[b].Rows) bin[r] = b;
        return bin;
    }

    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.Sqrt(s);
    }

    /// <summary>The distances from <paramref name="seed"/> to the other rows of its bin, ascending.</summary>
    public static double[] DistancesInBin(RegressionDataset data, IReadOnlyList<int> bin, int seed) =>
        [.. bin.Where(r => r != seed)
            .Select(r => Distance(data.Features.NumericRow(seed), data.Features.NumericRow(r))).Order()];

    /// <summary>An interpolated row: its features are base + gap · (neighbour − base), the neighbour is among the
    /// base's k nearest of its (rare) bin, and its target is the distance-weighted average of the two targets.
    /// </summary>
    public static void CheckInterpolated(RegressionResampleResult result, int a, int k, int[] binOf)
    {
        var data = result.Input;
        var o = result.Rows.AddedRowOrigins[a];
        Assert.True(o.Synthetic);
        Assert.InRange(o.Gap, 0, 1);
        Assert.Equal(binOf[o.Base], binOf[o.Neighbor]);
        Assert.True(result.Bins.Bins[binOf[o.Base]].Rare);
        Assert.NotEqual(o.Base, o.Neighbor);
        var f = data.Features;
        var row = result.Rows.Added.NumericRow(a);
        var seed = f.NumericRow(o.Base);
        var neighbor = f.NumericRow(o.Neighbor);
        for (var j = 0; j < row.Length; j++) Assert.Equal(seed[j] + o.Gap * (neighbor[j] - seed[j]), row[j]);
        var kth = DistancesInBin(data, result.Bins.Bins[binOf[o.Base]].Rows, o.Base)[k - 1];
        Assert.True(Distance(seed, neighbor) <= kth, "the neighbour is not among the k nearest of the bin");
        double d1 = Distance(row, seed), d2 = Distance(row, neighbor);
        double ys = data.Target[o.Base], yn = data.Target[o.Neighbor];
        var expected = d1 == d2 ? (ys + yn) / 2 : (d2 * ys + d1 * yn) / (d1 + d2);
        Assert.Equal(expected, result.AddedTarget[a], 1e-9 * Math.Max(1, Math.Abs(expected)));
    }
}
