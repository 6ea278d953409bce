namespace Imbalanced.Svm;

/// <summary>
/// The dual of the C-support-vector classifier, <c>min ½ αᵀQα − eᵀα</c> subject to <c>yᵀα = 0</c>,
/// <c>0 ≤ α ≤ C</c>, with <c>Q_ij = y_i y_j K(x_i, x_j)</c>, solved by sequential minimal optimisation as LIBSVM
/// does it (Fan, Chen and Lin, "Working Set Selection Using Second Order Information for Training Support Vector
/// Machines", JMLR 6, 2005; Chang and Lin, LIBSVM, 2011): second-order working-set selection, the same update
/// and clipping, the same stopping rule (maximal violation below <c>eps</c>), Q rows held in single precision as
/// LIBSVM's cache holds them. LIBSVM's shrinking heuristic is left out: it only saves time.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private readonly Func<int, int, double> _kernel;
    private readonly int[] _y;
    private readonly int _n;
    private readonly Dictionary<int, LinkedListNode<(int Row, float[] Values)>> _cache = [];
    private readonly LinkedList<(int Row, float[] Values)> _lru = new();
    private readonly int _cacheRows;
    private readonly ParallelOptions _parallel;

    /// <summary>Entries of a Q row or of the gradient a thread takes at a time.</summary>
    private const int Part = 8192;

    /// <summary>A solver for labels <paramref name="y"/> (each +1 or −1) and kernel
    /// <paramref name="kernel"/>.</summary>
    /// <param name="kernel">K(i, j) for training rows i and j.</param>
    /// <param name="y">+1 or −1 per training row.</param>
    /// <param name="cacheMegabytes">Memory for cached rows of Q (LIBSVM's <c>cache_size</c>, 200).</param>
    /// <param name="threads">Threads that compute a row of Q and update the gradient; each entry is computed alone,
    /// so α does not depend on them. <paramref name="kernel"/> is then called from several threads at once.</param>
    public SmoSolver(Func<int, int, double> kernel, int[] y, int cacheMegabytes = 200, int threads = 1)
    {
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        _kernel = kernel;
        _y = y;
        _n = y.Length;
        _cacheRows = Math.Max(2, (int)Math.Min(int.MaxValue, cacheMegabytes * 1024L * 1024 / Math.Max(1, 4L * _n)));
    }

    /// <summary>Whether the last <see cref="Solve"/> met its tolerance (false: it stopped at its iteration limit,
    /// where LIBSVM warns "reaching max number of iterations").</summary>
    public bool Converged { get; private set; }

    /// <summary>Solves for α with box constraint <paramref name="c"/> and tolerance <paramref name="eps"/>.</summary>
    /// <returns>α, one per training row; the support vectors are the rows with α &gt; 0.</returns>
    public double[] Solve(double c = 1.0, double eps = 1e-3, long? maxIterations = null)
    {
        var n = _n;
        var alpha = new double[n];
        var g = new double[n];
        var qd = new double[n];
        for (var i = 0; i < n; i++)
        {
            g[i] = -1;
            qd[i] = _kernel(i, i);
        }
        var limit = maxIterations ?? Math.Max(10_000_000L, n > int.MaxValue / 100 ? int.MaxValue : 100L * n);
        Converged = false;
        for (long iteration = 0; iteration < limit; iteration++)
        {
            if (!SelectWorkingSet(alpha, g, qd, c, eps, out var i, out var j)) { Converged = true; break; }
            var qi = Row(i);
            var qj = Row(j);
            double oldI = alpha[i], oldJ = alpha[j];
            if (_y[i] != _y[j])
            {
                var quad = qd[i] + qd[j] + 2 * qi[j];
                if (quad <= 0) quad = Tau;
                var delta = (-g[i] - g[j]) / quad;
                var diff = alpha[i] - alpha[j];
                alpha[i] += delta;
                alpha[j] += delta;
                if (diff > 0)
                {
                    if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = diff; }
                }
                else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = -diff; }
                if (diff > 0)
                {
                    if (alpha[i] > c) { alpha[i] = c; alpha[j] = c - diff; }
                }
                else if (alpha[j] > c) { alpha[j] = c; alpha[i] = c + diff; }
            }
            else
            {
                var quad = qd[i] + qd[j] - 2 * qi[j];
                if (quad <= 0) quad = Tau;
                var delta = (g[i] - g[j]) / quad;
                var sum = alpha[i] + alpha[j];
                alpha[i] -= delta;
                alpha[j] += delta;
                if (sum > c)
                {
                    if (alpha[i] > c) { alpha[i] = c; alpha[j] = sum - c; }
                }
                else if (alpha[j] < 0) { alpha[j] = 0; alpha[i] = sum; }
                if (sum > c)
                {
                    if (alpha[j] > c) { alpha[j] = c; alpha[i] = sum - c; }
                }
                else if (alpha[i] < 0) { alpha[i] = 0; alpha[j] = sum; }
            }
            double di = alpha[i] - oldI, dj = alpha[j] - oldJ;
            Parts(n, (from, to) =>
            {
                for (var k = from; k < to; k++) g[k] += qi[k] * di + qj[k] * dj;
            });
        }
        return alpha;
    }

    /// <summary>LIBSVM's second-order working-set selection. Each scan runs in parts on the solver's threads; a part
    /// keeps the last entry that ties its best, and the parts are then met in order with the same rule, so the pair
    /// chosen is the one scanning in order chooses.</summary>
    private bool SelectWorkingSet(double[] alpha, double[] g, double[] qd, double c, double eps,
        out int outI, out int outJ)
    {
        var parts = (_n + Part - 1) / Part;
        var up = new (double Value, int Index)[parts];
        Parts(_n, (from, to) =>
        {
            var (gmax, gmaxIdx) = (double.NegativeInfinity, -1);
            for (var t = from; t < to; t++)
            {
                if (_y[t] == 1)
                {
                    if (alpha[t] < c && -g[t] >= gmax) { gmax = -g[t]; gmaxIdx = t; }
                }
                else if (alpha[t] > 0 && g[t] >= gmax) { gmax = g[t]; gmaxIdx = t; }
            }
            up[from / Part] = (gmax, gmaxIdx);
        });
        var (gmaxAll, i) = (double.NegativeInfinity, -1);
        foreach (var (value, index) in up)
            if (index >= 0 && value >= gmaxAll) (gmaxAll, i) = (value, index);
        var qi = i >= 0 ? Row(i) : null;
        var down = new (double Gmax2, double ObjDiff, int Index)[parts];
        Parts(_n, (from, to) =>
        {
            var (gmax2, gminIdx, objDiffMin) = (double.NegativeInfinity, -1, double.PositiveInfinity);
            for (var j = from; j < to; j++)
            {
                if (_y[j] == 1)
                {
                    if (alpha[j] > 0)
                    {
                        var gradDiff = gmaxAll + g[j];
                        if (g[j] >= gmax2) gmax2 = g[j];
                        if (gradDiff > 0)
                        {
                            var quad = qd[i] + qd[j] - 2.0 * _y[i] * qi![j];
                            var objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                            if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                        }
                    }
                }
                else if (alpha[j] < c)
                {
                    var gradDiff = gmaxAll - g[j];
                    if (-g[j] >= gmax2) gmax2 = -g[j];
                    if (gradDiff > 0)
                    {
                        var quad = qd[i] + qd[j] + 2.0 * _y[i] * qi![j];
                        var objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                        if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                    }
                }
            }
            down[from / Part] = (gmax2, objDiffMin, gminIdx);
        });
        var (gmax2All, objDiffMinAll, gmin) = (double.NegativeInfinity, double.PositiveInfinity, -1);
        foreach (var (gmax2, objDiff, index) in down)
        {
            if (gmax2 >= gmax2All) gmax2All = gmax2;
            if (index >= 0 && objDiff <= objDiffMinAll) (objDiffMinAll, gmin) = (objDiff, index);
        }
        outI = i;
        outJ = gmin;
        return !(gmaxAll + gmax2All < eps || gmin == -1);
    }

    /// <summary>Row i of Q in single precision, from an LRU cache.</summary>
    private float[] Row(int i)
    {
        if (_cache.TryGetValue(i, out var node))
        {
            _lru.Remove(node);
            _lru.AddFirst(node);
            return node.Value.Values;
        }
        float[] values;
        if (_cache.Count >= _cacheRows)
        {
            var last = _lru.Last!;
            _lru.RemoveLast();
            _cache.Remove(last.Value.Row);
            values = last.Value.Values;
        }
        else values = new float[_n];
        Parts(_n, (from, to) =>
        {
            for (var j = from; j < to; j++) values[j] = (float)(_y[i] * _y[j] * _kernel(i, j));
        });
        _cache[i] = _lru.AddFirst((i, values));
        return values;
    }

    /// <summary>Runs <paramref name="body"/> over 0 … <paramref name="count"/> − 1 in ranges of <see cref="Part"/>
    /// (in order on one thread, else on the solver's threads).</summary>
    private void Parts(int count, Action<int, int> body)
    {
        if (count <= Part || _parallel.MaxDegreeOfParallelism == 1)
        {
            for (var from = 0; from < count; from += Part) body(from, Math.Min(count, from + Part));
            return;
        }
        Parallel.For(0, (count + Part - 1) / Part, _parallel,
            part => body(part * Part, Math.Min(count, (part + 1) * Part)));
    }
}
