using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Sampling.Combined;

/// <summary>
/// Combined cleaning and resampling (Koziarski and Woźniak, "CCR: A combined cleaning and resampling algorithm for
/// imbalanced data classification", International Journal of Applied Mathematics and Computer Science 27(4),
/// 2017), after smote_variants' <c>CCR</c>: around every row of a class the strategy grows, a sphere (taxicab, L1
/// distance) grows while it has energy; a unit of radius costs <c>1 + m</c>, with <c>m</c> the rows of the cleaned
/// classes already inside. Cleaning: every cleaned row strictly inside a sphere is pushed along the seed → row
/// direction out to that sphere's surface (pushes from several spheres add up). Resampling: new rows are drawn
/// uniformly inside the spheres, a seed's share of them inversely proportional to its radius.
/// </summary>
/// <remarks>
/// <para>The cleaned classes play the paper's majority: the classes the strategy does not grow (with two classes,
/// the majority). The budget is <c>Energy · features^Scaling</c>. Each grown class's <c>n</c> new rows are shared
/// among its rows in proportion to <c>1 / radius</c>, as whole counts adding up to <c>n</c> (largest remainders,
/// ties to the lower row), so counts are exact.</para>
/// <para>How a moved row is represented: the result keeps input rows unchanged or not at all, so a cleaned row that
/// is pushed is dropped from the kept rows and added back, moved, as an added row of its class whose
/// <see cref="RowOrigin.Base"/> is the input row it was (no neighbour, gap NaN). Added rows of a grown class are new
/// rows with <see cref="RowOrigin.Base"/> their seed; added rows of a cleaned class are moved rows. Class counts are
/// thus those of an over-sampler with the same strategy.</para>
/// <para>Deviations from smote_variants: new rows are uniform in the L1 ball (smote_variants' taxicab draw can
/// leave it); counts are exact rather than rounded per seed from a ratio of sums; the radius follows the paper's
/// cost exactly (smote_variants lags the previous distance by one row, and divides the energy left by <c>m</c>, not
/// <c>m + 1</c>, once every row is inside); a cleaned row at the seed's own position is pushed in a random
/// direction the full radius; with more than two classes, see above (smote_variants is binary).</para>
/// <para>The cleaned rows nearest each seed come from the neighbour engine (<see cref="SamplerOptions.Neighbors"/>
/// with the Manhattan metric; exact, as a Manhattan index always is), a few at first and more only while a sphere takes
/// in all it was given, so a seed costs a k-nearest query instead of a sort of every cleaned row. Rows at the same
/// distance from a seed are taken in row order (this matters only for rows on the seed, which draw their random
/// direction in that order).</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="CcrOptions.Energy"/> (1), <see cref="CcrOptions.Scaling"/> (0). Numeric features only.</para>
/// <code>
/// var result = new Ccr(new() { Energy = 1.0, Scaling = 0.0, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class Ccr(CcrOptions? options = null) : ISampler
{
    /// <summary>Distances below this count as zero: the row sits on its seed.</summary>
    private const double Tiny = 1e-20;

    /// <summary>Cleaned rows asked for around each seed at first.</summary>
    internal const int FirstK = 32;

    private readonly CcrOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "ccr");
        var energy = _options.Energy;
        if (!(energy > 0 && double.IsFinite(energy)))
            throw new ArgumentOutOfRangeException(nameof(CcrOptions.Energy), energy,
                $"Energy must be a finite number above 0; got {energy}");
        var scaling = _options.Scaling;
        if (!(scaling >= 0 && double.IsFinite(scaling)))
            throw new ArgumentOutOfRangeException(nameof(CcrOptions.Scaling), scaling,
                $"Scaling must be a finite number of at least 0; got {scaling}");
        var p = data.NumericCount;
        var budget = energy * Math.Pow(p, scaling);
        var grown = strategy.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).ToArray();
        var cleaned = Enumerable.Range(0, data.RowCount)
            .Where(r => !grown.Any(g => g.Key == data.Labels[r])).ToArray();
        var rng = new SeededRandom(_options.Seed);
        var pushes = new Pushes(p);
        var moved = new bool[data.RowCount];
        var index = cleaned.Length == 0 ? null
            : (_options.Neighbors with { Metric = DistanceMetric.Manhattan }).BuildOfRows(data.Numeric, cleaned, p);
        var radii = new Dictionary<int, double[]>();
        foreach (var (c, _) in grown)
            radii[c] = Spheres(data, data.RowsOfClass(c), cleaned, index, budget, pushes, moved, rng);

        var total = grown.Sum(g => g.Value) + moved.Count(m => m);
        var numeric = new double[(long)total * p];
        var labels = new int[total];
        var origins = new RowOrigin[total];
        var at = 0;
        for (var c = 0; c < data.Classes.Count; c++)
        {
            var n = grown.FirstOrDefault(g => g.Key == c).Value;
            if (n > 0)
            {
                var seeds = data.RowsOfClass(c);
                var made = ProWSyn.Apportion(radii[c].Select(r => 1 / r).ToArray(), n);
                for (var i = 0; i < seeds.Length; i++)
                    for (var k = 0; k < made[i]; k++, at++)
                    {
                        InBall(rng, data.NumericRow(seeds[i]), radii[c][i], numeric.AsSpan(at * p, p));
                        labels[at] = c;
                        origins[at] = new RowOrigin(true, -1, seeds[i], -1, double.NaN);
                    }
                continue;
            }
            foreach (var r in data.RowsOfClass(c))
            {
                if (!moved[r]) continue;
                var row = numeric.AsSpan(at * p, p);
                var from = data.NumericRow(r);
                var shift = pushes.Of(r);
                for (var j = 0; j < p; j++) row[j] = from[j] + shift[j];
                labels[at] = c;
                origins[at++] = new RowOrigin(true, -1, r, -1, double.NaN);
            }
        }
        var kept = Enumerable.Range(0, data.RowCount).Where(r => !moved[r]).ToArray();
        return new ResampleResult(data, kept, data.WithRows(numeric, [], labels), origins);
    }

    /// <summary>The radii of the spheres around <paramref name="seeds"/>, in order, each spending
    /// <paramref name="budget"/>; adds to <paramref name="pushes"/> what moves each cleaned row inside a sphere out to
    /// its surface. The cleaned rows nearest a seed come from the neighbour engine (<paramref name="index"/>, over
    /// <paramref name="cleaned"/>, L1), <see cref="FirstK"/> at first, more while the sphere takes in all it was
    /// given.</summary>
    private static double[] Spheres(Dataset data, int[] seeds, int[] cleaned, INeighborIndex? index, double budget,
        Pushes pushes, bool[] moved, SeededRandom rng)
    {
        var radii = new double[seeds.Length];
        if (index is null)
        {
            Array.Fill(radii, Radius([], budget));
            return radii;
        }
        var k = Math.Min(FirstK, cleaned.Length);
        ChunkedQueries.Each(index, data.Numeric, seeds, k, (first, near) =>
        {
            for (var i = 0; i < near.QueryCount; i++)
            {
                var seed = data.NumericRow(seeds[first + i]);
                var (distances, order) = Nearest(near.DistancesOf(i), near.IndicesOf(i), seed, index, cleaned, budget);
                var radius = Radius(distances, budget);
                radii[first + i] = radius;
                Push(data, seed, distances, order, cleaned, radius, pushes, moved, rng);
            }
        });
        return radii;
    }

    /// <summary>Enough of the cleaned rows nearest <paramref name="seed"/>, by (distance, position in
    /// <paramref name="cleaned"/>): the first answer while the sphere stops short of its last row, else four times
    /// as many from <paramref name="index"/>, up to every cleaned row.</summary>
    private static (double[] Distances, int[] Order) Nearest(ReadOnlySpan<double> distances, ReadOnlySpan<int> order,
        ReadOnlySpan<double> seed, INeighborIndex index, int[] cleaned, double budget)
    {
        // A sphere that took in all k rows given ends beyond the last one; one that stopped short ends at or before
        // it, so the rows further away cannot change it.
        while (distances.Length < cleaned.Length && Radius(distances, budget) > distances[^1])
        {
            var k = Math.Min(distances.Length * 4, cleaned.Length);
            var wider = index.Query(seed, k);
            distances = wider.DistancesOf(0);
            order = wider.IndicesOf(0);
        }
        return (distances.ToArray(), order.ToArray());
    }

    /// <summary>Moves every cleaned row strictly inside the sphere of <paramref name="radius"/> around
    /// <paramref name="seed"/> (<paramref name="distances"/> and <paramref name="order"/> nearest first) out to its
    /// surface, adding to its push.</summary>
    private static void Push(Dataset data, ReadOnlySpan<double> seed, double[] distances, int[] order, int[] cleaned,
        double radius, Pushes pushes, bool[] moved, SeededRandom rng)
    {
        var p = seed.Length;
        for (var i = 0; i < order.Length && distances[i] < radius; i++)
        {
            var r = cleaned[order[i]];
            var x = data.NumericRow(r);
            var d = distances[i];
            var shift = pushes.Of(r);
            moved[r] = true;
            if (d >= Tiny)
            {
                for (var j = 0; j < p; j++) shift[j] += (radius - d) / d * (x[j] - seed[j]);
                continue;
            }
            // On the seed: no direction to push along, so a random one (unit L1 length), the full distance.
            var direction = new double[p];
            for (var j = 0; j < p; j++) direction[j] = (rng.NextDouble() + 1) * (rng.NextInt(2) == 0 ? -1 : 1);
            var norm = direction.Sum(v => Math.Abs(v));
            for (var j = 0; j < p; j++) shift[j] += (radius - d) * direction[j] / norm;
        }
    }

    /// <summary>The radius whose cost is <paramref name="budget"/>, the cleaned rows at the sorted
    /// <paramref name="distances"/>: a unit of radius costs one more for every row already inside.</summary>
    internal static double Radius(ReadOnlySpan<double> distances, double budget)
    {
        var radius = 0.0;
        var left = budget;
        var inside = 0;
        while (inside < distances.Length)
        {
            var cost = (distances[inside] - radius) * (inside + 1);
            if (cost >= left) break;
            left -= cost;
            radius = distances[inside++];
        }
        return radius + left / (inside + 1);
    }

    /// <summary>A point drawn uniformly in the L1 ball of radius <paramref name="radius"/> around
    /// <paramref name="center"/>: exponential spacings give uniform barycentric weights on the simplex, random signs
    /// the orthant.</summary>
    private static void InBall(SeededRandom rng, ReadOnlySpan<double> center, double radius, Span<double> point)
    {
        var slack = -Math.Log(1 - rng.NextDouble());
        var sum = slack;
        for (var j = 0; j < point.Length; j++) sum += point[j] = -Math.Log(1 - rng.NextDouble());
        for (var j = 0; j < point.Length; j++)
            point[j] = center[j] + (rng.NextInt(2) == 0 ? -1 : 1) * radius * (point[j] / sum);
    }

    /// <summary>What moves each pushed row (<c>p</c> values, made when the row is first pushed).</summary>
    private sealed class Pushes(int p)
    {
        private readonly Dictionary<int, double[]> _of = [];

        public Span<double> Of(int row)
        {
            if (!_of.TryGetValue(row, out var shift)) _of[row] = shift = new double[p];
            return shift;
        }
    }
}
