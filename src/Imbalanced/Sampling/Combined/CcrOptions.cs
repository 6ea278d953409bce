namespace Imbalanced.Sampling.Combined;

/// <summary>Options of <see cref="Ccr"/>.</summary>
public sealed record CcrOptions : SamplerOptions
{
    /// <summary>smote_variants' <c>energy</c>: the budget each sphere spends on growing; a unit of radius costs one
    /// more for every row of the cleaned classes already inside. A finite number above 0 (1).</summary>
    [SamplerParameter("energy", "budget of each sphere; a row of a cleaned class inside makes growing cost more")]
    public double Energy { get; init; } = 1.0;

    /// <summary>smote_variants' <c>scaling</c>: the budget is <c>Energy · features^Scaling</c>, so that spheres can
    /// grow with the dimension. A finite number of at least 0 (0: the budget is <see cref="Energy"/>).</summary>
    [SamplerParameter("scaling", "the budget is energy × features^scaling")]
    public double Scaling { get; init; }
}
