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

    /// <summary>A solver for labels <paramref name="y"/> (each +1 or −1) and kernel
    /// <paramref name="kernel"/>.</summary>
    /// <param name="kernel">K(i, j) for training rows i and j.</param>
    /// <param name="y">+1 or −1 per training row.</param>
    /// <param name="cacheMegabytes">Memory for cached rows of Q (LIBSVM's <c>cache_size</c>, 200).</param>
    public SmoSolver(Func<int, int, double> kernel, int[] y, int cacheMegabytes = 200)
    {
        _kernel = kernel;
        _y = y;
        _n = y.Length;
        _cacheRows = Math.Max(2, (int)Math.Min(int.MaxValue, cacheMegabytes * 1024L * 1024 / Math.Max(1, 4L * _n)));
    }

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
        for (long iteration = 0; iteration < limit; iteration++)
        {
            if (!SelectWorkingSet(alpha, g, qd, c, eps, out var i, out var j)) break;
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
            for (var k = 0; k < n; k++) g[k] += qi[k] * di + qj[k] * dj;
        }
        return alpha;
    }

    private bool SelectWorkingSet(double[] alpha, double[] g, double[] qd, double c, double eps,
        out int outI, out int outJ)
    {
        var gmax = double.NegativeInfinity;
        var gmax2 = double.NegativeInfinity;
        var gmaxIdx = -1;
        var gminIdx = -1;
        var objDiffMin = double.PositiveInfinity;
        for (var t = 0; t < _n; t++)
        {
            if (_y[t] == 1)
            {
                if (alpha[t] < c && -g[t] >= gmax) { gmax = -g[t]; gmaxIdx = t; }
            }
            else if (alpha[t] > 0 && g[t] >= gmax) { gmax = g[t]; gmaxIdx = t; }
        }
        var i = gmaxIdx;
        var qi = i >= 0 ? Row(i) : null;
        for (var j = 0; j < _n; j++)
        {
            if (_y[j] == 1)
            {
                if (alpha[j] > 0)
                {
                    var gradDiff = gmax + g[j];
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
                var gradDiff = gmax - g[j];
                if (-g[j] >= gmax2) gmax2 = -g[j];
                if (gradDiff > 0)
                {
                    var quad = qd[i] + qd[j] + 2.0 * _y[i] * qi![j];
                    var objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                    if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                }
            }
        }
        outI = i;
        outJ = gminIdx;
        return !(gmax + gmax2 < eps || gminIdx == -1);
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
        for (var j = 0; j < _n; j++) values[j] = (float)(_y[i] * _y[j] * _kernel(i, j));
        _cache[i] = _lru.AddFirst((i, values));
        return values;
    }
}
