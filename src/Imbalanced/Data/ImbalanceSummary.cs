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
    public static ImbalanceSummary Of(Dataset data, IReadOnlyList<KeyValuePair<string, int>>? missing = null)
    {
        var counts = data.ClassCounts();
        var n = data.RowCount;
        var order = Enumerable.Range(0, counts.Length).OrderByDescending(c => counts[c]).ThenBy(c => c).ToArray();
        var classes = order.Select(c => new ClassShare(data.Classes[c], counts[c], (double)counts[c] / n)).ToArray();
        // Ties: the first class in class order wins, for majority and minority alike.
        var major = Enumerable.Range(0, counts.Length).OrderByDescending(c => counts[c]).ThenBy(c => c).First();
        var minor = Enumerable.Range(0, counts.Length).OrderBy(c => counts[c]).ThenBy(c => c).First();
        return new ImbalanceSummary(n, classes, data.Classes[major], data.Classes[minor],
            (double)counts[major] / counts[minor], data.NumericNames, data.CategoricalNames, missing ?? []);
    }

    /// <summary>One line of advice that fits the imbalance ratio.</summary>
    public string Advice => ImbalanceRatio switch
    {
        < 1.5 => "Classes are roughly balanced: accuracy is meaningful, but still split with stratification.",
        < 4 => "Mild imbalance: report balanced accuracy, F1 and MCC beside accuracy; split with stratification.",
        < 20 => "Imbalanced: do not trust accuracy; evaluate with PR-AUC, MCC or G-mean, split with stratification, " +
            "and resample or weight only the training data.",
        _ => "Severely imbalanced: accuracy is meaningless here; evaluate with PR-AUC (average precision), MCC and " +
            "recall of the minority class, use stratified cross-validation, resample only training folds, and tune " +
            "the decision threshold.",
    };
}
