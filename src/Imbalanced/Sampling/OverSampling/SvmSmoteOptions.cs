namespace Imbalanced.Sampling.OverSampling;

/// <summary>Options of <see cref="SvmSmote"/>.</summary>
public sealed record SvmSmoteOptions : SamplerOptions
{
    /// <summary>imbalanced-learn's <c>k_neighbors</c> (5).</summary>
    [SamplerParameter("k_neighbors", "nearest same-class neighbours to interpolate towards")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>imbalanced-learn's <c>m_neighbors</c>: neighbours that decide noise and danger (10).</summary>
    [SamplerParameter("m_neighbors", "neighbours that decide noise and danger")]
    public int MNeighbors { get; init; } = 10;

    /// <summary>imbalanced-learn's <c>out_step</c>: how far safe support vectors extrapolate (0.5).</summary>
    [SamplerParameter("out_step", "how far safe support vectors extrapolate")]
    public double OutStep { get; init; } = 0.5;

    /// <summary>Most iterations of the SVM's solver: imbalanced-learn's <c>svm_estimator</c>, scikit-learn's
    /// <c>SVC(max_iter=…)</c>; <see langword="null"/> (the default) until it converges, as <c>max_iter=-1</c>. A
    /// solver stopped unconverged finds fewer support vectors, and <see cref="SvmSmote"/> says so in
    /// <see cref="ResampleResult.Warnings"/>, as scikit-learn's <c>ConvergenceWarning</c>.</summary>
    /// <example><code>var options = new SvmSmoteOptions { MaxIterations = 100_000 };</code></example>
    [SamplerParameter("max_iter", "most iterations of the SVM's solver (auto: until it converges)")]
    public int? MaxIterations { get; init; }
}
