using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Imbalanced.Neighbors;

/// <summary>128-bit single-precision lanes (4 floats; SSE on x64, NEON on ARM64).</summary>
internal readonly unsafe struct Float128 : IFloatLanes<Vector128<float>>
{
    public static int Count => 4;

    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(float* source) => Vector128.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Vector128.MultiplyAddEstimate(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LessThanBits(Vector128<float> a, Vector128<float> b) =>
        Vector128.LessThan(a, b).ExtractMostSignificantBits();
}
