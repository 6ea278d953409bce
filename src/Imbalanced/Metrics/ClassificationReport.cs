using System.Globalization;
using System.Text;

namespace Imbalanced.Metrics;

/// <summary>
/// imbalanced-learn's <c>classification_report_imbalanced</c> as data and as text: per class precision, recall,
/// specificity, F1, geometric mean, IBA and support, then their macro (unweighted) and weighted (by support)
/// averages.
/// </summary>
public sealed class ClassificationReport
{
    /// <summary>Builds the report of <paramref name="matrix"/> for classes labelled
    /// <paramref name="labels"/>.</summary>
    public ClassificationReport(ConfusionMatrix matrix, IReadOnlyList<string> labels)
    {
        Matrix = matrix;
        Lines = Enumerable.Range(0, matrix.Classes).Select(c => new ClassLine(labels[c],
            ClassificationMetrics.Precision(matrix, c), ClassificationMetrics.Recall(matrix, c),
            ClassificationMetrics.Specificity(matrix, c), ClassificationMetrics.FBeta(matrix, c),
            ClassificationMetrics.GeometricMean(matrix, c),
            ClassificationMetrics.IndexBalancedAccuracy(matrix, c), matrix.TrueCount(c))).ToArray();
        Macro = Average(Lines, _ => 1.0, "macro avg");
        Weighted = Average(Lines, l => l.Support, "weighted avg");
    }

    /// <summary>The confusion matrix reported on.</summary>
    public ConfusionMatrix Matrix { get; }

    /// <summary>One line per class.</summary>
    public IReadOnlyList<ClassLine> Lines { get; }

    /// <summary>Unweighted means over classes.</summary>
    public ClassLine Macro { get; }

    /// <summary>Means weighted by support.</summary>
    public ClassLine Weighted { get; }

    private static ClassLine Average(IReadOnlyList<ClassLine> lines, Func<ClassLine, double> weight, string name)
    {
        var total = lines.Sum(weight);
        double Mean(Func<ClassLine, double> f) => total == 0 ? 0 : lines.Sum(l => f(l) * weight(l)) / total;
        return new ClassLine(name, Mean(l => l.Precision), Mean(l => l.Recall), Mean(l => l.Specificity),
            Mean(l => l.F1), Mean(l => l.GeometricMean), Mean(l => l.Iba), lines.Sum(l => l.Support));
    }

    /// <summary>The report as text with <paramref name="digits"/> decimals, in imbalanced-learn's layout.</summary>
    public string ToText(int digits = 2)
    {
        var width = Math.Max(12, Lines.Max(l => l.Label.Length) + 2);
        var text = new StringBuilder();
        var headers = new[] { "pre", "rec", "spe", "f1", "geo", "iba", "sup" };
        text.Append(new string(' ', width));
        foreach (var h in headers) text.Append(h.PadLeft(digits + 7));
        text.AppendLine().AppendLine();
        void Row(ClassLine l)
        {
            text.Append(l.Label.PadLeft(width));
            foreach (var v in new[] { l.Precision, l.Recall, l.Specificity, l.F1, l.GeometricMean, l.Iba })
                text.Append(v.ToString("F" + digits, CultureInfo.InvariantCulture).PadLeft(digits + 7));
            text.Append(l.Support.ToString("0.##", CultureInfo.InvariantCulture).PadLeft(digits + 7)).AppendLine();
        }
        foreach (var l in Lines) Row(l);
        text.AppendLine();
        Row(Macro);
        Row(Weighted);
        return text.ToString();
    }
}
