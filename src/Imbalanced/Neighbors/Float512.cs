using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalanced.Neighbors;

/// <summary>512-bit single-precision lanes (16 floats; AVX-512).</summary>
internal readonly unsafe struct Float512 : IFloatLanes<Vector512<float>>
{
    public static int Count => 16;

    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(float* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Vector512.MultiplyAddEstimate(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThanBits(Vector512<float> a, Vector512<float> b) =>
        (uint)Vector512.LessThan(a, b).ExtractMostSignificantBits();
}
