using System.Diagnostics;
using Imbalanced.Data;
using Imbalanced.MLNet.Workflow;
using Imbalanced.Preprocessing;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Benchmarks;

/// <summary>
/// <c>learners FILE TARGET [FITS]</c>: the cost of one fit (and prediction of the training rows) of each learner
/// <c>compare</c> uses by default, on a CSV prepared as one of <c>compare</c>'s folds is (empty cells imputed,
/// categories one-hot encoded, then random over-sampling), each learner made as <c>compare</c> makes it
/// (<see cref="MlNetLearners.Create"/>: LightGBM on one thread, logistic regression on two, the forest on ML.NET's
/// default): FITS fits one after the other, then FITS fits two at a time side by side. The ratio of the two says how
/// much a second core gains when two folds fit the same learner at once.
/// </summary>
internal static class LearnerFits
{
    public static int Run(string path, string target, int fits)
    {
        var raw = TableDataset.Build(TableReader.Read(path), target).Data;
        var data = Preprocessor.EmptyAsCategory(raw);
        var train = new RandomOverSampler().FitResample(Preprocessor.Fit(data).Transform(data)).ToDataset();
        Console.WriteLine($"{Path.GetFileName(path)}: {train.RowCount} rows x {train.NumericCount} features after "
            + $"encoding and random over-sampling; {fits} fits each; {Environment.ProcessorCount} cores");
        Console.WriteLine("| learner | s per fit, alone | s per fit, two side by side | gain of the second core |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var learner in new[] { "logistic", "lightgbm", "random-forest" })
        {
            // JIT (with tiered compilation's later tiers) and ML.NET's first-use costs, alone and side by side.
            Time(train, learner, 4, 1);
            Time(train, learner, 2, 2);
            var alone = Time(train, learner, fits, 1);
            var paired = Time(train, learner, fits / 2, 2);
            Console.WriteLine($"| {learner} | {alone:F3} | {paired:F3} | {alone / paired:F2}x |");
        }
        return 0;
    }

    /// <summary>Seconds per fit of <paramref name="perWorker"/> fits on each of <paramref name="workers"/>
    /// threads.</summary>
    private static double Time(Dataset train, string learner, int perWorker, int workers)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            for (var r = 0; r < perWorker; r++) Fit(learner, train, w * perWorker + r);
        });
        return clock.Elapsed.TotalSeconds / (perWorker * workers);
    }

    private static void Fit(string learner, Dataset train, int seed) =>
        Learners.Create(learner, seed).Fit(train).PredictProbabilities(train);

    private static readonly MlNetLearners Learners = new();
}
