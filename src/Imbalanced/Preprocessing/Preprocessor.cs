using Imbalanced.Data;


namespace Imbalanced.Preprocessing;

/// <summary>
/// The preprocessing the comparison workflow and <c>train</c> fit on a training part and apply unchanged to every
/// other row: empty numeric cells filled with the training part's median or mean (scikit-learn's
/// <c>SimpleImputer</c>), categorical features one-hot encoded over the categories seen in the training part
/// (scikit-learn's <c>OneHotEncoder(handle_unknown="ignore")</c>: a category never seen encodes as zeros), at most
/// <see cref="DefaultMaxCategories"/> per feature by default: beyond that, the most frequent of those in two rows or
/// more, so that a column of identifiers (a different value in every row) does not become as many columns of noise
/// as there are rows. An empty
/// categorical cell is a category of its own, <see cref="EmptyCategory"/> (<see cref="EmptyAsCategory"/>).
/// </summary>
/// <example>
/// <code>
/// var prep = Preprocessor.Fit(Preprocessor.EmptyAsCategory(train), ImputationMethod.Median);
/// Dataset x = prep.Transform(Preprocessor.EmptyAsCategory(test)); // numbers only, training statistics only
/// </code>
/// </example>
public sealed class Preprocessor
{
    /// <summary>The category an empty categorical cell belongs to: the empty text.</summary>
    public const string EmptyCategory = "";

    private readonly Dictionary<string, int>[] _codes;

