namespace Imbalanced.ModelSelection;

/// <summary>
/// Supplies the learners of the comparison workflow by name, so that the workflow needs no particular machine-learning
/// library: Imbalanced.MLNet supplies ML.NET's learners; any <see cref="IClassifier"/> will do (the k-nearest
/// neighbours classifier, say).
/// </summary>
public interface ILearnerFactory
{
    /// <summary>The learners compared when <see cref="CompareOptions.Learners"/> is empty.</summary>
    IReadOnlyList<string> DefaultNames { get; }

    /// <summary>A new learner <paramref name="name"/>, seeded by <paramref name="seed"/>; called once per fold, so that
    /// every fold starts from the same state.</summary>
    /// <exception cref="ArgumentException">The factory does not know <paramref name="name"/>.</exception>
    IClassifier Create(string name, long seed);

    /// <summary>The classifier a sampler that asks one (instance hardness) uses inside the workflow, seeded by
    /// <paramref name="seed"/>; null for the sampler's own default.</summary>
    IClassifier? SamplerEstimator(long seed) => null;

    /// <summary>Whether learner <paramref name="name"/> fits and predicts with missing feature values (NaN), so that
    /// imputation can be left out (<see cref="Preprocessing.ImputationMethod.None"/>).</summary>
    bool AcceptsMissing(string name) => false;

    /// <summary>Whether learner <paramref name="name"/> balances the classes itself (the balanced ensembles): its
    /// probabilities then reflect equal class priors, which prior correction undoes.</summary>
    bool BalancesClasses(string name) => false;
}
