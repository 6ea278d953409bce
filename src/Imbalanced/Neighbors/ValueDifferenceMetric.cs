using Imbalanced.Data;

namespace Imbalanced.Neighbors;

/// <summary>
/// The Value Difference Metric between rows of categorical features (Stanfill and Waltz, 1986; Cost and
/// Salzberg, 1993), as imbalanced-learn's <c>ValueDifferenceMetric</c> with k = 1 and r = 2:
/// <c>δ(x, y) = Σ_f ( Σ_c |P(c | x_f) − P(c | y_f)| )²</c>, where <c>P(c | v)</c> is the share of class c among the
/// training rows whose feature f has category v (0 for a category never seen).
/// </summary>
internal sealed class ValueDifferenceMetric
{
    // A feature with at most this many categories has its terms computed once, for every pair of categories.
    private const int TabledCategories = 256;

    private readonly double[][] _probabilities;
    private readonly int _classes;
    // Per feature, the term of each pair of categories (a · m + b), the same values Term computes; null for a
    // feature with more than TabledCategories categories.
    private readonly double[]?[] _terms;
    private readonly int[] _categories;

    private ValueDifferenceMetric(double[][] probabilities, int classes)
    {
        _probabilities = probabilities;
        _classes = classes;
        _terms = new double[]?[probabilities.Length];
        _categories = new int[probabilities.Length];
        for (var f = 0; f < probabilities.Length; f++)
        {
            var m = _categories[f] = classes == 0 ? 0 : probabilities[f].Length / classes;
            if (m > TabledCategories) continue;
            var terms = new double[m * m];
            for (var a = 0; a < m; a++)
                for (var b = 0; b < m; b++) terms[a * m + b] = Computed(f, a, b);
            _terms[f] = terms;
        }
    }

    /// <summary>Learns <c>P(c | v)</c> for every category of every categorical feature of
    /// <paramref name="data"/>: from its rows, or, when <paramref name="wholeCounts"/> is given, from the class
    /// counts of each category (by its text) over a larger table of which <paramref name="data"/> holds some rows.
    /// </summary>
    public static ValueDifferenceMetric Fit(Dataset data,
        IReadOnlyList<IReadOnlyDictionary<string, int[]>>? wholeCounts = null)
    {
        int q = data.CategoricalCount, classes = data.Classes.Count;
        var probabilities = new double[q][];
        for (var f = 0; f < q; f++)
        {
            var table = new double[data.Categories[f].Count * classes];
            if (wholeCounts is not null)
            {
                for (var v = 0; v < data.Categories[f].Count; v++)
                    if (wholeCounts[f].TryGetValue(data.Categories[f][v], out var counts))
                        for (var c = 0; c < classes; c++) table[v * classes + c] = counts[c];
            }
            else
            {
                for (var i = 0; i < data.RowCount; i++)
                {
                    var v = data.Categorical[i * q + f];
                    if (v >= 0) table[v * classes + data.Labels[i]]++;
                }
            }
            for (var v = 0; v < data.Categories[f].Count; v++)
            {
                var row = table.AsSpan(v * classes, classes);
                var total = 0.0;
                foreach (var x in row) total += x;
                if (total > 0) for (var c = 0; c < classes; c++) row[c] /= total;
            }
            probabilities[f] = table;
        }
        return new ValueDifferenceMetric(probabilities, classes);
    }

    /// <summary>The distance between two rows of category codes.</summary>
    public double Distance(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++) sum += Term(f, a[f], b[f]);
        return sum;
    }

    /// <summary>The same distance for codes held as doubles, for the neighbour engine.</summary>
    public DistanceMetric AsMetric() => DistanceMetric.Custom((a, b) =>
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++) sum += Term(f, (int)a[f], (int)b[f]);
        return sum;
    }, "vdm");

    private double Term(int feature, int a, int b)
    {
        if (_terms[feature] is { } terms) return terms[a * _categories[feature] + b];
        return Computed(feature, a, b);
    }

    private double Computed(int feature, int a, int b)
    {
        if (a == b) return 0;
        var pa = _probabilities[feature].AsSpan(a * _classes, _classes);
        var pb = _probabilities[feature].AsSpan(b * _classes, _classes);
        var l1 = 0.0;
        for (var c = 0; c < _classes; c++) l1 += Math.Abs(pa[c] - pb[c]);
        return l1 * l1;
    }
}
