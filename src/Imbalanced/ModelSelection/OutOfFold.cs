namespace Imbalanced.ModelSelection;

/// <summary>Pooled out-of-fold predictions of one repeat: truth, predicted class and positive-class score per
/// row.</summary>
/// <param name="Truth">The class code of each row.</param>
/// <param name="Predicted">The class code predicted for each row by the model of the fold that tested it.</param>
/// <param name="Scores">The positive class's probability of each row, or null without a positive class.</param>
public sealed record OutOfFold(int[] Truth, int[] Predicted, double[]? Scores);
