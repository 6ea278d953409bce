namespace Imbalanced.Trees;

/// <summary>
/// The rows a tree is grown on and classifies: numeric features read one row at a time, and class codes. A
/// <see cref="Data.Dataset"/> is one (<see cref="DatasetRows"/>); so is the output of a resampling whose new rows
/// are made from their origins when read (<see cref="Sampling.ResultRows"/>), which lets a filter grow trees on
/// millions of over-sampled rows without holding them.
/// </summary>
internal interface ITreeRows
{
    /// <summary>Number of rows.</summary>
    int RowCount { get; }

    /// <summary>Numeric features per row.</summary>
    int FeatureCount { get; }

    /// <summary>Number of classes; codes are 0 … ClassCount − 1.</summary>
    int ClassCount { get; }

    /// <summary>The class code of row <paramref name="row"/>.</summary>
    int Label(int row);

    /// <summary>The features of row <paramref name="row"/>: in place, or made in <paramref name="scratch"/> (as long
    /// as a row).</summary>
    ReadOnlySpan<double> Row(int row, Span<double> scratch);
}
