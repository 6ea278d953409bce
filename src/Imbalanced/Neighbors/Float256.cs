using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalanced.Neighbors;

/// <summary>256-bit single-precision lanes (8 floats; AVX2).</summary>
internal readonly unsafe struct Float256 : IFloatLanes<Vector256<float>>
{
    public static int Count => 8;

    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(float* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Vector256.MultiplyAddEstimate(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThanBits(Vector256<float> a, Vector256<float> b) =>
        Vector256.LessThan(a, b).ExtractMostSignificantBits();
}
