namespace Imbalanced.MLNet.Ensembles;

/// <summary>The balanced ensembles of imbalanced-learn, over ML.NET learners.</summary>
public enum EnsembleKind
{
    /// <summary>BalancedBaggingClassifier: each member learns a
    /// bootstrap sample, randomly under-sampled to balance.</summary>
    BalancedBagging,
    /// <summary>BalancedRandomForestClassifier: single ML.NET trees
    /// (√d features each) on balanced bootstraps.</summary>
    BalancedRandomForest,
    /// <summary>EasyEnsembleClassifier: boosted learners (ML.NET
    /// FastTree) each on a balanced random under-sample.</summary>
    EasyEnsemble,
    /// <summary>RUSBoostClassifier: SAMME boosting, randomly
    /// under-sampling the weighted data before each round.</summary>
    RusBoost,
}
