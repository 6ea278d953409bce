using Imbalanced.Data;

namespace Imbalanced.Sampling.UnderSampling;

/// <summary>
/// NearMiss (Mani and Zhang, "kNN approach to unbalanced data distributions: a case study involving information
/// extraction", ICML workshop, 2003), as imbalanced-learn's <c>NearMiss</c>, keeping for each class to shrink the
/// rows closest to the minority class: version 1 by the sum of distances to their n nearest minority rows
/// (smallest first); version 2 by the sum of their n largest distances to minority rows (smallest first);
/// version 3 first keeps, for each minority row, its <c>n_neighbors_ver3</c> nearest rows of the class, then of
/// those the rows whose n nearest minority rows are farthest (largest sum first). Equal sums keep input order.
/// </summary>
/// <remarks>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="NearMissOptions.Version"/>,
/// <see cref="NearMissOptions.NNeighbors"/>, <see cref="NearMissOptions.NNeighborsVer3"/>. Version 3 can keep fewer
/// rows than asked; the result then carries imbalanced-learn's warning.
/// <code>var result = new NearMiss(new() { Version = 2 }).FitResample(data);</code></remarks>
public sealed class NearMiss(NearMissOptions? options = null) : ISampler
{
    private readonly NearMissOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.UnderSampling);
        DataChecks.RequireNumericComplete(data, "nearmiss");
        if (_options.Version is < 1 or > 3)
            throw new ArgumentOutOfRangeException(nameof(_options.Version), _options.Version,
                $"Version must be 1, 2 or 3; got {_options.Version}");
        if (_options.NNeighbors < 1)
            throw new ArgumentOutOfRangeException(nameof(_options.NNeighbors), _options.NNeighbors,
                $"NNeighbors must be at least 1; got {_options.NNeighbors}");
        if (_options.Version == 3 && _options.NNeighborsVer3 < 1)
            throw new ArgumentOutOfRangeException(nameof(_options.NNeighborsVer3), _options.NNeighborsVer3,
                $"NNeighborsVer3 must be at least 1; got {_options.NNeighborsVer3}");
        int k = _options.NNeighbors, p = data.NumericCount;
        var minority = ClassCounting.Minority(counts);
        var minorityRows = data.RowsOfClass(minority);
        if (k > minorityRows.Length)
            throw new DataException($"NNeighbors = {k} needs at least {k} rows of the minority class " +
                $"'{data.Classes[minority]}', which has {minorityRows.Length}")
            {
                Parameter = nameof(NearMissOptions.NNeighbors),
            };
        var minorityPoints = data.Select(minorityRows).Numeric;
        var minorityIndex = _options.Neighbors.Build(minorityPoints, minorityRows.Length, p);
        var kept = new List<int>();
        var warnings = new List<string>();
        for (var c = 0; c < counts.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            if (!strategy.TryGetValue(c, out var wanted)) { kept.AddRange(rows); continue; }
            int[] candidates = rows;
            if (_options.Version == 3)
            {
                var kv3 = _options.NNeighborsVer3;
                if (kv3 > rows.Length)
                    throw new DataException($"NNeighborsVer3 = {kv3} needs at least {kv3} rows of class " +
                        $"'{data.Classes[c]}', which has {rows.Length}")
                    {
                        Parameter = nameof(NearMissOptions.NNeighborsVer3),
                    };
                var classPoints = data.Select(rows).Numeric;
                var near = _options.Neighbors.Build(classPoints, rows.Length, p).Query(minorityPoints, kv3);
                candidates = near.Indices.Distinct().Order().Select(i => rows[i]).ToArray();
            }
            var columns = _options.Version == 2 ? minorityRows.Length : k;
            var distances = minorityIndex.Query(data.Select(candidates).Numeric, columns);
            var score = new double[candidates.Length];
            for (var i = 0; i < candidates.Length; i++)
            {
                var d = distances.DistancesOf(i);
                for (var t = columns - k; t < columns; t++) score[i] += d[t];
            }
            var order = Enumerable.Range(0, candidates.Length);
            var chosen = (_options.Version == 3 ? order.OrderByDescending(i => score[i]) : order.OrderBy(i => score[i]))
                .Take(wanted).ToArray();
            if (candidates.Length < wanted)
                warnings.Add($"nearmiss version 3 keeps {candidates.Length} rows of class '{data.Classes[c]}', fewer " +
                    $"than the {wanted} asked: the number of samples to be selected is larger than the " +
                    "number available");
            kept.AddRange(chosen.Select(i => candidates[i]));
        }
        return ResampleResult.Keep(data, [.. kept], warnings);
    }
}
