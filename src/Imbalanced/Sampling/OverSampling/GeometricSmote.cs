using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// Geometric SMOTE (Douzas and Bacao, "Geometric SMOTE a geometrically enhanced drop-in replacement for SMOTE",
/// Information Sciences 501, 2019, pp. 118–135), after the authors' <c>geometric-smote</c> package
/// (<c>GeometricSMOTE</c>): each new row is drawn inside a truncated, deformed hypersphere around a row of the
/// class, rather than on a segment.
/// </summary>
/// <remarks>
/// <para>For each new row of a class: a centre is drawn uniformly among the class's rows and, with it, a surface
/// point (<see cref="GeometricSmoteOptions.SelectionStrategy"/>): minority — a (row, neighbour) pair drawn
/// uniformly among the class's <c>rows × k</c> pairs, the neighbour one of the row's k nearest rows of the class;
/// majority — the centre's nearest row of the other classes; combined — the nearer of the two. With radius
/// <c>r = ‖surface − centre‖</c> and <c>v</c> the unit vector towards the surface point, a point <c>q</c> is
/// drawn uniformly in the unit ball (a Gaussian direction, length <c>u^(1/p)</c>); truncation
/// (<see cref="GeometricSmoteOptions.TruncationFactor"/> α) reflects it across the hyperplane through the centre
/// perpendicular to <c>v</c> when α &gt; 0 and <c>q·v &lt; α − 1</c>, or α &lt; 0 and <c>q·v &gt; α + 1</c>;
/// deformation (<see cref="GeometricSmoteOptions.DeformationFactor"/> β) scales the part of <c>q</c> perpendicular
/// to <c>v</c> by <c>1 − β</c>; the new row is <c>centre + r · q</c>. When the surface point equals the centre,
/// the new row is a copy of it.</para>
/// <para>So a new row always lies in the ball of radius r around its centre, on the side α allows, and within
/// <c>(1 − β)</c> of the axis. At α = 1, β = 1 it is on the segment from the centre to the surface point, like
/// SMOTE. With several classes, "other classes" are all classes but the one grown (one-vs-rest, as the
/// package does).</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SamplerOptions.Neighbors"/>, <see cref="GeometricSmoteOptions.KNeighbors"/> (5),
/// <see cref="GeometricSmoteOptions.TruncationFactor"/> (1), <see cref="GeometricSmoteOptions.DeformationFactor"/>
/// (0), <see cref="GeometricSmoteOptions.SelectionStrategy"/> (combined): the package's defaults. Numeric features
/// only. Provenance: the centre as base row; where β = 1 the new row is on the line through centre and surface
/// point, and the surface row and gap (<c>q·v</c>, in [−1, 1]) are recorded as neighbour and gap.</para>
/// <code>
/// var result = new GeometricSmote(new()
/// {
///     TruncationFactor = 0.5, DeformationFactor = 0.3, SelectionStrategy = GeometricSelection.Minority, Seed = 0,
/// }).FitResample(data);
/// </code>
/// </remarks>
public sealed class GeometricSmote(GeometricSmoteOptions? options = null) : ISampler
{
    private readonly GeometricSmoteOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "gsmote");
        double alpha = _options.TruncationFactor, beta = _options.DeformationFactor;
        if (!(alpha is >= -1 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(GeometricSmoteOptions.TruncationFactor), alpha,
                $"TruncationFactor must be in [-1, 1]; got {alpha}");
        if (!(beta is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(GeometricSmoteOptions.DeformationFactor), beta,
                $"DeformationFactor must be in [0, 1]; got {beta}");
        var selection = _options.SelectionStrategy;
        if (!Enum.IsDefined(selection))
            throw new ArgumentOutOfRangeException(nameof(GeometricSmoteOptions.SelectionStrategy), selection,
                $"SelectionStrategy must be combined, minority or majority; got {selection}");
        var k = _options.KNeighbors;
        if (selection != GeometricSelection.Majority)
            foreach (var (c, n) in strategy)
                if (n > 0)
                    DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(GeometricSmoteOptions.KNeighbors),
                        "gsmote");
        var rng = new SeededRandom(_options.Seed);
        var p = data.NumericCount;
        SyntheticRows? added = null;
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var classPoints = data.Select(rows).Numeric;
            KNeighbors? same = selection == GeometricSelection.Majority ? null
                : _options.Neighbors.Build(classPoints, rows.Length, p).QuerySelf(k, includeSelf: false);
            int[]? others = null;
            KNeighbors? nearestOther = null;
            if (selection != GeometricSelection.Minority)
            {
                others = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] != c).ToArray();
                // The other classes' rows indexed in place: a copy of them took as much memory as the table.
                nearestOther = _options.Neighbors.BuildOfRows(data.Numeric, others, p).Query(classPoints, 1);
            }
            // The new rows' storage is made once the first class's neighbours are found: made before, it sat beside
            // the index over the other classes.
            added ??= new SyntheticRows(data, strategy.Values.Sum());
            var q = new double[p];
            for (var s = 0; s < n; s++)
            {
                int centre, surface;
                if (selection == GeometricSelection.Majority)
                {
                    var i = rng.NextInt(rows.Length);
                    (centre, surface) = (rows[i], others![nearestOther!.Indices[i]]);
                }
                else
                {
                    var pair = rng.NextInt(rows.Length * k);
                    (centre, surface) = (rows[pair / k], rows[same!.Indices[pair]]);
                    if (selection == GeometricSelection.Combined)
                    {
                        var other = others![nearestOther!.Indices[pair / k]];
                        if (Distance(data, centre, surface) > Distance(data, centre, other)) surface = other;
                    }
                }
                Make(added, data, rng, c, centre, surface, alpha, beta, q);
            }
        }
        var result = (added ?? new SyntheticRows(data, 0)).ToResult();
        DataChecks.RequireFiniteAdded(result.Added, "the hypersphere around a row", "rescale the column");
        return result;
    }

    /// <summary>Adds one row inside the truncated, deformed hypersphere around <paramref name="centre"/> through
    /// <paramref name="surface"/>.</summary>
    private static void Make(SyntheticRows added, Dataset data, SeededRandom rng, int classCode, int centre,
        int surface, double alpha, double beta, double[] q)
    {
        var c = data.NumericRow(centre);
        var s = data.NumericRow(surface);
        var p = c.Length;
        var radius = Distance(data, centre, surface);
        if (radius == 0)
        {
            c.CopyTo(added.Add(classCode, new RowOrigin(true, centre, centre, -1, double.NaN)).Numeric);
            return;
        }
        // A point uniform in the unit ball: a Gaussian direction, a length u^(1/p).
        double norm;
        do
        {
            norm = 0;
            for (var j = 0; j < p; j++) norm = double.Hypot(norm, q[j] = rng.NextGaussian());
        }
        while (norm == 0);
        var length = Math.Pow(rng.NextDouble(), 1.0 / p);
        var along = 0.0;
        for (var j = 0; j < p; j++)
        {
            q[j] *= length / norm;
            along += q[j] * (s[j] - c[j]) / radius;
        }
        // Truncation: reflect across the hyperplane through the centre perpendicular to the axis.
        if ((alpha > 0 && along < alpha - 1) || (alpha < 0 && along > alpha + 1))
        {
            for (var j = 0; j < p; j++) q[j] -= 2 * along * (s[j] - c[j]) / radius;
            along = -along;
        }
        if (beta == 1)
        {
            // Fully deformed: the point is on the axis, centre + along · (surface − centre).
            Interpolation.Write(c, s, along,
                added.Add(classCode, new RowOrigin(true, -1, centre, surface, along)).Numeric);
            return;
        }
        var row = added.Add(classCode, new RowOrigin(true, -1, centre, -1, double.NaN)).Numeric;
        for (var j = 0; j < p; j++)
        {
            var axis = along * (s[j] - c[j]) / radius;
            row[j] = c[j] + radius * (axis + (1 - beta) * (q[j] - axis));
        }
    }

    /// <summary>The Euclidean distance between two input rows, without overflow in the squares.</summary>
    private static double Distance(Dataset data, int a, int b)
    {
        var x = data.NumericRow(a);
        var y = data.NumericRow(b);
        var d = 0.0;
        for (var j = 0; j < x.Length; j++) d = double.Hypot(d, x[j] - y[j]);
        return d;
    }
}
