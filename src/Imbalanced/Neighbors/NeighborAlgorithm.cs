namespace Imbalanced.Neighbors;

/// <summary>Which index to build: an exact one, or the approximate one.</summary>
public enum NeighborAlgorithm
{
    /// <summary>A k-d tree for low dimension (Euclidean or Manhattan), brute force above (SIMD for Euclidean) and for
    /// other metrics, but a k-d tree above too where a few wide features dwarf the rest (see
    /// <see cref="NeighborSearch.Build(double[], int, int)"/>); the approximate index for large Euclidean data of
    /// more than <see cref="NeighborSearch.TreeMaxDimensions"/> dimensions, where exact search grows with the square
    /// of the rows (from <see cref="NeighborSearch.ApproximateMinRows"/> points).</summary>
    Auto,
    /// <summary>A k-d tree (Euclidean or Manhattan).</summary>
    KdTree,
    /// <summary>Brute force: blocked SIMD single-precision filtering re-checked in double for Euclidean, plain
    /// double otherwise.</summary>
    BruteForce,
    /// <summary>An approximate index, deterministic: the same seed gives the same neighbours whatever the thread
    /// count (an inverted file, see <see cref="ApproximateOptions"/>). Euclidean only: other metrics get the exact
    /// index <see cref="Auto"/> would choose without it.</summary>
    /// <example><c>new NeighborSearch(Algorithm: NeighborAlgorithm.Approximate)</c></example>
    Approximate,
    /// <summary>The exact index <see cref="Auto"/> chooses for small data, whatever the size: a k-d tree for low
    /// dimension, SIMD brute force above (below <see cref="NeighborSearch.ApproximateMinRows"/> points, a k-d tree
    /// there too where a few wide features dwarf the rest), never the approximate index.</summary>
    /// <example><c>new NeighborSearch(Algorithm: NeighborAlgorithm.Exact)</c></example>
    Exact,
}
