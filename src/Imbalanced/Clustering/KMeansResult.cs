namespace Imbalanced.Clustering;

/// <summary>The result of <see cref="KMeans.Fit"/>: centres and the cluster of every point.</summary>
/// <param name="Centers">Row-major centres, <c>clusters × dimensions</c>.</param>
/// <param name="Labels">The cluster of every point.</param>
/// <param name="Iterations">Lloyd iterations run.</param>
public sealed record KMeansResult(double[] Centers, int[] Labels, int Iterations);
