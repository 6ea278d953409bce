using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// ProWSyn, proximity-weighted synthetic over-sampling (Barua, Islam and Murase, "ProWSyn: Proximity Weighted
/// Synthetic Oversampling Technique for Imbalanced Data Set Learning", Advances in Knowledge Discovery and Data
/// Mining, PAKDD 2013, LNCS 7819): rows of the class close to the other classes make more new rows.
/// </summary>
/// <remarks>
/// <para>For each class to grow: the class's rows are peeled into proximity levels. At level 1, 2, …, L − 1, every
/// row of the other classes marks its <c>K</c> nearest class rows among those not yet levelled; the marked rows
/// get that level. The rows left get level L. Each row's weight is <c>exp(−θ · (level − 1))</c>, normalised over
/// the class; a row makes <c>n · weight</c> new rows, rounded so that the counts add up to <c>n</c> (largest
/// remainders, ties to the lower row). Each new row lies between its seed and a row drawn uniformly among the
/// other rows of the seed's level, with a gap uniform in [0, 1); a seed alone in its level is copied.</para>
/// <para>Where this differs from smote_variants' <c>ProWSyn</c>, and why: smote_variants peels L levels and
/// gives the rows left the last level's number too, where the paper levels the rest as L; smote_variants picks a
/// level with probability proportional to its weight (not to its weight times its size) and interpolates within
/// it, where the paper gives each row its own count, as here. With several classes, "other classes" are all
/// classes but the one grown (smote_variants is binary).</para>
/// <para>Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SamplerOptions.Neighbors"/>, <see cref="ProWSynOptions.NNeighbors"/> (5),
/// <see cref="ProWSynOptions.Levels"/> (5), <see cref="ProWSynOptions.Theta"/> (1). Numeric features only.
/// Provenance: base row, neighbour row and gap; a copy names its source.</para>
/// <code>
/// var result = new ProWSyn(new() { NNeighbors = 5, Levels = 5, Theta = 1.0, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class ProWSyn(ProWSynOptions? options = null) : ISampler
{
    private readonly ProWSynOptions _options = options ?? new();

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "prowsyn");
        if (_options.NNeighbors < 1)
            throw new ArgumentOutOfRangeException(nameof(ProWSynOptions.NNeighbors), _options.NNeighbors,
                $"NNeighbors must be at least 1; got {_options.NNeighbors}");
        if (_options.Levels < 1)
            throw new ArgumentOutOfRangeException(nameof(ProWSynOptions.Levels), _options.Levels,
                $"Levels must be at least 1; got {_options.Levels}");
        if (!(_options.Theta >= 0 && double.IsFinite(_options.Theta)))
            throw new ArgumentOutOfRangeException(nameof(ProWSynOptions.Theta), _options.Theta,
                $"Theta must be a finite number of at least 0; got {_options.Theta}");
        var rng = new SeededRandom(_options.Seed);
        var added = new SyntheticRows(data, strategy.Values.Sum());
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var levels = Levels(data, c, rows);
            var weights = levels.Select(l => Math.Exp(-_options.Theta * (l - 1))).ToArray();
            var perRow = Apportion(weights, n);
            var members = Enumerable.Range(1, _options.Levels)
                .Select(l => Enumerable.Range(0, rows.Length).Where(i => levels[i] == l).ToArray()).ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                var level = members[levels[i] - 1];
                for (var s = 0; s < perRow[i]; s++)
                {
                    if (level.Length == 1)
                    {
                        data.NumericRow(rows[i]).CopyTo(
                            added.Add(c, new RowOrigin(true, rows[i], rows[i], -1, double.NaN)).Numeric);
                        continue;
                    }
                    var other = level[rng.NextInt(level.Length - 1)];
                    if (other == i) other = level[^1]; // uniform among the level's rows other than i
                    var gap = rng.NextDouble();
                    Interpolation.Write(data.NumericRow(rows[i]), data.NumericRow(rows[other]), gap,
                        added.Add(c, new RowOrigin(true, -1, rows[i], rows[other], gap)).Numeric);
                }
            }
        }
        return added.ToResult();
    }

    /// <summary>The proximity level (1 … L) of each of <paramref name="rows"/>, the rows of class
    /// <paramref name="classCode"/>.</summary>
    internal int[] Levels(Dataset data, int classCode, int[] rows)
    {
        var p = data.NumericCount;
        var others = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] != classCode).ToArray();
        var levels = new int[rows.Length];
        var remaining = Enumerable.Range(0, rows.Length).ToList();
        for (var level = 1; level < _options.Levels && remaining.Count > 0; level++)
        {
            var k = Math.Min(remaining.Count, _options.NNeighbors);
            // The rows of the class still unlevelled are indexed in place; the other classes' rows are asked about
            // a chunk at a time (copies of them took more memory than the table).
            var index = _options.Neighbors.BuildOfRows(data.Numeric, remaining.Select(i => rows[i]).ToArray(), p);
            var marked = new HashSet<int>();
            ChunkedQueries.Each(index, data.Numeric, others, k, (_, found) =>
            {
                foreach (var j in found.Indices) marked.Add(remaining[j]);
            });
            foreach (var i in marked) levels[i] = level;
            remaining.RemoveAll(marked.Contains);
        }
        foreach (var i in remaining) levels[i] = _options.Levels;
        return levels;
    }

    /// <summary>Whole counts adding up to <paramref name="total"/>, each within 1 of
    /// <c>total · weight / Σ weight</c>:
    /// the whole parts, then one more for the largest remainders (ties to the lower index).</summary>
    internal static int[] Apportion(double[] weights, int total)
    {
        var sum = weights.Sum();
        var shares = weights.Select(w => total * (w / sum)).ToArray();
        var counts = shares.Select(s => (int)Math.Floor(s)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => shares[i] - counts[i])
                     .ThenBy(i => i).Take(left))
            counts[i]++;
        return counts;
    }
}
