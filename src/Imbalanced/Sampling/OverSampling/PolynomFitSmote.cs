using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// Polynomial-fit SMOTE (Gazzah and Ben Amara, "New Oversampling Approaches Based on Polynomial Fitting for
/// Imbalanced Data Sets", Eighth IAPR International Workshop on Document Analysis Systems, DAS 2008), after
/// smote_variants' <c>polynom_fit_SMOTE</c>: new rows are placed along a structure spanned by the class's rows
/// (<see cref="PolynomFitSmoteOptions.Topology"/>).
/// </summary>
/// <remarks>
/// <para>For a class of <c>m</c> rows that needs <c>n</c> new ones:</para>
/// <list type="bullet">
/// <item><b>star</b>: the <c>m</c> segments from each row to the class's mean; <b>bus</b>: the <c>m − 1</c>
/// segments between consecutive rows of the class, in input order; <b>mesh</b>: the <c>m(m − 1)/2</c> segments
/// between every two rows. Each segment carries <c>t = ⌈n / segments⌉</c> evenly spaced points, at fractions
/// <c>1/(t+1), …, t/(t+1)</c> of the way from its first end; the new rows are <c>n</c> of these points drawn at
/// random without replacement, in segment order. When <c>n</c> is a multiple of the number of segments, they are
/// all the points: the paper's and smote_variants' evenly spaced points (smote_variants rounds <c>n / m</c> and
/// so can make a few rows more or fewer than asked; this makes exactly <c>n</c>). On a mesh with at least
/// <c>n</c> segments, each new row is the midpoint of a distinct pair of rows.</item>
/// <item><b>poly-N</b>: the rows are ordered by the mean of their features; each feature is fitted, by least
/// squares, with a polynomial of degree N of the row's position <c>0 … m − 1</c>; each new row is the curve at a
/// position drawn uniformly in [0, m) (as smote_variants does). Needs more than N rows in the class.</item>
/// </list>
/// <para>Provenance: on bus and mesh segments, base row, neighbour row and gap; on the star, the base row (the
/// other end is the class mean, not a row); on the curve, the row at the whole part of the drawn position (the
/// curve is made from all the class's rows). With several classes each class to grow is treated alone
/// (smote_variants is binary).</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="PolynomFitSmoteOptions.Topology"/> (star). Numeric features only; no neighbour search.</para>
/// <code>
/// var result = new PolynomFitSmote(new() { Topology = PolynomFitTopology.Polynomial(2), Seed = 0 })
///     .FitResample(data);
/// </code>
/// </remarks>
public sealed class PolynomFitSmote(PolynomFitSmoteOptions? options = null) : ISampler
{
    private readonly PolynomFitSmoteOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "polynom-fit-smote");
        var topology = _options.Topology;
        if (topology.Kind == PolynomFitTopologyKind.Polynomial && topology.Degree < 1)
            throw new ArgumentOutOfRangeException(nameof(PolynomFitSmoteOptions.Topology), topology.Degree,
                $"Topology's degree must be at least 1; got {topology.Degree}");
        var fewest = topology.Kind switch
        {
            PolynomFitTopologyKind.Star => 1,
            PolynomFitTopologyKind.Polynomial => topology.Degree + 1,
            _ => 2,
        };
        foreach (var (c, n) in strategy)
            if (n > 0 && counts[c] < fewest)
                throw new DataException($"class '{data.Classes[c]}' has {counts[c]} row(s), too few for the " +
                    $"{topology} topology of polynom-fit-smote, which needs at least {fewest}; " +
                    (topology.Kind == PolynomFitTopologyKind.Polynomial ? "lower the degree" : "use star"))
                { Parameter = nameof(PolynomFitSmoteOptions.Topology) };
        var rng = new SeededRandom(_options.Seed);
        var added = new SyntheticRows(data, strategy.Values.Sum());
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            if (topology.Kind == PolynomFitTopologyKind.Polynomial)
                Curve(added, data, rng, c, rows, n, topology.Degree);
            else Segments(added, data, rng, c, rows, n, topology.Kind);
        }
        var result = added.ToResult();
        DataChecks.RequireFiniteAdded(result.Added, "the fitted polynomial",
            "use a lower degree or another topology, or rescale the column", nameof(PolynomFitSmoteOptions.Topology));
        return result;
    }

    /// <summary>n of the evenly spaced points on the star's, bus's or mesh's segments.</summary>
    private static void Segments(SyntheticRows added, Dataset data, SeededRandom rng, int c, int[] rows, int n,
        PolynomFitTopologyKind kind)
    {
        long m = rows.Length;
        var segments = kind switch
        {
            PolynomFitTopologyKind.Star => m,
            PolynomFitTopologyKind.Bus => m - 1,
            _ => m * (m - 1) / 2,
        };
        var perSegment = (n + segments - 1) / segments;
        var mean = kind == PolynomFitTopologyKind.Star ? Mean(data, rows) : null;
        foreach (var point in Distinct(rng, segments * perSegment, n))
        {
            var segment = point / perSegment;
            var gap = (point % perSegment + 1) / (perSegment + 1.0);
            if (mean is not null)
            {
                var b = rows[segment];
                Interpolation.Write(data.NumericRow(b), mean, gap,
                    added.Add(c, new RowOrigin(true, -1, b, -1, double.NaN)).Numeric);
                continue;
            }
            var (i, j) = kind == PolynomFitTopologyKind.Bus ? (segment, segment + 1) : Pair(segment, m);
            Interpolation.Write(data.NumericRow(rows[i]), data.NumericRow(rows[j]), gap,
                added.Add(c, new RowOrigin(true, -1, rows[i], rows[j], gap)).Numeric);
        }
    }

    /// <summary>n points of the polynomial curve fitted over the rows ordered by the mean of their features.</summary>
    private static void Curve(SyntheticRows added, Dataset data, SeededRandom rng, int c, int[] rows, int n,
        int degree)
    {
        var p = data.NumericCount;
        var m = rows.Length;
        var order = rows.Select(r => (Row: r, Mean: RowMean(data.NumericRow(r))))
            .OrderBy(x => x.Mean).ThenBy(x => x.Row).Select(x => x.Row).ToArray();
        // Positions 0 … m − 1, mapped onto [−1, 1] for a well-conditioned fit.
        double Scaled(double position) => 2 * position / (m - 1) - 1;
        var x = Enumerable.Range(0, m).Select(i => Scaled(i)).ToArray();
        var coefficients = PolynomialFit.Fit(x, data.Select(order).Numeric, p, degree);
        for (var s = 0; s < n; s++)
        {
            var position = rng.NextDouble() * m;
            var b = order[Math.Min(m - 1, (int)position)];
            PolynomialFit.Evaluate(coefficients, p, Scaled(position),
                added.Add(c, new RowOrigin(true, -1, b, -1, double.NaN)).Numeric);
        }
    }

    /// <summary>The mean of the rows, feature by feature, as a running mean that cannot overflow.</summary>
    private static double[] Mean(Dataset data, int[] rows)
    {
        var mean = new double[data.NumericCount];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = data.NumericRow(rows[i]);
            for (var j = 0; j < mean.Length; j++) mean[j] += (row[j] - mean[j]) / (i + 1);
        }
        return mean;
    }

    private static double RowMean(ReadOnlySpan<double> row)
    {
        var mean = 0.0;
        for (var j = 0; j < row.Length; j++) mean += (row[j] - mean) / (j + 1);
        return mean;
    }

    /// <summary>The rows (i, j), i &lt; j, of unordered pair number <paramref name="pair"/> among
    /// <paramref name="m"/> rows, pairs numbered (0, 1), (0, 2), …, (1, 2), ….</summary>
    internal static (int I, int J) Pair(long pair, long m)
    {
        static long Before(long i, long m) => i * (2 * m - i - 1) / 2; // pairs whose first row is below i
        var d = 2.0 * m - 1;
        var i = (long)Math.Floor((d - Math.Sqrt(Math.Max(0, d * d - 8.0 * pair))) / 2);
        i = Math.Clamp(i, 0, m - 2);
        while (i > 0 && Before(i, m) > pair) i--;
        while (i < m - 2 && Before(i + 1, m) <= pair) i++;
        return ((int)i, (int)(i + 1 + pair - Before(i, m)));
    }

    /// <summary><paramref name="count"/> distinct numbers of [0, <paramref name="total"/>) drawn uniformly (Floyd's
    /// algorithm), in ascending order.</summary>
    private static long[] Distinct(SeededRandom rng, long total, int count)
    {
        if (total == count)
        {
            var all = new long[count];
            for (var i = 0; i < count; i++) all[i] = i;
            return all;
        }
        var chosen = new HashSet<long>(count);
        for (var j = total - count; j < total; j++)
        {
            var t = Math.Min(j, (long)(rng.NextDouble() * (j + 1)));
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        var picked = chosen.ToArray();
        Array.Sort(picked);
        return picked;
    }
}
