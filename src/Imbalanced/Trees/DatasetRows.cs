using Imbalanced.Data;

namespace Imbalanced.Trees;

/// <summary>The rows of a <see cref="Dataset"/> as a tree reads them: its numeric features, in place.</summary>
internal readonly struct DatasetRows(Dataset data) : ITreeRows
{
    private readonly double[] _numeric = data.Numeric;
    private readonly int[] _labels = data.Labels;

    /// <inheritdoc />
    public int RowCount => _labels.Length;

    /// <inheritdoc />
    public int FeatureCount { get; } = data.NumericCount;

    /// <inheritdoc />
    public int ClassCount { get; } = data.Classes.Count;

    /// <inheritdoc />
    public int Label(int row) => _labels[row];

    /// <inheritdoc />
    public ReadOnlySpan<double> Row(int row, Span<double> scratch) =>
        _numeric.AsSpan(row * FeatureCount, FeatureCount);
}
