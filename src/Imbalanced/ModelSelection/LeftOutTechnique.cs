namespace Imbalanced.ModelSelection;

/// <summary>A technique <see cref="CompareWorkflow.Run"/> left out of the comparison because its sampler refused
/// the training part of a fold (<see cref="CompareOptions.LeaveOutRefusedTechniques"/>).</summary>
/// <param name="Technique">The technique, as asked.</param>
/// <param name="Fold">The first fold (0-based, over all repeats) whose training part the sampler refused.</param>
/// <param name="Reason">The sampler's message, for example ADASYN's when no minority row has a neighbour of another
/// class.</param>
public sealed record LeftOutTechnique(string Technique, int Fold, string Reason);
