using Imbalanced.Data;

namespace Imbalanced.Sampling;

/// <summary>Collects the rows an over-sampler adds, with their origins, and turns them into a
/// <see cref="ResampleResult"/> that keeps every input row.</summary>
internal sealed class SyntheticRows
{
    private readonly Dataset _input;
    private readonly bool _madeWhenWritten;
    private readonly double[] _numeric;
    private readonly int[] _categorical;
    private readonly int[] _labels;
    private readonly RowOrigin[] _origins;
    private int _count;

    /// <summary>Room for <paramref name="capacity"/> rows with the columns of <paramref name="input"/>.</summary>
    /// <param name="input">The data set grown.</param>
    /// <param name="capacity">The rows to be added.</param>
    /// <param name="madeWhenWritten">Keep only each row's class and origin, every row being added by
    /// <see cref="AddInterpolated"/>: the result makes the rows when asked for or written
    /// (<see cref="ResampleResult.Interpolated"/>). Numeric data only.</param>
    public SyntheticRows(Dataset input, int capacity, bool madeWhenWritten = false)
    {
        _input = input;
        _madeWhenWritten = madeWhenWritten;
        if ((long)capacity * Math.Max(input.NumericCount, input.CategoricalCount) > Array.MaxLength)
            throw new DataException(
                $"{capacity} new rows × {Math.Max(input.NumericCount, input.CategoricalCount)} features are more " +
                $"values than one table can hold ({Array.MaxLength}); ask for fewer rows");
        _numeric = madeWhenWritten ? [] : new double[capacity * input.NumericCount];
        _categorical = madeWhenWritten ? [] : new int[capacity * input.CategoricalCount];
        _labels = new int[capacity];
        _origins = new RowOrigin[capacity];
    }

    /// <summary>Adds a row of class <paramref name="label"/> that interpolates <paramref name="origin"/>'s base row
    /// towards its neighbour row at its gap (<see cref="OverSampling.Interpolation.Write"/>).</summary>
    public void AddInterpolated(int label, RowOrigin origin)
    {
        if (!_madeWhenWritten)
        {
            var row = Add(label, origin);
            OverSampling.Interpolation.Write(_input.NumericRow(origin.Base), _input.NumericRow(origin.Neighbor),
                origin.Gap, row.Numeric);
            return;
        }
        var i = _count++;
        _labels[i] = label;
        _origins[i] = origin;
    }

    /// <summary>Adds a row of class <paramref name="label"/>; fill its values through the returned spans.</summary>
    public Row Add(int label, RowOrigin origin)
    {
        if (_madeWhenWritten) throw new InvalidOperationException("rows made when written are added by origin only");
        var i = _count++;
        _labels[i] = label;
        _origins[i] = origin;
        return new Row(_numeric.AsSpan(i * _input.NumericCount, _input.NumericCount),
            _categorical.AsSpan(i * _input.CategoricalCount, _input.CategoricalCount));
    }

    /// <summary>The values of one added row, to fill in.</summary>
    public readonly ref struct Row(Span<double> numeric, Span<int> categorical)
    {
        /// <summary>Numeric features.</summary>
        public Span<double> Numeric { get; } = numeric;

        /// <summary>Category codes.</summary>
        public Span<int> Categorical { get; } = categorical;
    }

    /// <summary>The result: every input row, then the added rows, with the sampler's
    /// <paramref name="warnings"/>.</summary>
    public ResampleResult ToResult(IReadOnlyList<string>? warnings = null)
    {
        if (_count != _labels.Length)
            throw new InvalidOperationException($"{_count} rows added, {_labels.Length} expected");
        if (_madeWhenWritten) return ResampleResult.Interpolated(_input, _labels, _origins, warnings ?? []);
        return ResampleResult.KeepAllAndAdd(_input, _input.WithRows(_numeric, _categorical, _labels), _origins,
            warnings ?? []);
    }
}
