namespace Imbalanced.Sampling;

/// <summary>Where one output row came from.</summary>
/// <param name="Synthetic">False for a kept input row, true for an added row.</param>
/// <param name="Source">The input row this row is an exact copy of, or -1.</param>
/// <param name="Base">For an added row, the input row it was made from, or -1.</param>
/// <param name="Neighbor">For an interpolated row, the input row it moved towards, or -1.</param>
/// <param name="Gap">For an interpolated row, the factor:
/// <c>row = base + gap · (neighbor − base)</c>; NaN otherwise.</param>
public readonly record struct RowOrigin(bool Synthetic, int Source, int Base, int Neighbor, double Gap);
