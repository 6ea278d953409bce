using Imbalanced.Data;

namespace Imbalanced.Trees;

/// <summary>
/// A CART classification tree (Breiman, Friedman, Olshen and Stone, <i>Classification and Regression Trees</i>,
/// 1984), grown as scikit-learn's <c>DecisionTreeClassifier</c> grows it with <c>criterion="gini"</c> and
/// <c>splitter="best"</c>: depth first, left child first, each node split by the (feature, threshold) pair that
/// maximises the decrease in weighted Gini impurity, a threshold being the midpoint of two consecutive distinct
/// sorted values of the node's rows (values closer than <see cref="FeatureThreshold"/> count as one). A node is a
/// leaf when it is pure, has fewer than <see cref="DecisionTreeOptions.MinSamplesSplit"/> rows, lies at
/// <see cref="DecisionTreeOptions.MaxDepth"/>, or no split leaves <see cref="DecisionTreeOptions.MinSamplesLeaf"/>
/// rows each side; as in scikit-learn, an impure node is split even when the best split does not lower the
/// impurity. A leaf predicts its most frequent class, the lowest class code on a tie.
/// </summary>
/// <remarks>
/// Deterministic: among splits of equal impurity decrease, the first feature (lowest index), then the lowest
/// threshold, wins; scikit-learn visits features in an order drawn from its <c>random_state</c>, so on such ties
/// the two may pick different features. Values are compared in double precision (scikit-learn casts to float32).
/// Rows must be complete (no NaN).
/// <code>
/// var tree = DecisionTree.Fit(data, rows: [0, 1, 2, 3], new DecisionTreeOptions { MaxDepth = 3 });
/// var label = tree.Predict(data.NumericRow(4));
/// </code>
/// </remarks>
internal sealed class DecisionTree
{
    /// <summary>Feature values closer than this are one value: no threshold lies between them (scikit-learn's
    /// <c>FEATURE_THRESHOLD</c>).</summary>
    internal const double FeatureThreshold = 1e-7;

    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _class;

    private DecisionTree(int[] feature, double[] threshold, int[] left, int[] right, int[] @class, int depth)
    {
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _class = @class;
        Depth = depth;
    }

    /// <summary>Nodes, numbered in the order scikit-learn numbers them (depth first, left child first).</summary>
    public int NodeCount => _feature.Length;

    /// <summary>Depth of the deepest leaf (a single leaf: 0).</summary>
    public int Depth { get; }

    /// <summary>Each node's split feature, −1 at a leaf (scikit-learn's <c>tree_.feature</c> with −2).</summary>
    public ReadOnlySpan<int> Feature => _feature;

    /// <summary>Each node's threshold: a row goes left when its value is at most this (NaN at a leaf).</summary>
    public ReadOnlySpan<double> Threshold => _threshold;

    /// <summary>Each node's left child, −1 at a leaf.</summary>
    public ReadOnlySpan<int> Left => _left;

    /// <summary>Each node's right child, −1 at a leaf.</summary>
    public ReadOnlySpan<int> Right => _right;

    /// <summary>Each node's most frequent class code among its training rows (lowest code on a tie).</summary>
    public ReadOnlySpan<int> Class => _class;

    /// <summary>The class code the tree predicts for <paramref name="row"/> (numeric features).</summary>
    public int Predict(ReadOnlySpan<double> row)
    {
        var node = 0;
        while (_feature[node] >= 0) node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
        return _class[node];
    }

    /// <summary>Grows a tree on rows <paramref name="rows"/> of <paramref name="data"/> (numeric features and class
    /// codes).</summary>
    /// <exception cref="ArgumentException">No rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option out of its range.</exception>
    public static DecisionTree Fit(Dataset data, ReadOnlySpan<int> rows, DecisionTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(new DatasetRows(data), rows, options);
    }

