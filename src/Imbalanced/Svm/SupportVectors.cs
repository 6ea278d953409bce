using Imbalanced.Data;

namespace Imbalanced.Svm;

/// <summary>
/// The support vectors of an RBF-kernel C-support-vector classifier of one class against the rest, as
/// scikit-learn's <c>SVC(C=1, gamma='scale', tol=1e-3)</c> finds them: rows are handed to the solver grouped by
/// label in sorted order (the rest, label 0, first as +1; the class, label 1, then as −1), as scikit-learn's
/// LIBSVM does, so that ties in working-set selection fall the same way.
/// </summary>
internal static class SupportVectors
{
    /// <summary>Rows of <paramref name="data"/> that are support vectors of
    /// class <paramref name="classCode"/> against the rest, ascending, found on <paramref name="threads"/> threads
    /// (the same whatever their number), read in place (no copy of the rows), and whether the solver met its
    /// tolerance within <paramref name="maxIterations"/> (null: LIBSVM's own limit).</summary>
    public static (int[] Rows, bool Converged) OneVersusRest(Dataset data, int classCode, double c = 1.0,
        double eps = 1e-3, int threads = 1, long? maxIterations = null)
    {
        var order = Enumerable.Range(0, data.RowCount).Where(i => data.Labels[i] != classCode)
            .Concat(Enumerable.Range(0, data.RowCount).Where(i => data.Labels[i] == classCode)).ToArray();
        var y = order.Select(i => data.Labels[i] == classCode ? -1 : 1).ToArray();
        var kernel = new RbfKernel(data.Numeric, order, data.NumericCount);
        var solver = new SmoSolver((i, j) => kernel[i, j], y, threads: threads);
        var alpha = solver.Solve(c, eps, maxIterations);
        return (order.Where((_, i) => alpha[i] > 0).Order().ToArray(), solver.Converged);
    }
}
