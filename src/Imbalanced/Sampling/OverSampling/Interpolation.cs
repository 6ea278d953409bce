namespace Imbalanced.Sampling.OverSampling;

/// <summary>The one interpolation formula of the SMOTE family: <c>base + gap · (neighbour − base)</c>.</summary>
public static class Interpolation
{
    /// <summary>Writes <c>base + gap · (neighbour − base)</c> into <paramref name="destination"/>.</summary>
    public static void Write(ReadOnlySpan<double> baseRow, ReadOnlySpan<double> neighbour, double gap, Span<double> destination)
    {
        for (var j = 0; j < destination.Length; j++) destination[j] = baseRow[j] + gap * (neighbour[j] - baseRow[j]);
    }
}
