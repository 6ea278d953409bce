using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>The outcome of <see cref="CompareWorkflow.Run"/>.</summary>
/// <param name="Dataset">The summary of the data compared.</param>
/// <param name="Options">The options, learners resolved.</param>
/// <param name="Positive">The positive class, or null.</param>
/// <param name="Results">Every combination, techniques outer and learners inner.</param>
/// <param name="Best">The best combination on <see cref="CompareOptions.Metric"/>.</param>
/// <param name="Classes">The classes, in class order (the codes of <see cref="OutOfFold"/>).</param>
public sealed record CompareReport(ImbalanceSummary Dataset, CompareOptions Options, string? Positive,
    IReadOnlyList<CompareResult> Results, CompareResult Best, ClassSet Classes)
{
    /// <summary>The results, best first on <see cref="CompareOptions.Metric"/> (ascending where lower is better,
    /// <see cref="CompareWorkflow.LowerIsBetter"/>).</summary>
    public IReadOnlyList<CompareResult> Ranked => CompareWorkflow.LowerIsBetter(Options.Metric)
        ? Results.OrderBy(x => x.Metrics[Options.Metric].Mean).ToArray()
        : Results.OrderByDescending(x => x.Metrics[Options.Metric].Mean).ToArray();

    /// <summary>A resampling the workflow ran with a synthesising technique, or null when it ran none.</summary>
    public ResamplingExample? Resampling { get; init; }

    /// <summary>The techniques left out because their sampler refused a fold's training part (only with
    /// <see cref="CompareOptions.LeaveOutRefusedTechniques"/>), in the order asked.</summary>
    public IReadOnlyList<LeftOutTechnique> LeftOut { get; init; } = [];
}
