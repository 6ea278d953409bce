namespace Imbalanced.Sampling.OverSampling;

/// <summary>Least-squares polynomials of one variable, fitted by Householder QR (no normal equations, so the fit
/// stays accurate for the moderate degrees polynomial-fit SMOTE uses).</summary>
internal static class PolynomialFit
{
    /// <summary>Coefficients, row-major <c>(degree + 1) × outputs</c> (lowest power first), of the polynomials of
    /// degree <paramref name="degree"/> that fit each column of <paramref name="values"/> (row-major
    /// <c>x.Length × outputs</c>) against <paramref name="x"/> in the least-squares sense. Needs
    /// <c>x.Length &gt; degree</c> and distinct abscissae.</summary>
    public static double[] Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> values, int outputs, int degree)
    {
        int m = x.Length, q = degree + 1;
        var a = new double[m * q];
        for (var i = 0; i < m; i++)
        {
            var power = 1.0;
            for (var k = 0; k < q; k++, power *= x[i]) a[i * q + k] = power;
        }
        var b = values.ToArray();
        var v = new double[m];
        for (var k = 0; k < q; k++)
        {
            // The reflection that zeroes column k below the diagonal, applied to A and to every column of B.
            var norm = 0.0;
            for (var i = k; i < m; i++) norm = double.Hypot(norm, a[i * q + k]);
            if (norm == 0) continue;
            var alpha = a[k * q + k] > 0 ? -norm : norm;
            for (var i = k; i < m; i++) v[i] = a[i * q + k];
            v[k] -= alpha;
            var vv = 0.0;
            for (var i = k; i < m; i++) vv += v[i] * v[i];
            if (vv == 0) continue;
            for (var col = k; col < q; col++) Reflect(a, q, col, v, k, m, vv);
            for (var col = 0; col < outputs; col++) Reflect(b, outputs, col, v, k, m, vv);
        }
        // Back substitution R · c = Qᵀ b, for each output.
        var c = new double[q * outputs];
        for (var col = 0; col < outputs; col++)
            for (var k = q - 1; k >= 0; k--)
            {
                var s = b[k * outputs + col];
                for (var l = k + 1; l < q; l++) s -= a[k * q + l] * c[l * outputs + col];
                c[k * outputs + col] = a[k * q + k] == 0 ? 0 : s / a[k * q + k];
            }
        return c;
    }

    /// <summary>Writes each output's polynomial at <paramref name="x"/> into <paramref name="destination"/>.</summary>
    public static void Evaluate(ReadOnlySpan<double> coefficients, int outputs, double x, Span<double> destination)
    {
        var q = coefficients.Length / outputs;
        for (var col = 0; col < outputs; col++)
        {
            var s = 0.0;
            for (var k = q - 1; k >= 0; k--) s = s * x + coefficients[k * outputs + col];
            destination[col] = s;
        }
    }

    private static void Reflect(double[] matrix, int width, int col, double[] v, int k, int m, double vv)
    {
        var dot = 0.0;
        for (var i = k; i < m; i++) dot += v[i] * matrix[i * width + col];
        var f = 2 * dot / vv;
        for (var i = k; i < m; i++) matrix[i * width + col] -= f * v[i];
    }
}
