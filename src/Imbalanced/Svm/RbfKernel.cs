namespace Imbalanced.Svm;

/// <summary>
/// The RBF kernel <c>K(x, z) = exp(−γ ‖x − z‖²)</c>, computed as
/// LIBSVM does (<c>exp(−γ (‖x‖² + ‖z‖² − 2 x·z))</c>, in
/// double), with <c>γ = 'scale'</c> = 1 / (features · Var(X)) by default.
/// </summary>
internal sealed class RbfKernel
{
    private readonly double[] _points;
    private readonly double[] _squares;
    private readonly int _dims;

    /// <summary>The kernel over <paramref name="count"/> points stored row-major.</summary>
    public RbfKernel(double[] points, int count, int dimensions, double? gamma = null)
    {
        _points = points;
        _dims = dimensions;
        _squares = new double[count];
        for (var i = 0; i < count; i++) _squares[i] = Dot(i, i);
        Gamma = gamma ?? ScaleGamma(points, count, dimensions);
    }

    /// <summary>γ in use.</summary>
    public double Gamma { get; }

    /// <summary>scikit-learn's <c>gamma='scale'</c>: 1 / (features ·
    /// variance of all entries of X); 1 when that variance is 0.</summary>
    public static double ScaleGamma(double[] points, int count, int dimensions)
    {
        var n = (double)count * dimensions;
        var mean = 0.0;
        for (var i = 0; i < count * dimensions; i++) mean += points[i];
        mean /= n;
        var variance = 0.0;
        for (var i = 0; i < count * dimensions; i++) variance += (points[i] - mean) * (points[i] - mean);
        variance /= n;
        return variance > 0 ? 1.0 / (dimensions * variance) : 1.0;
    }

    /// <summary>K(x_i, x_j).</summary>
    public double this[int i, int j] => Math.Exp(-Gamma * (_squares[i] + _squares[j] - 2 * Dot(i, j)));

    private double Dot(int i, int j)
    {
        var sum = 0.0;
        for (var f = 0; f < _dims; f++) sum += _points[i * _dims + f] * _points[j * _dims + f];
        return sum;
    }
}
