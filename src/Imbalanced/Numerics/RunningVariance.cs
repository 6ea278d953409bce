namespace Imbalanced.Numerics;

/// <summary>Each column's sum of squared deviations from its mean over the rows added so far, updated one row at a
/// time (Welford's method), so that a pass made for another reason can gather it.</summary>
internal sealed class RunningVariance(int columns)
{
    private readonly double[] _mean = new double[columns];
    private readonly double[] _squares = new double[columns];
    private long _rows;

    /// <summary>Adds one row of <c>columns</c> values.</summary>
    public void Add(ReadOnlySpan<double> row)
    {
        _rows++;
        for (var c = 0; c < _squares.Length; c++)
        {
            var delta = row[c] - _mean[c];
            _mean[c] += delta / _rows;
            _squares[c] += delta * (row[c] - _mean[c]);
        }
    }

    /// <summary>Each column's sum of squared deviations (its variance times the rows), a copy.</summary>
    public double[] SumsOfSquares() => (double[])_squares.Clone();
}
