using Imbalanced.Preprocessing;
using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>One training part made ready for learners: preprocessing fitted on it, resampled (or weighted), encoded;
/// shared by every learner of the technique.</summary>
/// <param name="Preprocessor">The preprocessing fitted on the training part.</param>
/// <param name="Fit">What learners are fitted on: the imputed, resampled, encoded training part.</param>
/// <param name="Weights">Row weights of <paramref name="Fit"/> (class weights), or null.</param>
/// <param name="TruePrior">The class shares of the training part before resampling.</param>
/// <param name="FittedPrior">The (weighted) class shares of <paramref name="Fit"/>.</param>
/// <param name="Resampled">The resampling, encoded, or null for none and class weights.</param>
internal sealed record PreparedPart(Preprocessor Preprocessor, Data.Dataset Fit, double[]? Weights,
    double[] TruePrior, double[] FittedPrior, ResampleResult? Resampled);
