using Imbalanced.Data;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// SMOTE, the Synthetic Minority Over-sampling TEchnique (Chawla, Bowyer, Hall and Kegelmeyer, "SMOTE:
/// Synthetic Minority Over-sampling Technique", Journal of Artificial Intelligence Research 16, 2002), as
/// imbalanced-learn's <c>SMOTE</c>: for each class to over-sample, find each row's <c>k</c> nearest neighbours
/// within the class; then, for each new row, draw a (row, neighbour) pair uniformly among all
/// <c>rows × k</c> pairs and a gap uniformly in [0, 1), and add <c>base + gap · (neighbour − base)</c>.
/// </summary>
/// <remarks>
/// Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="SmoteOptions.KNeighbors"/>, <see cref="SamplerOptions.Neighbors"/>. Numeric features only (use
/// SMOTE-NC for mixed data). Every new row records its base row, neighbour row and gap.
/// <code>
/// var result = new Smote(new() { KNeighbors = 5, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class Smote(SmoteOptions? options = null) : IClassLocalSampler
{
    private readonly SmoteOptions _options = options ?? new();

    /// <summary>The options the sampler runs with.</summary>
    internal SmoteOptions Options => _options;

    /// <summary>SMOTE as the first step of a combined sampler: its strategy, seed and neighbour engine are the
    /// combined sampler's <paramref name="options"/>, with <paramref name="kNeighbors"/> neighbours.</summary>
    internal static Smote FirstStepOf(SamplerOptions options, int kNeighbors) => new(new SmoteOptions
    {
        Strategy = options.Strategy,
        Seed = options.Seed,
        Neighbors = options.Neighbors,
        KNeighbors = kNeighbors,
    });

    /// <summary>Rows to make per class, once the data is checked: numeric and complete, and every class to grow
    /// with more rows than <see cref="SmoteOptions.KNeighbors"/>.</summary>
    internal static IReadOnlyDictionary<int, int> Plan(Dataset data, int[] counts, SmoteOptions options,
        WholeTable? whole = null)
    {
        var strategy = options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "smote", whole: whole);
        foreach (var (c, n) in strategy)
            if (n > 0)
                DataChecks.RequireNeighbors(data, c, counts[c], options.KNeighbors, nameof(SmoteOptions.KNeighbors),
                    "smote");
        return strategy;
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Resample(data, data.ClassCounts(), null);
    }

    int[]? IClassLocalSampler.ClassesRead(ClassSet classes, int[] counts) =>
        _options.Strategy.GrownClasses(counts, classes);

    ResampleResult IClassLocalSampler.FitResample(Dataset part, WholeTable whole) =>
        Resample(part, whole.Counts, whole);

    private ResampleResult Resample(Dataset data, int[] counts, WholeTable? whole)
    {
        var strategy = Plan(data, counts, _options, whole);
        var k = _options.KNeighbors;
        var rng = new SeededRandom(_options.Seed);
        // The new rows are made again from their origins when asked for or written, not held beside the input.
        var added = new SyntheticRows(data, strategy.Values.Sum(), madeWhenWritten: true);
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var neighbors = _options.Neighbors.Build(data.Select(rows).Numeric, rows.Length, data.NumericCount)
                .QuerySelf(k, includeSelf: false);
            Interpolation.MakeRows(added, rng, c, rows, k, pair => rows[neighbors.Indices[pair]], n);
        }
        return added.ToResult();
    }
}
