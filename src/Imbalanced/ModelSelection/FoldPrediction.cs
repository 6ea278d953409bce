using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>One fold of <see cref="OutOfFoldLoop"/>: the model fitted on the training part and its class
/// probabilities for the untouched test part.</summary>
/// <param name="Index">The fold's position in the splits.</param>
/// <param name="Split">The fold's split.</param>
/// <param name="Model">The model fitted on the training part.</param>
/// <param name="Test">The test part (rows <see cref="Split.Test"/> of the data).</param>
/// <param name="Probabilities">Row-major probabilities of the test part, rows × classes.</param>
internal sealed record FoldPrediction(
    int Index, Split Split, IClassifierModel Model, Dataset Test, double[] Probabilities);
