using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Synthetic;

/// <summary>
/// Generates a classification data set in the manner of scikit-learn's <c>make_classification</c> (Guyon,
/// "Design of experiments for the NIPS 2003 variable selection benchmark", 2003): Gaussian clusters on the
/// vertices of a hypercube in the informative subspace, each with a random covariance; redundant features as
/// random linear combinations; noise features; label noise; rows and features shuffled. The algorithm is
/// scikit-learn's; the random stream is this project's, so values differ from scikit-learn's for the same seed.
/// </summary>
public static class ClassificationGenerator
{
    /// <summary>Generates the data set: features <c>f0 … f{d-1}</c>, labels <c>0 … C-1</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range (Rows or Features below 1, Classes
    /// below 2, Informative or ClustersPerClass below 1, Redundant negative, Flip outside [0, 1], ClassSeparation not
    /// finite).</exception>
    /// <exception cref="DataException">The options are inconsistent with each other.</exception>
    public static Dataset Generate(ClassificationOptions o)
    {
        Validate(o);
        var rng = new SeededRandom(o.Seed);
        int n = o.Rows, d = o.Features, inf = o.Informative, red = o.Redundant, c = o.Classes;
        var useless = d - inf - red;
        var clusters = c * o.ClustersPerClass;
        var weights = Weights(o);
        var perCluster = new int[clusters];
        for (var k = 0; k < clusters; k++) perCluster[k] = (int)(n * weights[k % c] / o.ClustersPerClass);
        var total = perCluster.Sum(v => (long)v);
        for (var i = 0L; i < n - total; i++) perCluster[i % clusters]++;
        // Weights that add up to a hair over 1 (decimal fractions) can round a row or two over: take them back.
        for (var k = clusters - 1; total > n; k = (k + clusters - 1) % clusters)
            if (perCluster[k] > 0)
            {
                perCluster[k]--;
                total--;
            }

        var x = new double[n * d];
        var y = new int[n];
        var vertices = rng.SampleWithoutReplacement(1 << Math.Min(inf, 30), clusters);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < inf; j++) x[i * d + j] = rng.NextGaussian();
        var start = 0;
        var a = new double[inf * inf];
        var row = new double[inf];
        for (var k = 0; k < clusters; k++)
        {
            for (var e = 0; e < a.Length; e++) a[e] = 2 * rng.NextDouble() - 1;
            for (var i = start; i < start + perCluster[k]; i++)
            {
                y[i] = k % c;
                for (var j = 0; j < inf; j++)
                {
                    var s = 0.0;
                    for (var m = 0; m < inf; m++) s += x[i * d + m] * a[m * inf + j];
                    row[j] = s;
                }
                for (var j = 0; j < inf; j++)
                {
                    var bit = inf - 1 - j < 30 ? (vertices[k] >> (inf - 1 - j)) & 1 : 0;
                    // ±ClassSeparation, without the overflow of 2 × ClassSeparation for the largest separations
                    x[i * d + j] = row[j] + (bit == 1 ? o.ClassSeparation : -o.ClassSeparation);
                }
            }
            start += perCluster[k];
        }
        if (red > 0)
        {
            var b = new double[inf * red];
            for (var e = 0; e < b.Length; e++) b[e] = 2 * rng.NextDouble() - 1;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < red; j++)
                {
                    var s = 0.0;
                    for (var m = 0; m < inf; m++) s += x[i * d + m] * b[m * red + j];
                    x[i * d + inf + j] = s;
                }
        }
        for (var i = 0; i < n; i++)
            for (var j = d - useless; j < d; j++) x[i * d + j] = rng.NextGaussian();
        if (o.Flip > 0)
            for (var i = 0; i < n; i++)
                if (rng.NextDouble() < o.Flip) y[i] = rng.NextInt(c);

        var rowOrder = new int[n];
        for (var i = 0; i < n; i++) rowOrder[i] = i;
        rng.Shuffle(rowOrder.AsSpan());
        var featureOrder = new int[d];
        for (var j = 0; j < d; j++) featureOrder[j] = j;
        rng.Shuffle(featureOrder.AsSpan());
        var shuffled = new double[n * d];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = y[rowOrder[i]];
            for (var j = 0; j < d; j++) shuffled[i * d + j] = x[rowOrder[i] * d + featureOrder[j]];
        }
        CheckFinite(shuffled, n, d, o);
        var classes = ClassSet.FromDistinct(Enumerable.Range(0, c)
            .Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Dataset(shuffled, Enumerable.Range(0, d).Select(j => $"f{j}").ToArray(), [], [], [],
            labels, classes);
    }

    private static double[] Weights(ClassificationOptions o)
    {
        if (o.Weights is null) return Enumerable.Repeat(1.0 / o.Classes, o.Classes).ToArray();
        var w = o.Weights.ToList();
        if (w.Count == o.Classes - 1) w.Add(Math.Max(0, 1.0 - w.Sum()));
        return [.. w];
    }

    /// <summary>How far above 1 the weights may add up (decimal fractions rarely add up exactly).</summary>
    private const double WeightSumTolerance = 1e-9;

    /// <summary>Refuses a data set with a value beyond the range of a double (an infinity, or NaN from one), naming
    /// the first such column: the class separation is so large that the clusters, or the redundant features
    /// combining them, overflow.</summary>
    private static void CheckFinite(double[] values, int n, int d, ClassificationOptions o)
    {
        for (var j = 0; j < d; j++)
            for (var i = 0; i < n; i++)
                if (!double.IsFinite(values[i * d + j]))
                    throw new DataException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"column 'f{j}' would hold numbers too large to represent with ClassSeparation " +
                        $"{o.ClassSeparation:R}; use a smaller ClassSeparation"))
                    { Parameter = nameof(o.ClassSeparation) };
    }

    private static void Validate(ClassificationOptions o)
    {
        // A value out of its own range is a bad argument, as a sampler's option is; options that cannot hold
        // together (an impossible request) are data errors.
        static ArgumentOutOfRangeException Bad(string name, object value, string rule) =>
            new(name, value, $"{name} {rule}; got {value}");
        if (o.Rows < 1) throw Bad(nameof(o.Rows), o.Rows, "must be at least 1");
        if (o.Features < 1) throw Bad(nameof(o.Features), o.Features, "must be at least 1");
        if (o.Classes < 2) throw Bad(nameof(o.Classes), o.Classes, "must be at least 2");
        if (o.Informative < 1) throw Bad(nameof(o.Informative), o.Informative, "must be at least 1");
        if (o.ClustersPerClass < 1) throw Bad(nameof(o.ClustersPerClass), o.ClustersPerClass, "must be at least 1");
        if (o.Redundant < 0) throw Bad(nameof(o.Redundant), o.Redundant, "cannot be negative");
        if (!(o.Flip >= 0 && o.Flip <= 1)) throw Bad(nameof(o.Flip), o.Flip, "must be in [0, 1]");
        if (!double.IsFinite(o.ClassSeparation))
            throw Bad(nameof(o.ClassSeparation), o.ClassSeparation, "must be a finite number");
        if ((long)o.Informative + o.Redundant > o.Features)
            throw new DataException(
                $"Informative ({o.Informative}) + Redundant ({o.Redundant}) must not exceed Features ({o.Features})")
            { Parameter = nameof(o.Features) };
        if (o.Informative < 31 && (long)o.Classes * o.ClustersPerClass > 1 << o.Informative)
            throw new DataException(
                $"Classes × ClustersPerClass ({(long)o.Classes * o.ClustersPerClass}) must not exceed " +
                $"2^Informative ({1 << o.Informative}); raise Informative")
            { Parameter = nameof(o.Informative) };
        if ((long)o.Rows * o.Features > Array.MaxLength)
            throw new DataException(
                $"{o.Rows} rows × {o.Features} features is more values than one table can hold ({Array.MaxLength}); " +
                "generate fewer rows or features");
        if (o.Weights is { } w)
        {
            if (w.Count != o.Classes && w.Count != o.Classes - 1)
                throw new DataException(
                    $"Weights needs {o.Classes - 1} or {o.Classes} values for {o.Classes} classes; got {w.Count}")
                { Parameter = nameof(o.Weights) };
            if (w.Any(v => !(v >= 0 && v <= 1)) || w.Sum() > 1 + WeightSumTolerance)
                throw new DataException(
                    "Weights must each be a share of rows from 0 to 1 and add up to at most 1; got " +
                    string.Join(",", w.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
                { Parameter = nameof(o.Weights) };
        }
    }

}
