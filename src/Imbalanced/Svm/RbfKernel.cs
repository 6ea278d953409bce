namespace Imbalanced.Svm;

/// <summary>
/// The RBF kernel <c>K(x, z) = exp(−γ ‖x − z‖²)</c>, computed as
/// LIBSVM does (<c>exp(−γ (‖x‖² + ‖z‖² − 2 x·z))</c>, in
/// double), with <c>γ = 'scale'</c> = 1 / (features · Var(X)) by default.
/// </summary>
internal sealed class RbfKernel
{
    private readonly double[] _points;
    private readonly int[] _rows;
    private readonly double[] _squares;
    private readonly int _dims;

    /// <summary>The kernel over rows <paramref name="rows"/> of the row-major <paramref name="points"/>, read in
    /// place (point <c>i</c> is row <c>rows[i]</c>): the same kernel as over a copy of those rows, without the
    /// copy (svm-smote on 2,000,000 rows: 320 MB).</summary>
    public RbfKernel(double[] points, int[] rows, int dimensions, double? gamma = null)
    {
        _points = points;
        _rows = rows;
        _dims = dimensions;
        _squares = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) _squares[i] = Dot(i, i);
        Gamma = gamma ?? ScaleGamma(points, rows, dimensions);
    }

    /// <summary>γ in use.</summary>
    public double Gamma { get; }

    /// <summary>scikit-learn's <c>gamma='scale'</c> of rows <paramref name="rows"/>: 1 / (features · variance of all
    /// their entries), summed in their order (as over a copy of them); 1 when that variance is 0.</summary>
    private static double ScaleGamma(double[] points, int[] rows, int dimensions)
    {
        var n = (double)rows.Length * dimensions;
        var mean = 0.0;
        foreach (var r in rows)
            for (var f = 0; f < dimensions; f++) mean += points[r * dimensions + f];
        mean /= n;
        var variance = 0.0;
        foreach (var r in rows)
            for (var f = 0; f < dimensions; f++)
                variance += (points[r * dimensions + f] - mean) * (points[r * dimensions + f] - mean);
        variance /= n;
        return variance > 0 ? 1.0 / (dimensions * variance) : 1.0;
    }

    /// <summary>K(x_i, x_j).</summary>
    public double this[int i, int j] => Math.Exp(-Gamma * (_squares[i] + _squares[j] - 2 * Dot(i, j)));

    private double Dot(int i, int j)
    {
        var sum = 0.0;
        int a = _rows[i] * _dims, b = _rows[j] * _dims;
        for (var f = 0; f < _dims; f++) sum += _points[a + f] * _points[b + f];
        return sum;
    }
}
