namespace Imbalanced.Sampling.Regression;

/// <summary>Options of <see cref="Smoter"/> (and, with the perturbation, of <see cref="Smogn"/>). Without
/// <see cref="OverPercentage"/> and <see cref="UnderPercentage"/> every bin is brought to the same size (UBL's
/// <c>C.perc = "balance"</c>).</summary>
public record SmoterOptions : SamplerOptions
{
    /// <summary>Rows with relevance at least this are rare, in (0, 1] (0.8; UBL's <c>thr.rel</c>).</summary>
    [SamplerParameter("relevance_threshold", "rows whose target has relevance at least this are rare, in (0, 1]")]
    public double RelevanceThreshold { get; init; } = 0.8;

    /// <summary>Nearest rare neighbours of the same bin to interpolate towards (5; UBL's <c>k</c>).</summary>
    [SamplerParameter("k_neighbors", "nearest rare rows of the same range to interpolate towards")]
    public int KNeighbors { get; init; } = 5;

    /// <summary>Over-sampling percentage of each rare bin, Torgo et al.'s <c>%o</c>: 200 makes two new rows per rare
    /// row (a fraction of 100 from rare rows drawn without replacement); null with <see cref="UnderPercentage"/> null:
    /// balance. With only <see cref="UnderPercentage"/> given, no row is added.</summary>
    [SamplerParameter("over", "new rows per rare row, in percent (200: two each); default: balance the ranges")]
    public double? OverPercentage { get; init; }

    /// <summary>Under-sampling percentage of each common bin: the percentage of its rows kept, drawn without
    /// replacement, in [0, 100] (UBL's <c>C.perc</c> of a normal bin, × 100); null with
    /// <see cref="OverPercentage"/> null: balance. With only <see cref="OverPercentage"/> given, every common row is
    /// kept.</summary>
    [SamplerParameter("under", "percent of the common rows kept, in [0, 100]; default: balance the ranges")]
    public double? UnderPercentage { get; init; }
}
