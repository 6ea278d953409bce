using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Regression;

/// <summary>The rows of one bin as points for the neighbour engine. Numeric features alone: the raw values, with the
/// engine's own metric (Euclidean by default). With categorical features: UBL's HEOM (heterogeneous Euclidean-overlap
/// metric, Wilson and Martinez 1997), <c>√(Σ (|aⱼ − bⱼ| / rangeⱼ)² + Σ [aₗ ≠ bₗ])</c>, numeric differences divided by
/// the column's range within the bin (a column of one value adds 0) and each differing category adding 1.</summary>
internal sealed class BinSpace
{
    private readonly double[] _ranges;

    public BinSpace(Dataset features, IReadOnlyList<int> rows)
    {
        int p = features.NumericCount, q = features.CategoricalCount, m = rows.Count;
        Dimensions = p + q;
        Points = new double[m * Dimensions];
        for (var s = 0; s < m; s++)
        {
            var point = Points.AsSpan(s * Dimensions, Dimensions);
            features.NumericRow(rows[s]).CopyTo(point);
            var codes = features.CategoricalRow(rows[s]);
            for (var a = 0; a < q; a++) point[p + a] = codes[a];
        }
        _ranges = new double[p];
        NumericCount = p;
        if (q == 0) return;
        for (var j = 0; j < p; j++)
        {
            double low = double.PositiveInfinity, high = double.NegativeInfinity;
            for (var s = 0; s < m; s++)
            {
                low = Math.Min(low, Points[s * Dimensions + j]);
                high = Math.Max(high, Points[s * Dimensions + j]);
            }
            _ranges[j] = high - low;
        }
        Heom = DistanceMetric.Custom(Distance, "HEOM");
    }

    /// <summary>Row-major points, <c>rows × Dimensions</c>: the numeric features, then the category codes.</summary>
    public double[] Points { get; }

    /// <summary>Numeric features plus categorical features.</summary>
    public int Dimensions { get; }

    /// <summary>Number of numeric features (the first coordinates of a point).</summary>
    public int NumericCount { get; }

    /// <summary>The HEOM metric when there are categorical features, else null (the engine's metric).</summary>
    public DistanceMetric? Heom { get; }

    /// <summary>Point <paramref name="s"/> (a position in the bin).</summary>
    public ReadOnlySpan<double> Point(int s) => Points.AsSpan(s * Dimensions, Dimensions);

    /// <summary>The HEOM distance of two points of this space.</summary>
    public double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var j = 0; j < NumericCount; j++)
        {
            if (_ranges[j] == 0) continue;
            var d = (a[j] - b[j]) / _ranges[j];
            sum += d * d;
        }
        for (var j = NumericCount; j < a.Length; j++) if (a[j] != b[j]) sum += 1;
        return Math.Sqrt(sum);
    }
}
