using Imbalanced.Metrics;

namespace Imbalanced.ModelSelection;

/// <summary>One fold's outcome: its split and the evaluation of its untouched test part.</summary>
public sealed record FoldResult(Split Split, EvaluationResult Evaluation, double[] TestProbabilities);
