namespace Imbalanced.Neighbors;

/// <summary>Which SIMD width a vector kernel uses: the exact Euclidean brute force for its single-precision pass,
/// k-means++ for its seeding.</summary>
internal enum VectorWidth
{
    /// <summary>The widest the hardware accelerates: 512, then 256, then 128 bits, else <see cref="None"/>.</summary>
    Auto,

    /// <summary>512-bit vectors (AVX-512): 16 floats, 8 doubles.</summary>
    W512,

    /// <summary>256-bit vectors (AVX2): 8 floats, 4 doubles.</summary>
    W256,

    /// <summary>128-bit vectors (SSE, ARM64 NEON): 4 floats, 2 doubles.</summary>
    W128,

    /// <summary>No single-precision pass: plain double-precision brute force.</summary>
    None,
}
