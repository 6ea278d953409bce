using System.Globalization;
using Imbalanced.Data;

namespace Imbalanced.Sampling;

/// <summary>Checks samplers make before they start, with messages that say what is wrong and what to do.</summary>
internal static class DataChecks
{
    /// <summary>Every feature must be numeric and present: the method measures distances.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="method">The method's command-line name, for the message.</param>
    /// <param name="categoricalAdvice">What to use instead when there are categorical features (by default
    /// SMOTE-NC for an over-sampler, else encoding or leaving the columns out).</param>
    /// <param name="whole">The whole table's empty cells, when <paramref name="data"/> holds only part of it.</param>
    public static void RequireNumericComplete(Dataset data, string method, string? categoricalAdvice = null,
        WholeTable? whole = null)
    {
        if (data.CategoricalCount > 0)
        {
            var names = data.CategoricalNames;
            var listed = string.Join(", ", names.Take(30).Select(n => $"'{n}'")) +
                (names.Count > 30 ? $" and {names.Count - 30} more" : "");
            var leaveOut = names.Count == 1 ? "or leave the column out" : "or leave the columns out";
            // SMOTE-NC stands in only for an over-sampler; any method can do without the columns.
            var advice = categoricalAdvice ?? (SamplerRegistry.Find(method)?.Kind == SamplerKind.Over
                ? $"use smote-nc for mixed numeric and categorical data, {leaveOut}"
                : $"encode them as numbers, {leaveOut}");
            throw new DataException((names.Count == 1 ? $"column {listed} is" : $"columns {listed} are") +
                $" not numeric, and {method} needs numeric features only; {advice}");
        }
        if (data.NumericCount == 0)
            throw new DataException($"{method} needs at least one numeric feature; there are none");
        RequireComplete(data, method, whole);
    }

    /// <summary>No feature may have missing values: the method measures distances.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="method">The method's command-line name, for the message.</param>
    /// <param name="whole">The whole table's empty cells, when <paramref name="data"/> holds only part of it.</param>
    public static void RequireComplete(Dataset data, string method, WholeTable? whole = null)
    {
        var p = data.NumericCount;
        var limit = DistanceLimit(p, data.RowCount);
        for (var j = 0; j < p; j++)
        {
            var missing = whole?.EmptyNumeric[j] ?? 0;
            var largest = 0.0;
            for (var i = 0; i < data.RowCount; i++)
            {
                var v = data.Numeric[i * p + j];
                if (double.IsNaN(v)) missing += whole is null ? 1 : 0;
                else if (!double.IsFinite(v))
                    throw new DataException($"column '{data.NumericNames[j]}', row {i}: {v} is not a finite number; " +
                        $"{method} needs finite values");
                else largest = Math.Max(largest, Math.Abs(v));
            }
            if (missing > 0)
                throw new DataException($"column '{data.NumericNames[j]}' has {missing} empty cell(s); {method} " +
                    "measures distances and cannot use rows with missing values: fill them in or leave the column out");
            if (largest > limit)
                throw new DataException($"column '{data.NumericNames[j]}' holds " +
                    $"{largest.ToString("R", CultureInfo.InvariantCulture)}, too large for {method}: its squared " +
                    "distances, summed over the rows, would overflow; rescale the column (values up to " +
                    $"{limit.ToString("G3", CultureInfo.InvariantCulture)} in magnitude work here)");
        }
        var q = data.CategoricalCount;
        for (var j = 0; j < q; j++)
        {
            var missing = whole?.EmptyCategorical[j] ?? 0;
            if (whole is null)
                for (var i = 0; i < data.RowCount; i++) if (data.Categorical[i * q + j] < 0) missing++;
            if (missing > 0)
                throw new DataException($"column '{data.CategoricalNames[j]}' has {missing} empty cell(s); {method} " +
                    "measures distances and cannot use rows with missing values: fill them in or leave the column out");
        }
    }

    /// <summary>The largest magnitude a feature may hold for a method that measures distances: with every value of
    /// <paramref name="dimensions"/> features within it, a squared distance is at most <c>4·d·M²</c>, and the sum of
    /// one per row (k-means++'s potential, say) stays finite with a margin of 4.</summary>
    public static double DistanceLimit(int dimensions, int rows) =>
        Math.Sqrt(double.MaxValue / (16.0 * Math.Max(1, dimensions) * Math.Max(1, rows)));

    /// <summary>Each class to over-sample must have more rows than the neighbours asked for.</summary>
    public static void RequireNeighbors(Dataset data, int classCode, int classSize, int k,
        string parameter, string method)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(parameter, k, $"{parameter} must be at least 1; got {k}");
        if (classSize <= k)
            throw new DataException(
                $"class '{data.Classes[classCode]}' has {classSize} row(s), too few for {parameter} = {k} ({method} " +
                "needs more rows in a class than neighbours); " + (classSize >= 2
                    ? $"set {parameter} to at most {classSize - 1}"
                    : "a class it grows needs at least 2 rows: add rows of it, or choose a sampling strategy " +
                        "that leaves it as it is"))
            { Parameter = parameter };
    }

    /// <summary>Every value of the added rows must be finite: a method that would overflow refuses, naming the
    /// column.</summary>
    /// <param name="added">The added rows.</param>
    /// <param name="what">What overflowed, for the message.</param>
    /// <param name="advice">What to do instead.</param>
    /// <param name="parameter">The option property the advice concerns, if any.</param>
    public static void RequireFiniteAdded(Dataset added, string what, string advice, string? parameter = null)
    {
        var p = added.NumericCount;
        for (var i = 0; i < added.Numeric.Length; i++)
            if (!double.IsFinite(added.Numeric[i]))
                throw new DataException($"column '{added.NumericNames[i % p]}': {what} overflows (values too large " +
                    $"for the method); {advice}")
                { Parameter = parameter };
    }
}
