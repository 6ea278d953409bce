using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Numerics;
using Imbalanced.Randomness;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// ADASYN, adaptive synthetic sampling (He, Bai, Garcia and Li, "ADASYN: Adaptive Synthetic Sampling Approach for
/// Imbalanced Learning", IJCNN 2008), as imbalanced-learn's <c>ADASYN</c>: each row of a class to over-sample is
/// weighted by the share of other-class rows among its n nearest neighbours in the whole data set; the rows to
/// make are shared out by weight, each share rounded half to even (so the total can differ slightly from the
/// strategy, as in imbalanced-learn); each new row interpolates, gap in [0, 1), towards one of its seed's n
/// nearest neighbours of the same class, drawn uniformly.
/// </summary>
/// <remarks>
/// Parameters: <see cref="SamplerOptions.Strategy"/>, <see cref="SamplerOptions.Seed"/>,
/// <see cref="AdasynOptions.NNeighbors"/>. A class none of whose rows has an other-class neighbour is an error
/// (every weight would be zero): use SMOTE there.
/// <code>
/// var result = new Adasyn(new() { NNeighbors = 5, Seed = 0 }).FitResample(data);
/// </code>
/// </remarks>
public sealed class Adasyn(AdasynOptions? options = null) : ISampler
{
    private readonly AdasynOptions _options = options ?? new();

    /// <summary>How many rows ADASYN makes from each row of class <paramref name="classCode"/> when asked for
    /// <paramref name="wanted"/>: imbalanced-learn's <c>np.rint(ratio · n)</c>.</summary>
    public static int[] RowsPerSeed(Dataset data, INeighborIndex all, int classCode, int[] rows, int k, int wanted)
    {
        var hard = DangerSets.OtherClassNeighbors(data, all, classCode, rows, k);
        var total = hard.Sum();
        if (total == 0)
            throw new DataException($"no row of class '{data.Classes[classCode]}' has a neighbour of another class " +
                $"among its {k} nearest, so ADASYN has no weights; use smote for this data");
        // The shares often land exactly on .5 in real arithmetic, so the last bit decides: sum as NumPy does.
        var ratio = hard.Select(h => (double)h / k).ToArray();
        var sum = NumPySum.Of(ratio);
        return ratio.Select(r => (int)Math.Round(r / sum * wanted, MidpointRounding.ToEven)).ToArray();
    }

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = data.ClassCounts();
        var strategy = _options.Strategy.Resolve(counts, data.Classes, SamplingType.OverSampling);
        DataChecks.RequireNumericComplete(data, "adasyn");
        int k = _options.NNeighbors, p = data.NumericCount;
        foreach (var (c, n) in strategy)
            if (n > 0) DataChecks.RequireNeighbors(data, c, counts[c], k, nameof(AdasynOptions.NNeighbors), "adasyn");
        var rng = new SeededRandom(_options.Seed);
        var all = _options.Neighbors.Build(data.Numeric, data.RowCount, p);
        var plan = new List<(int Class, int[] Rows, int[] PerSeed, KNeighbors Same)>();
        foreach (var (c, n) in strategy)
        {
            if (n == 0) continue;
            var rows = data.RowsOfClass(c);
            var perSeed = RowsPerSeed(data, all, c, rows, k, n);
            if (perSeed.Sum() == 0 && _options.KeepUnmadeClass) continue;
            if (perSeed.Sum() == 0)
                throw new DataException($"ADASYN would make no rows for class '{data.Classes[c]}' ({n} asked, " +
                    "rounded to 0); ask for more rows");
            var classPoints = data.Select(rows).Numeric;
            plan.Add((c, rows, perSeed,
                _options.Neighbors.Build(classPoints, rows.Length, p).QuerySelf(k, includeSelf: false)));
        }
        var added = new SyntheticRows(data, plan.Sum(s => s.PerSeed.Sum()));
        foreach (var (c, rows, perSeed, same) in plan)
            for (var i = 0; i < rows.Length; i++)
                for (var s = 0; s < perSeed[i]; s++)
                {
                    var neighbor = rows[same.IndicesOf(i)[rng.NextInt(k)]];
                    var gap = rng.NextDouble();
                    var row = added.Add(c, new RowOrigin(true, -1, rows[i], neighbor, gap));
                    Interpolation.Write(data.NumericRow(rows[i]), data.NumericRow(neighbor), gap, row.Numeric);
                }
        return added.ToResult();
    }
}
