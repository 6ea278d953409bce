using Imbalanced.Data;

namespace Imbalanced.Sampling.Regression;

/// <summary>
/// A resampled regression data set with provenance: the input rows kept (in input order), then the rows added, by
/// bin in ascending target order, each with its target. <see cref="Rows"/> holds the rows as a classification result
/// does (kept rows, added features and the origin of each: base, neighbour and gap of an interpolated row, the base
/// alone for a noise row), so provenance and writers are shared with classification.
/// </summary>
public sealed class RegressionResampleResult
{
    private RegressionDataset? _materialized;

    /// <summary>Creates a result.</summary>
    /// <param name="input">The data set that was resampled.</param>
    /// <param name="rows">Kept rows, added features and origins (over <c>input.Features</c>).</param>
    /// <param name="addedTarget">The target of each added row.</param>
    /// <param name="bins">The input's bins under the relevance function and threshold used.</param>
    /// <param name="relevance">The relevance function used.</param>
    /// <exception cref="DataException">A synthetic target overflowed.</exception>
    public RegressionResampleResult(RegressionDataset input, ResampleResult rows, double[] addedTarget,
        RelevanceBins bins, RelevanceFunction relevance)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(addedTarget);
        if (addedTarget.Length != rows.SyntheticCount)
            throw new ArgumentException("one target value per added row is needed", nameof(addedTarget));
        foreach (var v in addedTarget)
            if (!double.IsFinite(v))
                throw new DataException($"the target '{input.TargetName}': its values are too large for this method " +
                    $"(a synthetic value overflowed to {v}); rescale it, for example to other units");
        Input = input;
        Rows = rows;
        AddedTarget = addedTarget;
        Bins = bins;
        Relevance = relevance;
    }

    /// <summary>The input data set.</summary>
    public RegressionDataset Input { get; }

    /// <summary>Kept rows, added features and the origin of every row.</summary>
    public ResampleResult Rows { get; }

    /// <summary>The target of each added row (the library's own array).</summary>
    internal double[] AddedTarget { get; }

    /// <summary>The target of each added row, read-only.</summary>
    public ReadOnlyMemory<double> AddedTargetValues => AddedTarget;

    /// <summary>The input's bins (rare and common target ranges).</summary>
    public RelevanceBins Bins { get; }

    /// <summary>The relevance function that decided rarity.</summary>
    public RelevanceFunction Relevance { get; }

    /// <summary>Number of output rows.</summary>
    public int RowCount => Rows.RowCount;

    /// <summary>Number of rows added.</summary>
    public int SyntheticCount => Rows.SyntheticCount;

    /// <summary>Number of input rows not kept.</summary>
    public int RemovedCount => Rows.RemovedCount;

    /// <summary>The target of output row <paramref name="row"/>.</summary>
    public double TargetOf(int row) => row < Rows.KeptRows.Length
        ? Input.Target[Rows.KeptRows[row]]
        : AddedTarget[row - Rows.KeptRows.Length];

    /// <summary>Output rows whose relevance is at least the threshold.</summary>
    public int RareCount()
    {
        var rare = 0;
        for (var r = 0; r < RowCount; r++) if (Relevance.Of(TargetOf(r)) >= Bins.Threshold) rare++;
        return rare;
    }

    /// <summary>The resampled data set (built on first use).</summary>
    public RegressionDataset ToDataset()
    {
        if (_materialized is not null) return _materialized;
        var target = new double[RowCount];
        for (var r = 0; r < target.Length; r++) target[r] = TargetOf(r);
        return _materialized = new RegressionDataset(Rows.ToDataset(), target, Input.TargetName);
    }
}
