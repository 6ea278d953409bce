namespace Imbalanced.ModelSelection;

/// <summary>The outcome of a corrected resampled t-test between two combinations at p &lt; 0.05.</summary>
public enum Verdict
{
    /// <summary>Better beyond noise (p &lt; 0.05).</summary>
    Better,

    /// <summary>Worse beyond noise (p &lt; 0.05).</summary>
    Worse,

    /// <summary>The difference is within noise (p ≥ 0.05).</summary>
    WithinNoise,
}