    /// <summary>Grows a tree on rows <paramref name="rows"/> of <paramref name="data"/>, each read once (the rows of
    /// a resampling result, say, made from their origins as they are read).</summary>
    /// <exception cref="ArgumentException">No rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option out of its range.</exception>
    public static DecisionTree Fit<TRows>(TRows data, ReadOnlySpan<int> rows, DecisionTreeOptions? options = null)
        where TRows : ITreeRows
    {
        options ??= new();
        if (rows.Length == 0) throw new ArgumentException("a tree needs at least one row", nameof(rows));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSamplesSplit, 2, nameof(options.MinSamplesSplit));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSamplesLeaf, 1, nameof(options.MinSamplesLeaf));
        if (options.MaxDepth is { } d) ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(options.MaxDepth));
        return Grower.Of(data, rows, options).Grow();
    }

    /// <summary>The state of one fit: a column-major copy of the rows' features and their classes (each row read
    /// once, so a row made on demand is made once per tree), the rows' positions in that copy in an order where
    /// every node's rows are contiguous, and buffers.</summary>
    private sealed class Grower
    {
        private readonly int _p;
        private readonly int _m;
        private readonly int _classes;
        private readonly DecisionTreeOptions _options;
        // Feature f of the i-th row given is _x[f * _m + i]; its class _y[i].
        private readonly double[] _x;
        private readonly int[] _y;
        private readonly int[] _rows;
        private readonly double[] _keys;
        private readonly int[] _order;
        private readonly long[] _counts;
        private readonly long[] _leftCounts;
        private readonly long[] _rightCounts;

        private Grower(double[] x, int[] y, int features, int classes, DecisionTreeOptions options)
        {
            (_x, _y, _p, _m, _classes, _options) = (x, y, features, y.Length, classes, options);
            _rows = new int[_m];
            for (var i = 0; i < _m; i++) _rows[i] = i;
            _keys = new double[_m];
            _order = new int[_m];
            _counts = new long[classes];
            _leftCounts = new long[classes];
            _rightCounts = new long[classes];
        }

        /// <summary>Reads rows <paramref name="given"/> of <paramref name="data"/> into a new grower.</summary>
        public static Grower Of<TRows>(TRows data, ReadOnlySpan<int> given, DecisionTreeOptions options)
            where TRows : ITreeRows
        {
            var (m, p) = (given.Length, data.FeatureCount);
            var x = new double[(long)m * p];
            var y = new int[m];
            var scratch = new double[p];
            for (var i = 0; i < m; i++)
            {
                var row = data.Row(given[i], scratch);
                for (var f = 0; f < p; f++) x[(long)f * m + i] = row[f];
                y[i] = data.Label(given[i]);
            }
            return new Grower(x, y, p, data.ClassCount, options);
        }

        public DecisionTree Grow()
        {
            var feature = new List<int>();
            var threshold = new List<double>();
            var left = new List<int>();
            var right = new List<int>();
            var @class = new List<int>();
            var depth = 0;
            var stack = new Stack<(int Start, int End, int Depth, int Parent, bool IsLeft)>();
            stack.Push((0, _m, 0, -1, false));
            while (stack.Count > 0)
            {
                var (start, end, level, parent, isLeft) = stack.Pop();
                var id = feature.Count;
                if (parent >= 0)
                {
                    if (isLeft) left[parent] = id;
                    else right[parent] = id;
                }
                depth = Math.Max(depth, level);
                Array.Clear(_counts);
                for (var i = start; i < end; i++) _counts[_y[_rows[i]]]++;
                var majority = 0;
                for (var c = 1; c < _classes; c++) if (_counts[c] > _counts[majority]) majority = c;
                var m = end - start;
                var leaf = m < _options.MinSamplesSplit || m < 2 * _options.MinSamplesLeaf
                    || level >= _options.MaxDepth || _counts[majority] == m;
                var split = leaf ? (Feature: -1, Threshold: double.NaN) : BestSplit(start, end);
                feature.Add(split.Feature);
                threshold.Add(split.Threshold);
                left.Add(-1);
                right.Add(-1);
                @class.Add(majority);
                if (split.Feature < 0) continue;
                var mid = Partition(start, end, split.Feature, split.Threshold);
                stack.Push((mid, end, level + 1, id, false));
                stack.Push((start, mid, level + 1, id, true));
            }
            return new DecisionTree([.. feature], [.. threshold], [.. left], [.. right], [.. @class], depth);
        }

        /// <summary>The best split of the node holding _rows[start..end), or feature −1 when none is allowed.
        /// </summary>
        private (int Feature, double Threshold) BestSplit(int start, int end)
        {
            var m = end - start;
            var minLeaf = _options.MinSamplesLeaf;
            var best = double.NegativeInfinity;
            var bestFeature = -1;
            var bestThreshold = double.NaN;
            var total = 0L;
            foreach (var c in _counts) total += c * c;
            for (var f = 0; f < _p; f++)
            {
                var column = (long)f * _m;
                for (var i = 0; i < m; i++)
                {
                    _order[i] = _rows[start + i];
                    _keys[i] = _x[column + _order[i]];
                }
                Array.Sort(_keys, _order, 0, m);
                if (_keys[m - 1] <= _keys[0] + FeatureThreshold) continue; // constant in this node
                Array.Clear(_leftCounts);
                Array.Copy(_counts, _rightCounts, _classes);
                // Sums of squared class counts each side: the Gini decrease of a split is maximal where
                // leftSquares / nLeft + rightSquares / nRight is.
                var leftSquares = 0L;
                var rightSquares = total;
                for (var i = 0; i < m - 1; i++)
                {
                    var c = _y[_order[i]];
                    leftSquares += 2 * _leftCounts[c] + 1;
                    _leftCounts[c]++;
                    rightSquares -= 2 * _rightCounts[c] - 1;
                    _rightCounts[c]--;
                    if (_keys[i + 1] <= _keys[i] + FeatureThreshold) continue;
                    var nLeft = i + 1;
                    var nRight = m - nLeft;
                    if (nLeft < minLeaf || nRight < minLeaf) continue;
                    var proxy = (double)leftSquares / nLeft + (double)rightSquares / nRight;
                    if (!(proxy > best)) continue;
                    best = proxy;
                    bestFeature = f;
                    bestThreshold = Midpoint(_keys[i], _keys[i + 1]);
                }
            }
            return (bestFeature, bestThreshold);
        }

        /// <summary>scikit-learn's threshold between consecutive values <paramref name="a"/> &lt;
        /// <paramref name="b"/>: their midpoint, or <paramref name="a"/> where rounding makes it <paramref name="b"/>
        /// or infinite.</summary>
        private static double Midpoint(double a, double b)
        {
            var t = a / 2.0 + b / 2.0;
            return t == b || double.IsInfinity(t) ? a : t;
        }

        /// <summary>Reorders _rows[start..end) so that rows whose <paramref name="feature"/> is at most
        /// <paramref name="threshold"/> come first, each side in its previous order; returns where the right side
        /// begins.</summary>
        private int Partition(int start, int end, int feature, double threshold)
        {
            var at = 0;
            var column = (long)feature * _m;
            for (var i = start; i < end; i++)
                if (_x[column + _rows[i]] <= threshold) _order[at++] = _rows[i];
            var mid = start + at;
            for (var i = start; i < end; i++)
                if (!(_x[column + _rows[i]] <= threshold)) _order[at++] = _rows[i];
            Array.Copy(_order, 0, _rows, start, end - start);
            return mid;
        }
    }
}
