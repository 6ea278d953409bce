namespace Imbalanced.MLNet.Ensembles;

/// <summary>The balanced ensembles of imbalanced-learn, over ML.NET learners.</summary>
/// <example><c>var estimator = new BalancedEnsembleEstimator(EnsembleKind.EasyEnsemble, members: 5, seed: 1);</c>
/// </example>
public enum EnsembleKind
{
    /// <summary>BalancedBaggingClassifier: each member learns a
    /// bootstrap sample, randomly under-sampled to balance.</summary>
    /// <example><c>new BalancedEnsemble(ml, EnsembleKind.BalancedBagging, members: 10).Fit(train)</c></example>
    BalancedBagging,
    /// <summary>BalancedRandomForestClassifier: single ML.NET trees
    /// (√d features each) on balanced bootstraps: from every class as many rows as the smallest class has, drawn
    /// with replacement (Chen, Liaw and Breiman 2004).</summary>
    /// <example><c>new BalancedEnsemble(ml, EnsembleKind.BalancedRandomForest, members: 100).Fit(train)</c></example>
    BalancedRandomForest,
    /// <summary>EasyEnsembleClassifier: boosted learners (ML.NET
    /// FastTree) each on a balanced random under-sample.</summary>
    /// <example><c>new BalancedEnsemble(ml, EnsembleKind.EasyEnsemble, members: 10).Fit(train)</c></example>
    EasyEnsemble,
    /// <summary>RUSBoostClassifier: SAMME boosting, randomly
    /// under-sampling the weighted data before each round.</summary>
    /// <example><c>new BalancedEnsemble(ml, EnsembleKind.RusBoost, members: 50).Fit(train)</c></example>
    RusBoost,
}
