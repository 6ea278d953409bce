namespace Imbalanced.Metrics;

/// <summary>
/// The confusion matrix <c>C[i, j]</c> = (weighted) number of rows of true class i predicted as class j, over a
/// fixed list of classes, and the per-class sums every other metric is built from:
/// <c>TP_i = C[i,i]</c>, <c>true_i = Σ_j C[i,j]</c> (support), <c>pred_i = Σ_j C[j,i]</c>,
/// <c>FP_i = pred_i − TP_i</c>, <c>FN_i = true_i − TP_i</c>, <c>TN_i = n − true_i − pred_i + TP_i</c>.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly double[] _counts;

    /// <summary>Counts class codes <paramref name="truth"/> against <paramref name="predicted"/> (codes into a list of
    /// <paramref name="classes"/> classes), each row weighted by <paramref name="weights"/> (1 when null).</summary>
    public ConfusionMatrix(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes,
        IReadOnlyList<double>? weights = null)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions");
        if (weights is not null && weights.Count != truth.Count)
            throw new ArgumentException("one weight per row is needed");
        Classes = classes;
        if ((long)classes * classes > Array.MaxLength)
            throw new DataException(
                $"{classes} classes: a confusion matrix of {classes} × {classes} cells is more than one table " +
                "can hold");
        _counts = new double[classes * classes];
        for (var r = 0; r < truth.Count; r++) _counts[truth[r] * classes + predicted[r]] += weights?[r] ?? 1.0;
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>C[true, predicted].</summary>
    public double this[int truth, int predicted] => _counts[truth * Classes + predicted];

    /// <summary>Total (weighted) rows, n.</summary>
    public double Total => _counts.Sum();

    /// <summary>TP of class c.</summary>
    public double TruePositives(int c) => this[c, c];

    /// <summary>Rows of true class c (its support).</summary>
    public double TrueCount(int c)
    {
        var s = 0.0;
        for (var j = 0; j < Classes; j++) s += this[c, j];
        return s;
    }

    /// <summary>Rows predicted as class c.</summary>
    public double PredictedCount(int c)
    {
        var s = 0.0;
        for (var i = 0; i < Classes; i++) s += this[i, c];
        return s;
    }

    /// <summary>TN of class c, one against the rest.</summary>
    public double TrueNegatives(int c) => Total - TrueCount(c) - PredictedCount(c) + TruePositives(c);

    /// <summary>The matrix as rows (true) of columns (predicted).</summary>
    public double[][] ToArray() => Enumerable.Range(0, Classes)
        .Select(i => Enumerable.Range(0, Classes).Select(j => this[i, j]).ToArray()).ToArray();
}
