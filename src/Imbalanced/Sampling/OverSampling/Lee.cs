using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// SMOTE with rejection (Lee, Kim and Lee, "An Over-sampling Technique with Rejection for Imbalanced Class
/// Learning", Proceedings of the 9th International Conference on Ubiquitous Information Management and
/// Communication, IMCOM 2015), after smote_variants' <c>Lee</c>: candidates are drawn as SMOTE draws them (a
/// (row, neighbour) pair uniformly among a class's <c>rows × k</c> pairs, a gap uniformly in [0, 1)); each candidate
/// is judged by its <c>k</c> nearest rows of the whole data set and rejected when the fraction of them that belongs
/// to other classes is at least <see cref="LeeOptions.RejectionLevel"/>.
/// </summary>
/// <remarks>
/// <para>Candidates come in batches of <c>max(missing, 20)</c>. As in smote_variants, after more than five batches
/// in a row with no candidate kept, the rejection level rises by 0.1, so the method always ends (above 1, nothing
/// is rejected); the first candidates kept, in draw order, are the new rows. With several classes, "other classes"
/// are all classes but the one grown (smote_variants is binary: the majority class).</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SamplerOptions.Neighbors"/>, <see cref="LeeOptions.KNeighbors"/> (5),
/// <see cref="LeeOptions.RejectionLevel"/> (0.5). Numeric features only. Every new row records its base row,
/// neighbour row and gap; the result keeps only these and makes the new rows from them when they are first asked
/// for (<see cref="ResampleResult.Added"/>) or written, so that writing a large result never holds them all.</para>
/// <code>
/// var result = new Lee(new() { KNeighbors = 5, RejectionLevel = 0.5, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class Lee(LeeOptions? options = null) : ISampler
{
    /// <summary>Fewest candidates drawn in one batch.</summary>
    private const int MinBatch = 20;

    /// <summary>Candidates judged (their neighbours found) at once; tests set fewer. The rows made do not depend on
    /// it.</summary>
    internal int JudgedAtOnce { get; init; } = 1 << 16;

    /// <summary>Batches in a row with nothing kept after which the rejection level rises.</summary>
    private const int PatientBatches = 5;

    private readonly LeeOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "lee");
        var level = _options.RejectionLevel;
        if (!(level is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(LeeOptions.RejectionLevel), level,
                $"RejectionLevel must be in [0, 1]; got {level}");
        var k = _options.KNeighbors;
        foreach (var (c, n) in strategy)
            if (n > 0) DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(LeeOptions.KNeighbors), "lee");
        var rng = new SeededRandom(_options.Seed);
        var p = data.NumericCount;
        var all = _options.Neighbors.Build(data.Numeric, data.RowCount, p);
        // Only each new row's class and origin are kept: the rows themselves are made again, identically, when they are
        // written (ResampleResult.Interpolated), instead of being held beside the input.
        var added = new SyntheticRows(data, strategy.Values.Sum(), madeWhenWritten: true);
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var same = _options.Neighbors.Build(data.Select(rows).Numeric, rows.Length, p)
                .QuerySelf(k, includeSelf: false);
            var made = 0;
            var barren = 0;
            var classLevel = level;
            while (made < n)
            {
                var batch = Math.Max(n - made, MinBatch);
                var kept = 0;
                // The candidates are drawn and judged a chunk at a time (the draws come one after another from the
                // generator either way): a whole batch of them (as many as the rows to make) with their neighbours
                // took several times the memory of the rows made.
                for (var from = 0; from < batch; from += JudgedAtOnce)
                {
                    var m = Math.Min(JudgedAtOnce, batch - from);
                    var draws = Interpolation.Draw(rng, rows.Length * k, m);
                    var candidates = new double[m * p];
                    for (var i = 0; i < m; i++)
                        Interpolation.Write(data.NumericRow(rows[draws[i].Pair / k]),
                            data.NumericRow(rows[same.Indices[draws[i].Pair]]), draws[i].Gap,
                            candidates.AsSpan(i * p, p));
                    var judges = all.Query(candidates, k);
                    for (var i = 0; i < m; i++)
                    {
                        if (OtherClassFraction(data, judges.IndicesOf(i), c) >= classLevel) continue;
                        kept++;
                        if (made == n) continue;
                        var (pair, gap) = draws[i];
                        added.AddInterpolated(c,
                            new RowOrigin(true, -1, rows[pair / k], rows[same.Indices[pair]], gap));
                        made++;
                    }
                }
                if (kept > 0) continue;
                if (++barren <= PatientBatches) continue;
                classLevel += 0.1;
                barren = 0;
            }
        }
        return added.ToResult();
    }

    /// <summary>The fraction of <paramref name="judges"/> (input rows) not of class
    /// <paramref name="classCode"/>.</summary>
    internal static double OtherClassFraction(Dataset data, ReadOnlySpan<int> judges, int classCode)
    {
        var other = 0;
        foreach (var j in judges) if (data.Labels[j] != classCode) other++;
        return (double)other / judges.Length;
    }
}
