namespace Imbalanced.Data;

/// <summary>
/// What a user should know about a data set's imbalance before modelling: class counts, the imbalance ratio
/// (majority count / minority count), feature kinds, missing values and advice on what to trust.
/// </summary>
public sealed record ImbalanceSummary(int Rows, IReadOnlyList<ClassShare> Classes, string Majority, string Minority,
    double ImbalanceRatio, IReadOnlyList<string> NumericFeatures, IReadOnlyList<string> CategoricalFeatures,
    IReadOnlyList<KeyValuePair<string, int>> Missing)
{
    /// <summary>Summarises a data set.</summary>
    /// <example><c>var summary = ImbalanceSummary.Of(data); // summary.ImbalanceRatio, summary.Advice</c></example>
    public static ImbalanceSummary Of(Dataset data, IReadOnlyList<KeyValuePair<string, int>>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Of(data.Classes, data.ClassCounts(), data.NumericNames, data.CategoricalNames, missing);
    }

    /// <summary>Summarises a table known by its class counts and feature names (for example counted in one pass
    /// over a file).</summary>
    /// <param name="classes">The classes.</param>
    /// <param name="counts">Rows of each class, in class order; every class has at least one.</param>
    /// <param name="numericFeatures">Names of the numeric features.</param>
    /// <param name="categoricalFeatures">Names of the categorical features.</param>
    /// <param name="missing">Feature columns with empty cells and their number of empty cells.</param>
    /// <example><c>ImbalanceSummary.Of(ClassSet.FromDistinct(["no", "yes"]), [95, 5], ["amount"], [], [])</c>
    /// </example>
    public static ImbalanceSummary Of(ClassSet classes, IReadOnlyList<int> counts,
        IReadOnlyList<string> numericFeatures, IReadOnlyList<string> categoricalFeatures,
        IReadOnlyList<KeyValuePair<string, int>>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(counts);
        var n = counts.Sum();
        var order = Enumerable.Range(0, counts.Count).OrderByDescending(c => counts[c]).ThenBy(c => c).ToArray();
        var shares = order.Select(c => new ClassShare(classes[c], counts[c], (double)counts[c] / n)).ToArray();
        // Ties: the first class in class order wins, for majority and minority alike.
        var major = order[0];
        var minor = Enumerable.Range(0, counts.Count).OrderBy(c => counts[c]).ThenBy(c => c).First();
        return new ImbalanceSummary(n, shares, classes[major], classes[minor], (double)counts[major] / counts[minor],
            numericFeatures, categoricalFeatures, missing ?? []);
    }

    /// <summary>One line of advice that fits the imbalance ratio (or says that one class is no classification
    /// problem).</summary>
    public string Advice => Classes.Count < 2
        ? "One class only: a classifier needs rows of at least two classes; check the target column."
        : ImbalanceRatio switch
        {
            < 1.5 => "Classes are roughly balanced: accuracy is meaningful, but still split with stratification.",
            < 4 => "Mild imbalance: report balanced accuracy, F1 and MCC beside accuracy; split with " +
                "stratification.",
            < 20 => "Imbalanced: do not trust accuracy; evaluate with PR-AUC, MCC or G-mean, split with " +
                "stratification, and resample or weight only the training data.",
            _ => "Severely imbalanced: accuracy is meaningless here; evaluate with PR-AUC (average precision), MCC " +
                "and recall of the minority class, use stratified cross-validation, resample only training folds, " +
                "and tune the decision threshold.",
        };
}
