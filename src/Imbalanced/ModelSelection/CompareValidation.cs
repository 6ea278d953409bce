using Imbalanced.Calibration;
using Imbalanced.Data;
using Imbalanced.Preprocessing;
using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>What the checks of <see cref="CompareValidation"/> settled.</summary>
/// <param name="Objective">The threshold objective, or null.</param>
/// <param name="Positive">The positive class code (binary), or null.</param>
/// <param name="InnerFolds">Inner folds per training part (0 when neither calibration nor threshold needs them).
/// </param>
/// <param name="SmallestPart">The fewest rows a class has in any part that is resampled (an outer training part,
/// or an inner one).</param>
internal sealed record ComparePlan(ThresholdObjective? Objective, int? Positive, int InnerFolds, int SmallestPart);

/// <summary>Every option of the workflow checked against the data before the first fit: option values first
/// (<see cref="ArgumentException"/>: usage), then what the data allow (<see cref="DataException"/>).</summary>
internal static class CompareValidation
{
    /// <summary>Checks <paramref name="options"/> against <paramref name="data"/> (empty categorical cells already a
    /// category) for <paramref name="outerFolds"/> outer folds (1: fitted on all rows, as <c>train</c>).</summary>
    public static ComparePlan Check(Dataset data, CompareOptions options, ILearnerFactory learners, int outerFolds)
    {
        foreach (var t in options.Techniques)
        {
            if (!Techniques.IsKnown(t)) throw Techniques.Unknown(t);
            if (SamplerRegistry.Find(t) is { Kind: SamplerKind.Regression })
                throw new ArgumentException($"technique '{t}' is a regression method and compare evaluates " +
                    "classifiers; resample regression data with it instead");
        }
        if (options.Techniques.Count == 0) throw new ArgumentException("Techniques names no technique");
        foreach (var l in options.Learners) learners.Create(l, options.Seed);
        if (options.Folds < 2) throw new ArgumentOutOfRangeException(nameof(options.Folds), options.Folds,
            "cross-validation needs at least 2 folds");
        if (options.Repeats < 1) throw new ArgumentOutOfRangeException(nameof(options.Repeats), options.Repeats,
            "Repeats must be at least 1");
        if (options.Threads is < 1) throw new ArgumentOutOfRangeException(nameof(options.Threads), options.Threads,
            "Threads must be at least 1");
        var allMetrics = CompareWorkflow.RankableMetrics(binary: true, cost: true);
        if (!allMetrics.Contains(options.Metric))
            throw new ArgumentException(
                $"unknown metric '{options.Metric}'; the metrics are: {string.Join(", ", allMetrics)}");
        if (options.Metric == "expected_cost" && options.Cost is null)
            throw new ArgumentException("the metric 'expected_cost' needs the misclassification costs (Cost)");
        var objective = options.TuneThreshold == "none"
            ? null
            : ThresholdObjective.Parse(options.TuneThreshold, options.Cost);

        var k = data.Classes.Count;
        var counts = data.ClassCounts();
        if (k < 2)
            throw new DataException(k == 0 ? "the data has no rows" : $"the target has one class " +
                $"('{data.Classes[0]}'); a classifier needs rows of at least two classes");
        if (data.NumericCount + data.CategoricalCount == 0)
            throw new DataException("no feature is left: every column but the target was left out; keep at least one");
        var positive = options.Positive ?? (k == 2 ? data.Classes[ClassCounting.Minority(counts)] : null);
        if (positive is not null && data.Classes.IndexOf(positive) < 0)
            throw new DataException(
                $"Positive '{positive}' is not a class; the classes are: {string.Join(", ", data.Classes.Labels)}");
        if (objective is not null && k != 2)
            throw new DataException($"threshold tuning (TuneThreshold) needs two classes; the data has {k}");
        if (options.Cost is not null && k != 2)
            throw new DataException($"misclassification costs (Cost) are for two classes; the data has {k}");
        var rankable = CompareWorkflow.RankableMetrics(k == 2, options.Cost is not null);
        if (!rankable.Contains(options.Metric))
            throw new DataException($"the metric '{options.Metric}' needs two classes; with {k} the metrics are: " +
                string.Join(", ", rankable));

        if (options.Impute == ImputationMethod.None)
            for (var j = 0; j < data.NumericCount; j++)
            {
                var empty = 0;
                for (var i = 0; i < data.RowCount; i++)
                    if (double.IsNaN(data.Numeric[i * data.NumericCount + j])) empty++;
                if (empty == 0) continue;
                var what = $"column '{data.NumericNames[j]}' has {empty} empty cell(s), left empty (no imputation)";
                foreach (var t in options.Techniques)
                    if (SamplerRegistry.Find(t) is { AllowsMissing: false } s)
                        throw new DataException($"{what}, but {s.Name} measures distances and needs every value; " +
                            "impute them with the median or the mean");
                foreach (var l in options.Learners)
                    if (!learners.AcceptsMissing(l))
                        throw new DataException($"{what}, but the learner '{l}' needs every value; impute them with " +
                            "the median or the mean");
            }

        var inner = objective is not null
                    || options.Calibration is CalibrationMethod.Sigmoid or CalibrationMethod.Isotonic
            ? CompareWorkflow.ThresholdFolds
            : 0;
        for (var c = 0; c < k; c++)
        {
            // the smallest training part of a class under stratified k-fold
            var inTraining = outerFolds > 1 ? counts[c] - (counts[c] + outerFolds - 1) / outerFolds : counts[c];
            if (outerFolds > 1 && counts[c] < outerFolds)
                throw new DataException($"class '{data.Classes[c]}' has {counts[c]} row(s), fewer than the " +
                    $"{outerFolds} folds; " + (counts[c] >= 2 ? $"use at most {counts[c]} folds"
                        : "cross-validation needs at least 2 rows of every class"));
            if (inner > 0 && inTraining < inner)
            {
                // More outer folds make larger training parts: advised only when the most (one row held out) help.
                var moreFolds = outerFolds > 1 && counts[c] - 1 >= inner
                    ? $"use more folds (at most {counts[c]}), "
                    : "";
                var (needs, fixes) = (new List<string>(), new List<string>());
                if (objective is not null)
                {
                    needs.Add("threshold tuning");
                    fixes.Add("TuneThreshold none");
                }
                if (options.Calibration is CalibrationMethod.Sigmoid or CalibrationMethod.Isotonic)
                {
                    needs.Add($"{options.Calibration.ToString().ToLowerInvariant()} calibration");
                    fixes.Add("Calibration prior or none");
                }
                throw new DataException($"class '{data.Classes[c]}' has {inTraining} row(s)" +
                    (outerFolds > 1 ? " in a training part" : "") + $", fewer than the {inner} inner folds that " +
                    $"{string.Join(" and ", needs)} needs; {moreFolds}use {string.Join(" and ", fixes)}, or add " +
                    "rows of this class");
            }
        }
        var smallest = Enumerable.Range(0, k).Min(c =>
        {
            var part = outerFolds > 1 ? counts[c] - (counts[c] + outerFolds - 1) / outerFolds : counts[c];
            return inner > 0 ? part - (part + inner - 1) / inner : part;
        });
        foreach (var t in options.Techniques)
        {
            var run = new TechniqueRun(t, data, options, learners, smallest);
            if (run.Sampler is { Features: FeatureKinds.Mixed }
                && (data.CategoricalCount == 0 || data.NumericCount == 0))
                throw new DataException($"{run.RanAs} needs numeric and categorical features; this data has " +
                    (data.CategoricalCount == 0 ? "no categorical feature" : "no numeric feature"));
        }
        return new ComparePlan(objective, positive is null ? null : data.Classes.IndexOf(positive), inner,
            smallest);
    }
}
