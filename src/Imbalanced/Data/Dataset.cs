namespace Imbalanced.Data;

/// <summary>
/// A labelled data set: a dense row-major matrix of numeric features, categorical features kept as codes
/// into their category names, and class labels as codes into a <see cref="ClassSet"/>.
/// Missing numeric values are <see cref="double.NaN"/>; missing categorical values are code -1.
/// </summary>
/// <remarks>Instances are treated as immutable: samplers never change the arrays they are given.</remarks>
public sealed class Dataset
{
    /// <summary>Creates a numeric-only data set (arrays are used as they are, not copied).</summary>
    /// <param name="numeric">Row-major numeric features, <c>rows × numericNames.Count</c>.</param>
    /// <param name="numericNames">Names of the numeric features.</param>
    /// <param name="labels">Class code of every row.</param>
    /// <param name="classes">The classes, in class order.</param>
    /// <example><code>var data = new Dataset(values, ["x", "y"], codes, classes);</code></example>
    public Dataset(double[] numeric, IReadOnlyList<string> numericNames, int[] labels, ClassSet classes)
        : this(numeric, numericNames, [], [], [], labels, classes)
    {
    }

    /// <summary>Creates a data set from its parts (arrays are used as they are, not copied).</summary>
    /// <param name="numeric">Row-major numeric features, <c>rows × numericNames.Count</c>.</param>
    /// <param name="numericNames">Names of the numeric features.</param>
    /// <param name="categorical">Row-major category codes,
    /// <c>rows × categoricalNames.Count</c> (-1 = missing).</param>
    /// <param name="categoricalNames">Names of the categorical features.</param>
    /// <param name="categories">For each categorical feature, its category names indexed by code.</param>
    /// <param name="labels">Class code of every row.</param>
    /// <param name="classes">The classes, in class order.</param>
    public Dataset(double[] numeric, IReadOnlyList<string> numericNames, int[] categorical,
        IReadOnlyList<string> categoricalNames, IReadOnlyList<IReadOnlyList<string>> categories,
        int[] labels, ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(numeric);
        ArgumentNullException.ThrowIfNull(labels);
        if (numeric.Length != labels.Length * numericNames.Count)
            throw new ArgumentException($"numeric has {numeric.Length} values, expected {labels.Length} × " +
                $"{numericNames.Count}");
        if (categorical.Length != labels.Length * categoricalNames.Count)
            throw new ArgumentException($"categorical has {categorical.Length} codes, expected {labels.Length} × " +
                $"{categoricalNames.Count}");
        if (categories.Count != categoricalNames.Count)
            throw new ArgumentException("one category list is needed per categorical feature");
        Numeric = numeric;
        NumericNames = numericNames;
        Categorical = categorical;
        CategoricalNames = categoricalNames;
        Categories = categories;
        Labels = labels;
        Classes = classes;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount => Labels.Length;

    /// <summary>Number of numeric features (columns of <see cref="NumericValues"/>).</summary>
    public int NumericCount => NumericNames.Count;

    /// <summary>Number of categorical features (columns of <see cref="CategoricalCodes"/>).</summary>
    public int CategoricalCount => CategoricalNames.Count;

    /// <summary>Row-major numeric features (the library's own array); callers see
    /// <see cref="NumericValues"/>.</summary>
    internal double[] Numeric { get; }

    /// <summary>Row-major numeric features, <c>RowCount × NumericCount</c>, read-only.</summary>
    /// <example><code>double first = data.NumericValues.Span[0];</code></example>
    public ReadOnlyMemory<double> NumericValues => Numeric;

    /// <summary>Names of the numeric features.</summary>
    public IReadOnlyList<string> NumericNames { get; }

    /// <summary>Row-major category codes (-1 = missing); callers see <see cref="CategoricalCodes"/>.</summary>
    internal int[] Categorical { get; }

    /// <summary>Row-major category codes, <c>RowCount × CategoricalCount</c> (-1 = missing), read-only.</summary>
    public ReadOnlyMemory<int> CategoricalCodes => Categorical;

    /// <summary>Names of the categorical features.</summary>
    public IReadOnlyList<string> CategoricalNames { get; }

    /// <summary>Category names of each categorical feature, indexed by code.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories { get; }

    /// <summary>Class code of every row (index into <see cref="Classes"/>); callers see
    /// <see cref="LabelCodes"/>.</summary>
    internal int[] Labels { get; }

    /// <summary>Class code of every row (index into <see cref="Classes"/>), read-only.</summary>
    /// <example><code>
    /// var folds = StratifiedSplits.RepeatedKFold(data.LabelCodes, folds: 5, repeats: 2, seed: 0);
    /// </code></example>
    public IReadOnlyList<int> LabelCodes => _labelCodes ??= Array.AsReadOnly(Labels);

    private IReadOnlyList<int>? _labelCodes;

    /// <summary>The classes in class order.</summary>
    public ClassSet Classes { get; }

    /// <summary>The numeric features of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> NumericRow(int row) => Numeric.AsSpan(row * NumericCount, NumericCount);

    /// <summary>The category codes of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> CategoricalRow(int row) => Categorical.AsSpan(row * CategoricalCount, CategoricalCount);

    /// <summary>The label text of row <paramref name="row"/>.</summary>
    public string LabelOf(int row) => Classes[Labels[row]];

    /// <summary>Number of rows of each class, indexed by class code.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (var l in Labels) counts[l]++;
        return counts;
    }

