using System.Collections.Concurrent;
using Imbalanced.Data;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.ModelSelection;

/// <summary>A spy learner sees what each fit is given: no statistic of a test fold (median, category set, class
/// prior) may reach its training part.</summary>
public class CompareWorkflowLeakageTests
{
    private const int Rows = 121;

    /// <summary>What one fit saw: the ids of its rows, its encoded feature names and its x column.</summary>
    private sealed record Seen(int[] Ids, IReadOnlyList<string> Names, double[] X);

    private sealed class Spy : ILearnerFactory
    {
        public ConcurrentBag<Seen> Fits { get; } = [];

        public IReadOnlyList<string> DefaultNames { get; } = ["spy"];

        public IClassifier Create(string name, long seed) => name == "spy"
            ? new SpyClassifier(Fits)
            : throw new ArgumentException($"unknown learner '{name}'");
    }

    private sealed class SpyClassifier(ConcurrentBag<Seen> fits) : IClassifier
    {
        public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
        {
            var p = train.NumericCount;
            var values = train.NumericValues.ToArray();
            int id = train.NumericNames.ToList().IndexOf("id"), x = train.NumericNames.ToList().IndexOf("x");
            fits.Add(new Seen(
                Enumerable.Range(0, train.RowCount).Select(i => (int)values[i * p + id]).ToArray(),
                train.NumericNames,
                Enumerable.Range(0, train.RowCount).Select(i => values[i * p + x]).ToArray()));
            return new Constant(train.Classes.Count);
        }
    }

    private sealed class Constant(int classes) : IClassifierModel
    {
        public double[] PredictProbabilities(Dataset data) =>
            Enumerable.Repeat(1.0 / classes, data.RowCount * classes).ToArray();
    }

    /// <summary>121 rows, 41 of class "yes": id, x (every 7th empty), colour (row 5 alone is "rare").</summary>
    private static Dataset Data()
    {
        var numeric = new double[Rows * 2];
        var codes = new int[Rows];
        var labels = new int[Rows];
        for (var i = 0; i < Rows; i++)
        {
            numeric[i * 2] = i;
            numeric[i * 2 + 1] = i % 7 == 3 ? double.NaN : i * i % 37;
            codes[i] = i == 5 ? 2 : i % 2;
            labels[i] = i % 3 == 0 ? 1 : 0;
        }
        return new Dataset(numeric, ["id", "x"], codes, ["colour"], [["red", "blue", "rare"]], labels,
            ClassSet.FromDistinct(["no", "yes"]));
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    [Fact]
    public void Medians_categories_and_class_priors_come_from_the_training_part_only()
    {
        var data = Data();
        var spy = new Spy();
        var report = CompareWorkflow.Run(data, new CompareOptions
        {
            Techniques = ["none", "random-over"],
            Learners = ["spy"],
            Folds = 3,
            Repeats = 1,
            Seed = 5,
        }, spy);
        var splits = StratifiedSplits.RepeatedKFold(data.LabelCodes.ToArray(), 3, 1, 5);
        var x = Enumerable.Range(0, Rows).Select(i => data.NumericValues.Span[i * 2 + 1]).ToArray();
        var raw = x.Select(double.IsNaN).ToArray();

        Assert.Equal(6, spy.Fits.Count); // two techniques × three folds, nothing else fitted
        foreach (var split in splits)
        {
            var train = split.Train.ToHashSet();
            var median = Median(split.Train.Where(i => !raw[i]).Select(i => x[i]));
            var fits = spy.Fits.Where(s => s.Ids.ToHashSet().SetEquals(train)).ToArray();
            Assert.Equal(2, fits.Length);
            foreach (var fit in fits)
            {
                // every empty x of the training part holds the training part's median
                for (var r = 0; r < fit.Ids.Length; r++)
                    Assert.Equal(raw[fit.Ids[r]] ? median : x[fit.Ids[r]], fit.X[r]);
                // the one-hot columns are the categories of the training part
                Assert.Equal(train.Contains(5), fit.Names.Contains("colour=rare"));
            }
            // a constant 50 : 50 model fitted on random-over-sampled rows, corrected to the training part's prior
            var prior = split.Train.Count(i => data.LabelCodes[i] == 1) / (double)split.Train.Length;
            var oof = report.Results.Single(r => r.Technique == "random-over").OutOfFold!;
            foreach (var row in split.Test) Assert.Equal(prior, oof.Scores![row], 12);
        }
        var priors = splits.Select(s => s.Train.Count(i => data.LabelCodes[i] == 1) / (double)s.Train.Length)
            .Distinct().Count();
        Assert.True(priors > 1); // the folds' training priors differ, so a leaked prior would show
        Assert.Contains(splits, s => !s.Train.Contains(5)); // and the rare category is missing from some part
    }
}
