namespace Imbalanced.Neighbors;

/// <summary>
/// The single-precision vector operations of one SIMD width, as static members of a struct, so that a kernel
/// written once over <typeparamref name="TVector"/> is compiled, with every call inlined, once per width.
/// </summary>
/// <typeparam name="TVector">The vector type, e.g. <c>Vector256&lt;float&gt;</c>.</typeparam>
internal unsafe interface IFloatLanes<TVector>
    where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the hardware runs this width natively (otherwise the runtime emulates it, slowly).</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>Loads <see cref="Count"/> floats.</summary>
    static abstract TVector Load(float* source);

    /// <summary>Stores <see cref="Count"/> floats.</summary>
    static abstract void Store(TVector value, float* destination);

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary><c>a · b + c</c>, fused (one rounding) where the hardware has FMA, else two roundings.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary><c>a + b</c>.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>Bit <c>i</c> set when lane <c>i</c> of <paramref name="a"/> is less than that of
    /// <paramref name="b"/> (false for NaN).</summary>
    static abstract uint LessThanBits(TVector a, TVector b);
}
