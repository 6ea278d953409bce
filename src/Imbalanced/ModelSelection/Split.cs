namespace Imbalanced.ModelSelection;

/// <summary>One train/test split: row indices of each part, ascending.</summary>
/// <param name="Train">Rows to fit on.</param>
/// <param name="Test">Rows to score, never resampled.</param>
public sealed record Split(int[] Train, int[] Test);
