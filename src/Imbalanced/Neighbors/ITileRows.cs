namespace Imbalanced.Neighbors;

/// <summary>
/// Query rows per tile of the SIMD kernel, as a static member of a struct so that it is a constant when the kernel
/// is compiled: 8 where the hardware has 32 vector registers (AVX-512, ARM64), 4 where it has 16 (AVX2, SSE), so
/// that the kernel's 2 × rows accumulators never spill.
/// </summary>
internal interface ITileRows
{
    /// <summary>Query rows per tile: 4 or 8.</summary>
    static abstract int Count { get; }
}
