using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;
using Imbalanced.Svm;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// SVM-SMOTE (Nguyen, Cooper and Kamei, "Borderline over-sampling for imbalanced data classification", 2009), as
/// imbalanced-learn's <c>SVMSMOTE</c>: fit an RBF support-vector classifier of the class against the rest
/// (<see cref="SupportVectors"/>, C = 1, γ = 'scale', LIBSVM's SMO); drop support vectors of the class whose
/// <c>m</c> neighbours are all of other classes (noise); split the rows to make with a Beta(10, 10) fraction:
/// that share from support vectors in danger, interpolating towards one of their k nearest rows of the class
/// (gap in [0, 1)), the rest from safe support vectors, extrapolating away from such a neighbour (gap in
/// (−out_step, 0]: the row lies on the ray from the neighbour through the seed, beyond the seed).
/// </summary>
/// <remarks>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SvmSmoteOptions.KNeighbors"/>, <see cref="SvmSmoteOptions.MNeighbors"/>,
/// <see cref="SvmSmoteOptions.OutStep"/>. Provenance records base (the support vector), neighbour and the
/// signed gap, so <c>row = base + gap · (neighbour − base)</c> holds for both kinds.</para>
/// <para>Where this differs from imbalanced-learn 0.10, on purpose: the classifier is one class against the rest
/// (imbalanced-learn fits one multiclass SVC, one-versus-one, and keeps the class's support vectors of it; the
/// same for two classes); when no support vector is in danger, or none is safe, the other kind makes every row
/// (imbalanced-learn then makes only its share, falling short of the strategy).</para>
/// <code>
/// var result = new SvmSmote(new() { OutStep = 0.5, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class SvmSmote(SvmSmoteOptions? options = null) : ISampler
{
    private readonly SvmSmoteOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "svm-smote");
        int k = _options.KNeighbors, m = _options.MNeighbors, p = data.NumericCount;
        if (m < 1)
            throw new ArgumentOutOfRangeException(nameof(_options.MNeighbors), m,
                $"MNeighbors must be at least 1; got {m}");
        if (m >= data.RowCount)
            throw new DataException($"MNeighbors must be between 1 and {data.RowCount - 1}; got {m}")
            { Parameter = nameof(_options.MNeighbors) };
        if (!(_options.OutStep >= 0))
            throw new ArgumentOutOfRangeException(nameof(_options.OutStep), _options.OutStep,
                $"OutStep must be ≥ 0; got {_options.OutStep}");
        foreach (var (c, n) in strategy)
            if (n > 0)
                DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(SvmSmoteOptions.KNeighbors), "svm-smote");
        if (_options.MaxIterations is < 1)
            throw new ArgumentOutOfRangeException(nameof(_options.MaxIterations), _options.MaxIterations,
                $"MaxIterations must be at least 1; got {_options.MaxIterations}");
        var rng = new SeededRandom(_options.Seed);
        // Built once the first SVM is solved: the index's copy of the table is not held beside the solver's cache.
        INeighborIndex? all = null;
        var warnings = new List<string>();
        var plan = new List<(int Class, int[] Seeds, int[] Rows, KNeighbors Neighbors, int Count, double Step)>();
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var (vectors, converged) = SupportVectors.OneVersusRest(data, c, threads: _options.Neighbors.Threads,
                maxIterations: _options.MaxIterations);
            if (!converged)
                warnings.Add($"the SVM of class '{data.Classes[c]}' stopped after {_options.MaxIterations} iterations "
                    + "before converging; its support vectors are those found so far");
            var support = vectors.Where(i => data.Labels[i] == c).ToArray();
            all ??= _options.Neighbors.Build(data.Numeric, data.RowCount, p);
            var others = DangerSets.OtherClassNeighbors(data, all, c, support, m);
            var kept = support.Where((_, i) => others[i] < m).ToArray();
            var keptOthers = others.Where(o => o < m).ToArray();
            if (kept.Length == 0)
                throw new DataException($"every support vector of class '{data.Classes[c]}' is noise (all its {m} " +
                    "neighbours are of other classes); svm-smote does not suit this data, try " +
                    "borderline-smote or smote");
            var danger = kept.Where((_, i) => keptOthers[i] >= m / 2.0).ToArray();
            var safe = kept.Where((_, i) => keptOthers[i] < m / 2.0).ToArray();
            var fromDanger = Math.Min(n, (int)(rng.NextBeta(10, 10) * (n + 1)));
            if (danger.Length == 0) fromDanger = 0;
            if (safe.Length == 0) fromDanger = n;
            var classPoints = data.Select(rows).Numeric;
            var classIndex = _options.Neighbors.Build(classPoints, rows.Length, p);
            foreach (var (seeds, count, step) in
                new[] { (danger, fromDanger, 1.0), (safe, n - fromDanger, -_options.OutStep) })
            {
                if (count == 0) continue;
                var local = seeds.Select(r => Array.BinarySearch(rows, r)).ToArray();
                plan.Add((c, seeds, rows, IndexedQueries.OfRows(classIndex, classPoints, local, k), count, step));
            }
        }
        var added = new SyntheticRows(data, plan.Sum(t => t.Count));
        foreach (var (c, seeds, rows, neighbors, count, step) in plan)
            Interpolation.MakeRows(added, rng, c, seeds, k, pair => rows[neighbors.Indices[pair]], count, step);
        return added.ToResult(warnings);
    }
}