    /// <summary>The rows of class <paramref name="classCode"/>, ascending.</summary>
    public int[] RowsOfClass(int classCode)
    {
        var rows = new List<int>();
        for (var i = 0; i < Labels.Length; i++) if (Labels[i] == classCode) rows.Add(i);
        return rows.ToArray();
    }

    /// <summary>A new data set made of the given rows, in the given order (rows may repeat).</summary>
    public Dataset Select(ReadOnlySpan<int> rows)
    {
        var p = NumericCount;
        var q = CategoricalCount;
        var numeric = new double[rows.Length * p];
        var categorical = new int[rows.Length * q];
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            Numeric.AsSpan(r * p, p).CopyTo(numeric.AsSpan(i * p, p));
            Categorical.AsSpan(r * q, q).CopyTo(categorical.AsSpan(i * q, q));
            labels[i] = Labels[r];
        }
        return new Dataset(numeric, NumericNames, categorical, CategoricalNames, Categories, labels, Classes);
    }

    /// <summary>A data set with the same columns and classes holding the given rows.</summary>
    public Dataset WithRows(double[] numeric, int[] categorical, int[] labels) =>
        new(numeric, NumericNames, categorical, CategoricalNames, Categories, labels, Classes);

    /// <summary>The same rows and class codes under other class labels (code i is labelled <c>labels[i]</c> in class
    /// order), for example <c>False</c>/<c>True</c> for a binary learner.</summary>
    public Dataset WithClasses(IEnumerable<string> labels) =>
        new(Numeric, NumericNames, Categorical, CategoricalNames, Categories, Labels, ClassSet.FromDistinct(labels));

    /// <summary>Concatenates data sets that share columns and classes.</summary>
    public static Dataset Concat(Dataset first, Dataset second)
    {
        if (!ReferenceEquals(first.Classes, second.Classes) || first.NumericCount != second.NumericCount
            || first.CategoricalCount != second.CategoricalCount)
            throw new ArgumentException("data sets to concatenate must share columns and classes");
        return first.WithRows([.. first.Numeric, .. second.Numeric], [.. first.Categorical, .. second.Categorical],
            [.. first.Labels, .. second.Labels]);
    }

    /// <summary>Builds a numeric data set from a 2-D array and labels of any type.</summary>
    /// <param name="features">Rows × features.</param>
    /// <param name="labels">One label per row; strings, numbers, booleans and enums all work.</param>
    /// <param name="featureNames">Optional names; <c>f0 … f{d-1}</c> by default.</param>
    public static Dataset FromMatrix<TLabel>(double[,] features, IReadOnlyList<TLabel> labels,
        IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        int n = features.GetLength(0), d = features.GetLength(1);
        var numeric = new double[n * d];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < d; j++) numeric[i * d + j] = features[i, j];
        return FromNumeric(numeric, n, d, labels, featureNames);
    }

    /// <summary>Builds a numeric data set from jagged rows and labels of any type.</summary>
    public static Dataset FromRows<TLabel>(double[][] rows, IReadOnlyList<TLabel> labels,
        IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = rows.Length == 0 ? featureNames?.Count ?? 0 : rows[0].Length;
        var numeric = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != d) throw new DataException($"row {i} has {rows[i].Length} features, row 0 has {d}");
            rows[i].CopyTo(numeric, i * d);
        }
        return FromNumeric(numeric, rows.Length, d, labels, featureNames);
    }

    /// <summary>Builds a numeric data set from single-precision jagged rows and labels of any type.</summary>
    public static Dataset FromRows<TLabel>(float[][] rows, IReadOnlyList<TLabel> labels,
        IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return FromRows(rows.Select(r => Array.ConvertAll(r, v => (double)v)).ToArray(), labels, featureNames);
    }

    private static Dataset FromNumeric<TLabel>(double[] numeric, int n, int d, IReadOnlyList<TLabel> labels,
        IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != n) throw new DataException($"{labels.Count} labels for {n} rows");
        names ??= Enumerable.Range(0, d).Select(j => $"f{j}").ToArray();
        if (names.Count != d) throw new DataException($"{names.Count} feature names for {d} features");
        var (classes, codes) = ClassSet.Encode(LabelText.Of(labels));
        return new Dataset(numeric, names, [], [], [], codes, classes);
    }
}