    /// <summary>A preprocessor from its fitted values (as a saved model restores it).</summary>
    /// <param name="numericNames">The numeric features, in order.</param>
    /// <param name="numericFill">The value that fills an empty cell of each numeric feature (NaN: left empty).</param>
    /// <param name="categoricalNames">The categorical features, in order.</param>
    /// <param name="categories">For each categorical feature the categories it is one-hot encoded over.</param>
    /// <exception cref="ArgumentException">The lengths do not match, or a category list repeats a category.
    /// </exception>
    public Preprocessor(IReadOnlyList<string> numericNames, IReadOnlyList<double> numericFill,
        IReadOnlyList<string> categoricalNames, IReadOnlyList<IReadOnlyList<string>> categories)
    {
        ArgumentNullException.ThrowIfNull(numericNames);
        ArgumentNullException.ThrowIfNull(numericFill);
        ArgumentNullException.ThrowIfNull(categoricalNames);
        ArgumentNullException.ThrowIfNull(categories);
        if (numericFill.Count != numericNames.Count)
            throw new ArgumentException("one fill value is needed per numeric feature", nameof(numericFill));
        if (categories.Count != categoricalNames.Count)
            throw new ArgumentException("one category list is needed per categorical feature", nameof(categories));
        NumericNames = numericNames;
        NumericFill = numericFill;
        CategoricalNames = categoricalNames;
        Categories = categories;
        _codes = new Dictionary<string, int>[categories.Count];
        for (var f = 0; f < categories.Count; f++)
        {
            _codes[f] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var c in categories[f])
                if (!_codes[f].TryAdd(c, _codes[f].Count))
                    throw new ArgumentException(
                        $"feature '{categoricalNames[f]}' lists the category '{c}' twice", nameof(categories));
        }
        EncodedNames =
        [
            .. numericNames, .. categoricalNames.SelectMany((n, f) => categories[f].Select(c => $"{n}={c}")),
        ];
    }

    /// <summary>The numeric features, in order.</summary>
    public IReadOnlyList<string> NumericNames { get; }

    /// <summary>The value that fills an empty cell of each numeric feature; NaN where cells are left empty
    /// (<see cref="ImputationMethod.None"/>).</summary>
    public IReadOnlyList<double> NumericFill { get; }

    /// <summary>The categorical features, in order.</summary>
    public IReadOnlyList<string> CategoricalNames { get; }

    /// <summary>For each categorical feature, the categories seen in the training part, in their code order: the
    /// one-hot columns.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories { get; }

    /// <summary>The names of the encoded columns: the numeric features, then <c>feature=category</c> for each
    /// category of each categorical feature.</summary>
    public IReadOnlyList<string> EncodedNames { get; }

    /// <summary>The most one-hot columns a categorical feature gets by default: 100.</summary>
    public const int DefaultMaxCategories = 100;

    /// <summary>Fits the preprocessing on <paramref name="train"/> only.</summary>
    /// <param name="train">The training part (empty categorical cells already a category of their own, see
    /// <see cref="EmptyAsCategory"/>; any left are encoded as zeros).</param>
    /// <param name="impute">What fills empty numeric cells; a column with no value in the training part fills with
    /// 0.</param>
    /// <param name="maxCategories">The most categories a feature is one-hot encoded over (at least 1): where the
    /// training part holds more, those of most rows among the categories of two rows or more (ties: the first in the
    /// feature's category order), since a category of one row is no pattern a model can use on other rows; the
    /// others encode as zeros, as a category never seen does (scikit-learn's <c>max_categories</c> and
    /// <c>min_frequency=2</c> without their column of infrequent categories). Up to that many, every category seen
    /// is encoded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCategories"/> is below 1.</exception>
    public static Preprocessor Fit(Dataset train, ImputationMethod impute = ImputationMethod.Median,
        int maxCategories = DefaultMaxCategories)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCategories, 1);
        var p = train.NumericCount;
        var fill = new double[p];
        var values = new List<double>(train.RowCount);
        for (var j = 0; j < p; j++)
        {
            if (impute == ImputationMethod.None)
            {
                fill[j] = double.NaN;
                continue;
            }
            values.Clear();
            for (var i = 0; i < train.RowCount; i++)
                if (train.Numeric[i * p + j] is var v && !double.IsNaN(v)) values.Add(v);
            fill[j] = values.Count == 0 ? 0 : impute == ImputationMethod.Mean ? Mean(values) : Median(values);
        }
        var q = train.CategoricalCount;
        var categories = new IReadOnlyList<string>[q];
        for (var f = 0; f < q; f++)
        {
            var rows = new int[train.Categories[f].Count];
            for (var i = 0; i < train.RowCount; i++)
                if (train.Categorical[i * q + f] is var code && code >= 0) rows[code]++;
            var seen = rows.Select((count, code) => (count, code)).Where(x => x.count > 0).ToArray();
            var kept = seen.Length <= maxCategories
                ? seen.Select(x => x.code).ToArray()
                : seen.Where(x => x.count > 1).OrderByDescending(x => x.count).ThenBy(x => x.code)
                    .Take(maxCategories).Select(x => x.code).Order().ToArray();
            categories[f] = kept.Select(code => train.Categories[f][code]).ToArray();
        }
        return new Preprocessor(train.NumericNames, fill, train.CategoricalNames, categories);
    }

    /// <summary>The data with every empty categorical cell (code -1) coded as the category
    /// <see cref="EmptyCategory"/>, added to a feature's categories where it has empty cells. A fixed rule, not a
    /// statistic: it may run on all rows before any split.</summary>
    public static Dataset EmptyAsCategory(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var q = data.CategoricalCount;
        if (q == 0 || !data.Categorical.Contains(-1)) return data;
        var codes = (int[])data.Categorical.Clone();
        var categories = new IReadOnlyList<string>[q];
        for (var f = 0; f < q; f++)
        {
            categories[f] = data.Categories[f];
            var empty = -1;
            for (var i = 0; i < data.RowCount; i++)
            {
                if (codes[i * q + f] >= 0) continue;
                if (empty < 0)
                {
                    empty = categories[f].ToList().IndexOf(EmptyCategory);
                    if (empty < 0)
                    {
                        empty = categories[f].Count;
                        categories[f] = [.. categories[f], EmptyCategory];
                    }
                }
                codes[i * q + f] = empty;
            }
        }
        return new Dataset(data.Numeric, data.NumericNames, codes, data.CategoricalNames, categories, data.Labels,
            data.Classes);
    }

    /// <summary>The data with empty numeric cells filled (categorical features unchanged).</summary>
    /// <exception cref="ArgumentException">The data's numeric features are not those fitted.</exception>
    public Dataset Impute(Dataset data)
    {
        Check(data);
        var p = data.NumericCount;
        if (p == 0 || NumericFill.All(double.IsNaN) || !data.Numeric.Any(double.IsNaN)) return data;
        var numeric = (double[])data.Numeric.Clone();
        for (var i = 0; i < numeric.Length; i++)
            if (double.IsNaN(numeric[i])) numeric[i] = NumericFill[i % p];
        return data.WithRows(numeric, data.Categorical, data.Labels);
    }

    /// <summary>The data as numbers only: numeric features as they are, then the one-hot columns of
    /// <see cref="EncodedNames"/>, a category the preprocessor has not seen (or an empty cell) encoded as zeros.
    /// </summary>
    /// <exception cref="ArgumentException">The data's features are not those fitted.</exception>
    public Dataset Encode(Dataset data)
    {
        Check(data);
        if (data.CategoricalCount == 0) return data;
        var width = EncodedNames.Count;
        var p = data.NumericCount;
        var q = data.CategoricalCount;
        var numeric = new double[data.RowCount * width];
        var maps = new int[q][];
        for (var f = 0; f < q; f++)
            maps[f] = data.Categories[f].Select(c => _codes[f].TryGetValue(c, out var k) ? k : -1).ToArray();
        for (var i = 0; i < data.RowCount; i++)
        {
            data.NumericRow(i).CopyTo(numeric.AsSpan(i * width));
            var o = i * width + p;
            for (var f = 0; f < q; f++)
            {
                var code = data.Categorical[i * q + f];
                if (code >= 0 && maps[f][code] is var k && k >= 0) numeric[o + k] = 1;
                o += Categories[f].Count;
            }
        }
        return new Dataset(numeric, EncodedNames, data.Labels, data.Classes);
    }

    /// <summary><see cref="Encode"/> of <see cref="Impute"/>.</summary>
    public Dataset Transform(Dataset data) => Encode(Impute(data));

    private void Check(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.NumericNames.SequenceEqual(NumericNames) || !data.CategoricalNames.SequenceEqual(CategoricalNames))
            throw new ArgumentException("the data's features are not those the preprocessor was fitted on",
                nameof(data));
    }

    private static double Mean(List<double> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        return sum / values.Count;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
