using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>A training part made ready once for every learner of a technique: the part itself and, when
/// calibration or threshold tuning needs held-out probabilities, its inner folds.</summary>
/// <param name="Train">The training part (raw: before imputation and encoding).</param>
/// <param name="Outer">The whole training part, prepared.</param>
/// <param name="Inner">The inner folds: each one's prepared training part, its held-out rows (indices into
/// <paramref name="Train"/>) and those rows encoded by its preprocessing.</param>
internal sealed record PreparedTraining(Dataset Train, PreparedPart Outer,
    IReadOnlyList<(PreparedPart Part, int[] HeldOut, Dataset HeldOutEncoded)> Inner);
