namespace Imbalanced.Calibration;

/// <summary>How the comparison workflow and <c>train</c> turn a model's class probabilities into calibrated
/// ones, fitted on the training part only.</summary>
public enum CalibrationMethod
{
    /// <summary>Prior correction (Saerens, Latinne and Decaestecker, "Adjusting the Outputs of a Classifier to New a
    /// Priori Probabilities", Neural Computation 14, 2002): <c>p′(c|x) ∝ p(c|x) · π_c / π′_c</c>, where π′ is the
    /// class prior the model was fitted on (after resampling or class weights) and π the prior of the unresampled
    /// training part. Leaves a model fitted on untouched data as it is.</summary>
    Prior,

    /// <summary>Platt scaling (Platt 1999): a logistic curve of the positive class's probability, fitted on the
    /// out-of-fold probabilities of inner folds of the training part; one-versus-rest and normalised for several
    /// classes, as scikit-learn's <c>CalibratedClassifierCV(method="sigmoid")</c>.</summary>
    Sigmoid,

    /// <summary>Isotonic regression (Zadrozny and Elkan 2002) fitted like <see cref="Sigmoid"/>.</summary>
    Isotonic,

    /// <summary>The model's probabilities as they are.</summary>
    None,
}
