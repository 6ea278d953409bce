namespace Imbalanced.MLNet.Ensembles;

/// <summary>How a balanced ensemble turns its members' scores into class probabilities, row by row. One
/// implementation for <see cref="BalancedEnsembleModel"/> and the model a
/// <see cref="MulticlassBalancedEnsembleEstimator"/> fits, so that both give the same probabilities.</summary>
internal static class EnsembleVoting
{
    /// <summary>Writes a member's class probabilities for its <paramref name="scores"/> into
    /// <paramref name="probabilities"/>: the scores over their sum, or every class equally likely when the sum is
    /// not positive (a one-versus-all model whose every class has probability 0).</summary>
    internal static void Normalise(ReadOnlySpan<float> scores, Span<double> probabilities)
    {
        // The sum is accumulated in double and rounded to Single, as Enumerable.Sum of Singles does.
        var total = 0.0;
        foreach (var s in scores) total += s;
        var sum = (float)total;
        for (var c = 0; c < scores.Length; c++)
            probabilities[c] = sum > 0 ? scores[c] / sum : 1.0 / scores.Length;
    }

    /// <summary>Adds one member's say to <paramref name="result"/>: its <paramref name="probabilities"/> times
    /// <paramref name="share"/> (its share of the members' total say), or with <paramref name="vote"/> (SAMME)
    /// the whole share to its most probable class.</summary>
    internal static void Add(ReadOnlySpan<double> probabilities, double share, bool vote, Span<double> result)
    {
        if (vote) result[Numerics.Vectors.ArgMax(probabilities)] += share;
        else for (var c = 0; c < probabilities.Length; c++) result[c] += probabilities[c] * share;
    }
}
