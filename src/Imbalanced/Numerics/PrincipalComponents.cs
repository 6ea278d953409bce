namespace Imbalanced.Numerics;

/// <summary>
/// Principal component analysis of standardised columns (each centred and divided by its population standard
/// deviation, as scikit-learn's <c>StandardScaler</c>; a constant column is only centred), for projecting data to a
/// few dimensions: the leading eigenvectors of the covariance matrix by power iteration with deflation.
/// </summary>
public static class PrincipalComponents
{
    private const int Iterations = 200;

    /// <summary>The scores (projections) of the rows on the first <paramref name="count"/> principal
    /// components.</summary>
    /// <param name="matrix">Row-major values, <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <param name="rows">Rows of the matrix.</param>
    /// <param name="columns">Columns of the matrix.</param>
    /// <param name="count">Components wanted; those beyond <paramref name="columns"/> score 0.</param>
    /// <returns>Row-major scores, <paramref name="rows"/> × <paramref name="count"/>. The sign of a component is
    /// arbitrary (fixed by the iteration's start, so the same data give the same signs).</returns>
    public static double[] Scores(ReadOnlySpan<double> matrix, int rows, int columns, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (matrix.Length != rows * columns)
            throw new ArgumentException($"the matrix holds {matrix.Length} values, not {rows} × {columns}",
                nameof(matrix));
        var z = Standardised(matrix, rows, columns);
        var components = Components(Covariance(z, rows, columns), columns, Math.Min(count, columns));
        var scores = new double[rows * count];
        for (var i = 0; i < rows; i++)
            for (var c = 0; c < components.Count; c++)
            {
                var sum = 0.0;
                for (var j = 0; j < columns; j++) sum += z[i * columns + j] * components[c][j];
                scores[i * count + c] = sum;
            }
        return scores;
    }

    private static double[] Standardised(ReadOnlySpan<double> matrix, int n, int d)
    {
        var mean = new double[d];
        var sd = new double[d];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < n; i++) mean[j] += matrix[i * d + j];
            mean[j] /= n;
            for (var i = 0; i < n; i++) sd[j] += Math.Pow(matrix[i * d + j] - mean[j], 2);
            sd[j] = Math.Sqrt(sd[j] / n) is var s && s > 0 ? s : 1;
        }
        var z = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++) z[i * d + j] = (matrix[i * d + j] - mean[j]) / sd[j];
        return z;
    }

    private static double[] Covariance(double[] z, int n, int d)
    {
        var cov = new double[d * d];
        for (var i = 0; i < n; i++)
            for (var a = 0; a < d; a++)
                for (var b = 0; b < d; b++) cov[a * d + b] += z[i * d + a] * z[i * d + b] / n;
        return cov;
    }

    private static List<double[]> Components(double[] cov, int d, int count)
    {
        var components = new List<double[]>();
        for (var c = 0; c < count; c++)
        {
            var v = Enumerable.Range(0, d).Select(j => 1.0 + j * 0.01).ToArray();
            for (var it = 0; it < Iterations; it++)
            {
                var w = new double[d];
                for (var a = 0; a < d; a++)
                    for (var b = 0; b < d; b++) w[a] += cov[a * d + b] * v[b];
                foreach (var u in components)
                {
                    var dot = w.Zip(u, (p, q) => p * q).Sum();
                    for (var a = 0; a < d; a++) w[a] -= dot * u[a];
                }
                var norm = Math.Sqrt(w.Sum(t => t * t));
                if (norm == 0) break;
                v = w.Select(t => t / norm).ToArray();
            }
            components.Add(v);
        }
        return components;
    }
}
