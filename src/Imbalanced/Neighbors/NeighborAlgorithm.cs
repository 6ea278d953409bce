namespace Imbalanced.Neighbors;

/// <summary>Which exact index to build.</summary>
public enum NeighborAlgorithm
{
    /// <summary>A k-d tree for low dimension, SIMD brute force above (Euclidean), plain brute force for other
    /// metrics.</summary>
    Auto,
    /// <summary>A k-d tree (Euclidean or Manhattan).</summary>
    KdTree,
    /// <summary>Brute force: blocked SIMD single-precision filtering re-checked in double for Euclidean, plain
    /// double otherwise.</summary>
    BruteForce,
}
