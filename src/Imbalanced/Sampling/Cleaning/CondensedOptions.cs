using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>Options of <see cref="CondensedNearestNeighbour"/> and <see cref="OneSidedSelection"/>.</summary>
public sealed record CondensedOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>n_neighbors</c> of the classifying rule (1).</summary>
    [SamplerParameter("n_neighbors", "neighbours of the classifying rule")]
    public int NNeighbors { get; init; } = 1;

    /// <summary>imbalanced-learn's <c>n_seeds_S</c>: rows of the class drawn to start the store (1).</summary>
    [SamplerParameter("n_seeds_S", "rows drawn to start the store")]
    public int NSeedsS { get; init; } = 1;

    /// <summary>Rows to start each class's store with (class label → input rows), instead of drawing
    /// <see cref="NSeedsS"/> at random; for reproducing a run made elsewhere.</summary>
    public IReadOnlyDictionary<string, int[]>? InitialRows { get; init; }

    /// <summary>
    /// The loop CNN and OSS share: checks the data, then for each class keeps every row when it is not targeted and
    /// otherwise the rows <paramref name="condense"/> keeps, given (class, its rows, the rows starting its store, the
    /// minority rows). Returns the kept rows and the targeted classes.
    /// </summary>
    internal (List<int> Kept, HashSet<int> Targeted) Condense(Dataset data, string method,
        Func<int, int[], int[], int[], IEnumerable<int>> condense)
    {
        var counts = data.ClassCounts();
        var targeted = Strategy.Resolve(counts, data.Classes, SamplingType.CleanSampling).Keys.ToHashSet();
        DataChecks.RequireNumericComplete(data, method);
        if (NSeedsS < 1)
            throw new ArgumentOutOfRangeException(nameof(NSeedsS), NSeedsS,
                $"NSeedsS must be at least 1; got {NSeedsS}");
        var rng = new SeededRandom(Seed);
        var minorityRows = data.RowsOfClass(ClassCounting.Minority(counts));
        var kept = new List<int>();
        for (var c = 0; c < counts.Length; c++)
        {
            var rows = data.RowsOfClass(c);
            kept.AddRange(targeted.Contains(c) ? condense(c, rows, Seeds(data, c, rows, rng), minorityRows) : rows);
        }
        return (kept, targeted);
    }

    /// <summary>The rows that start the store of class
    /// <paramref name="classCode"/>: given, or drawn with replacement.</summary>
    internal int[] Seeds(Dataset data, int classCode, int[] rows, Randomness.SeededRandom rng)
    {
        if (InitialRows is not null && InitialRows.TryGetValue(data.Classes[classCode], out var given))
        {
            foreach (var r in given)
                if (r < 0 || r >= data.RowCount || data.Labels[r] != classCode)
                    throw new DataException($"initial row {r} is not a row of class '{data.Classes[classCode]}'");
            return given;
        }
        return Enumerable.Range(0, NSeedsS).Select(_ => rows[rng.NextInt(rows.Length)]).ToArray();
    }
}
