using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// Borderline-SMOTE (Han, Wang and Mao, "Borderline-SMOTE: A New Over-Sampling Method in Imbalanced Data Sets
/// Learning", ICIC 2005), as imbalanced-learn's <c>BorderlineSMOTE</c>: only rows in danger (see
/// <see cref="DangerSets"/>) seed new rows. Borderline-1 interpolates towards one of the seed's k nearest
/// neighbours of its class, gap in [0, 1). Borderline-2 splits the rows to make with a Beta(10, 10) fraction:
/// that share as borderline-1, the rest towards one of the seed's k nearest rows of the other classes with a
/// gap in [0, 0.5).
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="BorderlineSmoteOptions.KNeighbors"/>, <see cref="BorderlineSmoteOptions.MNeighbors"/>,
/// <see cref="BorderlineSmoteOptions.Kind"/>. As in imbalanced-learn, a class with no row in danger gets no
/// new rows, so counts can fall short of the strategy.</para>
/// <para>Where this differs from imbalanced-learn 0.10, on purpose: borderline-2's other-class neighbours are
/// the seed's own k nearest rows of the other classes (imbalanced-learn indexes the other-class rows with the
/// seed's same-class neighbour positions, which picks unrelated rows), and the two parts add up to exactly the
/// number asked (imbalanced-learn's two truncations can fall one short).</para>
/// <code>
/// var result = new BorderlineSmote(new() { Kind = BorderlineKind.Borderline2, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class BorderlineSmote(BorderlineSmoteOptions? options = null) : ISampler
{
    private readonly BorderlineSmoteOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "borderline-smote");
        int k = _options.KNeighbors, m = _options.MNeighbors, p = data.NumericCount;
        if (m < 1)
            throw new ArgumentOutOfRangeException(nameof(_options.MNeighbors), m,
                $"MNeighbors must be at least 1; got {m}");
        if (m >= data.RowCount)
            throw new DataException($"MNeighbors = {m} needs more than {m} rows; the data has {data.RowCount}; " +
                "lower MNeighbors")
            { Parameter = nameof(_options.MNeighbors) };
        foreach (var (c, n) in strategy)
            if (n > 0)
                DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(BorderlineSmoteOptions.KNeighbors),
                    "borderline-smote");
        var rng = new SeededRandom(_options.Seed);
        var all = _options.Neighbors.Build(data.Numeric, data.RowCount, p);
        // Each part: the rows to make from a class's danger rows, towards its own class or towards the others.
        var plan = new List<(int Class, int[] Danger, int[] Rows, KNeighbors Same, int Count,
            bool TowardsOtherClasses, int[]? Other, KNeighbors? OtherNeighbors)>();
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var danger = DangerSets.Danger(data, all, c, rows, m);
            if (danger.Length == 0) continue;
            var local = danger.Select(r => Array.BinarySearch(rows, r)).ToArray();
            var classPoints = data.Select(rows).Numeric;
            var same = IndexedQueries.OfRows(_options.Neighbors.Build(classPoints, rows.Length, p),
                classPoints, local, k);
            if (_options.Kind == BorderlineKind.Borderline1)
            {
                plan.Add((c, danger, rows, same, n, false, null, null));
                continue;
            }
            var fraction = rng.NextBeta(10, 10);
            var first = Math.Min(n, (int)(fraction * (n + 1)));
            var others = Enumerable.Range(0, data.RowCount).Where(i => data.Labels[i] != c).ToArray();
            var otherPoints = data.Select(others).Numeric;
            var kOther = Math.Min(k, others.Length);
            var otherNeighbors = _options.Neighbors.Build(otherPoints, others.Length, p)
                .Query(data.Select(danger).Numeric, kOther);
            plan.Add((c, danger, rows, same, first, false, others, otherNeighbors));
            plan.Add((c, danger, rows, same, n - first, true, others, otherNeighbors));
        }
        var added = new SyntheticRows(data, plan.Sum(s => s.Count));
        foreach (var (c, danger, rows, same, count, towardsOtherClasses, others, otherNeighbors) in plan)
        {
            if (!towardsOtherClasses)
                Interpolation.MakeRows(added, rng, c, danger, k, pair => rows[same.Indices[pair]], count);
            else
                Interpolation.MakeRows(added, rng, c, danger, otherNeighbors!.K,
                    pair => others![otherNeighbors.Indices[pair]], count, step: 0.5);
        }
        return added.ToResult();
    }
}
