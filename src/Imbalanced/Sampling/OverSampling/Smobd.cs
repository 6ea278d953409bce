using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// SMOBD, SMOTE based on data density (Cao and Wang, "Applying Over-sampling Technique Based on Data Density and
/// Cost-sensitive SVM to Imbalanced Learning", International Conference on Information Management, Innovation
/// Management and Industrial Engineering, ICIII 2011), after smote_variants' <c>SMOBD</c>: each row of the class
/// seeds new rows with a probability set by its density, and rows that OPTICS finds to be noise seed none.
/// </summary>
/// <remarks>
/// <para>For each class to grow, OPTICS runs over the class's rows with <c>min_samples = min(m − 1,</c>
/// <see cref="SmobdOptions.MinSamples"/><c>)</c> and radius <see cref="SmobdOptions.MaxEps"/> (see
/// <see cref="Optics"/>). A row's density is <c>η1 · f1 + (1 − η1) · f2</c>, where f1 is its core distance (an
/// infinite one as 1.1 × the largest finite one) over the largest, and f2 the rows within the radius over the
/// most. A row is noise, density 0, when its core distance exceeds <c>t</c> times the average core distance and
/// its reachability exceeds <c>t</c> times the average reachability. The densities, normalised (all equal when
/// every one is 0), are the probabilities with which each new row draws its seed; it then draws one of the
/// seed's <c>min(m − 1, MinSamples)</c> nearest rows of the class and a gap uniform in [0, 1).</para>
/// <para>Where this differs from smote_variants, and why: the averages are taken over the finite values (in
/// smote_variants the first row of the OPTICS ordering always has an infinite reachability, which makes the
/// average infinite and the noise rule never fire); an infinite core distance or reachability counts as above
/// any average. When no core distance is finite (the radius is below every row's <c>min_samples</c>-th
/// distance), f1 is 1 for every row, where smote_variants gives up and adds nothing. The new row is SMOTE's
/// <c>base + gap · (neighbour − base)</c> with one gap, as in the paper; smote_variants draws a gap per feature,
/// which leaves the segment. With several classes each class to grow is treated alone.</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SamplerOptions.Neighbors"/>, <see cref="SmobdOptions.Eta1"/> (0.5),
/// <see cref="SmobdOptions.NoiseThreshold"/> (1.8), <see cref="SmobdOptions.MinSamples"/> (5),
/// <see cref="SmobdOptions.MaxEps"/> (1.0: on unscaled data, standardise first or raise it). Numeric features
/// only. OPTICS takes time quadratic in the class's rows. Provenance: base row, neighbour row and gap.</para>
/// <code>
/// var result = new Smobd(new() { Eta1 = 0.5, NoiseThreshold = 1.8, MaxEps = 2.0, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class Smobd(SmobdOptions? options = null) : IClassLocalSampler
{
    private readonly SmobdOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Resample(data, data.ClassCounts(), null);
    }

    // Each class grows from its own rows only (OPTICS, the neighbours and the seeds are all within the class): a
    // table's other classes can stream straight through.
    int[]? IClassLocalSampler.ClassesRead(ClassSet classes, int[] counts) =>
        _options.Strategy.GrownClasses(counts, classes);

    ResampleResult IClassLocalSampler.FitResample(Dataset part, WholeTable whole) =>
        Resample(part, whole.Counts, whole);

    private ResampleResult Resample(Dataset data, int[] counts, WholeTable? whole)
    {
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "smobd", whole: whole);
        Validate();
        foreach (var (c, n) in strategy)
            if (n > 0 && counts[c] < 2)
                throw new DataException($"class '{data.Classes[c]}' has {counts[c]} row, too few for smobd, which " +
                    "interpolates between two rows of a class; add rows or leave the class out of the strategy");
        var rng = new SeededRandom(_options.Seed);
        var added = new SyntheticRows(data, strategy.Values.Sum());
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var k = Math.Min(rows.Length - 1, _options.MinSamples);
            var density = Density(data.Select(rows).Numeric, rows.Length);
            var neighbors = _options.Neighbors.Build(data.Select(rows).Numeric, rows.Length, data.NumericCount)
                .QuerySelf(k, includeSelf: false);
            var cumulative = new double[rows.Length];
            var sum = 0.0;
            for (var i = 0; i < rows.Length; i++) cumulative[i] = sum += density[i];
            for (var s = 0; s < n; s++)
            {
                var seed = Draw(cumulative, rng.NextDouble());
                var neighbor = rows[neighbors.IndicesOf(seed)[rng.NextInt(k)]];
                var gap = rng.NextDouble();
                Interpolation.Write(data.NumericRow(rows[seed]), data.NumericRow(neighbor), gap,
                    added.Add(c, new RowOrigin(true, -1, rows[seed], neighbor, gap)).Numeric);
            }
        }
        return added.ToResult();
    }

    /// <summary>Each row's probability of seeding a new row: its normalised density, 0 for noise.</summary>
    internal double[] Density(double[] points, int count)
    {
        var optics = Optics.Compute(_options.Neighbors, points, count, Math.Min(count - 1, _options.MinSamples),
            _options.MaxEps);
        var core = optics.CoreDistances;
        var finiteCore = core.Where(double.IsFinite).ToArray();
        var finiteReach = optics.Reachability.Where(double.IsFinite).ToArray();
        double coreAverage = finiteCore.Length > 0 ? finiteCore.Average() : double.PositiveInfinity,
            reachAverage = finiteReach.Length > 0 ? finiteReach.Average() : double.PositiveInfinity;
        var largest = finiteCore.Length > 0 ? finiteCore.Max() : 0;
        var scale = finiteCore.Length < count ? 1.1 * largest : largest; // the largest f1 before scaling
        var maxWithin = optics.WithinRadius.Max();
        var eta1 = _options.Eta1;
        var t = _options.NoiseThreshold;
        var density = new double[count];
        for (var i = 0; i < count; i++)
        {
            var noise = core[i] > t * coreAverage && optics.Reachability[i] > t * reachAverage;
            if (noise) continue;
            var f1 = finiteCore.Length == 0 ? 1.0
                : (double.IsFinite(core[i]) ? core[i] : 1.1 * largest) / Math.Max(scale, 1e-8);
            var f2 = (double)optics.WithinRadius[i] / maxWithin;
            density[i] = eta1 * f1 + (1 - eta1) * f2;
        }
        var total = density.Sum();
        for (var i = 0; i < count; i++) density[i] = total > 0 ? density[i] / total : 1.0 / count;
        return density;
    }

    /// <summary>The first index whose cumulative weight exceeds <c>u · total</c>.</summary>
    private static int Draw(double[] cumulative, double u)
    {
        var target = u * cumulative[^1];
        var i = Array.BinarySearch(cumulative, target);
        i = i < 0 ? ~i : i + 1;
        while (i < cumulative.Length - 1 && cumulative[i] <= target) i++;
        return Math.Min(i, cumulative.Length - 1);
    }

    private void Validate()
    {
        if (!(_options.Eta1 is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(SmobdOptions.Eta1), _options.Eta1,
                $"Eta1 must be in [0, 1]; got {_options.Eta1}");
        if (!(_options.NoiseThreshold >= 0 && double.IsFinite(_options.NoiseThreshold)))
            throw new ArgumentOutOfRangeException(nameof(SmobdOptions.NoiseThreshold), _options.NoiseThreshold,
                $"NoiseThreshold must be a finite number of at least 0; got {_options.NoiseThreshold}");
        if (_options.MinSamples < 1)
            throw new ArgumentOutOfRangeException(nameof(SmobdOptions.MinSamples), _options.MinSamples,
                $"MinSamples must be at least 1; got {_options.MinSamples}");
        if (!(_options.MaxEps >= 0))
            throw new ArgumentOutOfRangeException(nameof(SmobdOptions.MaxEps), _options.MaxEps,
                $"MaxEps must be at least 0; got {_options.MaxEps}");
    }
}
