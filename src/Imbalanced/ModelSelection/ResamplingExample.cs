using Imbalanced.Sampling;

namespace Imbalanced.ModelSelection;

/// <summary>One resampling the comparison workflow ran, kept to show original and synthetic rows: the first fold's
/// training part resampled by the first technique that synthesised rows there (not copies: the SMOTE family), in
/// front of the first learner.</summary>
/// <param name="Technique">The technique.</param>
/// <param name="Learner">The learner.</param>
/// <param name="Result">The resampling (its input is the training part, its added rows the synthetic ones).</param>
public sealed record ResamplingExample(string Technique, string Learner, ResampleResult Result);
