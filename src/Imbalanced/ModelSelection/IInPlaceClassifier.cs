using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>
/// A classifier that can fit on some rows of a data set and predict others where they stand, without copying either
/// part out. The out-of-fold loop (<see cref="OutOfFoldLoop.Probabilities"/>) uses it instead of fitting on a copy
/// of each training part: on millions of rows a fold's copies cost more memory than the table itself.
/// </summary>
internal interface IInPlaceClassifier : IClassifier
{
    /// <summary>What <c>Fit(data.Select(train)).PredictProbabilities(data.Select(test))</c> gives, to the last bit:
    /// row-major class probabilities of the rows <paramref name="test"/> of a model fitted on the rows
    /// <paramref name="train"/>.</summary>
    double[] FitPredict(Dataset data, int[] train, int[] test);
}
