namespace Imbalanced.Data;

/// <summary>
/// A data set with a numeric target, for imbalanced regression: the features as a <see cref="Dataset"/> (its
/// class labels are not used) and one target value per row.
/// </summary>
/// <remarks>Instances are treated as immutable: samplers never change the arrays they are given.</remarks>
/// <example>
/// <code>
/// var data = new RegressionDataset(Dataset.FromRows(rows, new int[rows.Length]), target);
/// var result = new Smoter(new() { Seed = 0 }).FitResample(data);
/// </code>
/// </example>
public sealed class RegressionDataset
{
    /// <summary>Creates a regression data set (arrays are used as they are, not copied).</summary>
    /// <param name="features">The features; its labels are not used.</param>
    /// <param name="target">One finite target value per row.</param>
    /// <param name="targetName">The target's name, for messages.</param>
    /// <exception cref="DataException">A target value is missing or not finite.</exception>
    public RegressionDataset(Dataset features, double[] target, string targetName = "target")
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Length != features.RowCount)
            throw new ArgumentException($"{target.Length} target values for {features.RowCount} rows",
                nameof(target));
        for (var i = 0; i < target.Length; i++)
            if (!double.IsFinite(target[i]))
                throw new DataException($"the target '{targetName}' of row {i} is {target[i]}; every row needs a " +
                    "finite number");
        Features = features;
        Target = target;
        TargetName = targetName;
    }

    /// <summary>The features (numeric and categorical); their class labels are not used.</summary>
    public Dataset Features { get; }

    /// <summary>The target of every row (the library's own array); callers see <see cref="TargetValues"/>.</summary>
    internal double[] Target { get; }

    /// <summary>The target of every row, read-only.</summary>
    public ReadOnlyMemory<double> TargetValues => Target;

    /// <summary>The target's name.</summary>
    public string TargetName { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Target.Length;

    /// <summary>Builds a numeric regression data set from jagged rows and a target.</summary>
    /// <param name="rows">Rows × features.</param>
    /// <param name="target">One target value per row.</param>
    /// <param name="featureNames">Optional names; <c>f0 … f{d-1}</c> by default.</param>
    public static RegressionDataset FromRows(double[][] rows, double[] target,
        IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new RegressionDataset(Dataset.FromRows(rows, new int[rows.Length], featureNames), target);
    }
}
