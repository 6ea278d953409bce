namespace Imbalanced.Clustering;

/// <summary>
/// The double-precision vector operations of one SIMD width, as static members of a struct, so that a kernel
/// written once over <typeparamref name="TVector"/> is compiled, with every call inlined, once per width (as
/// <c>IFloatLanes</c> does for the neighbour engine's single-precision pass).
/// </summary>
/// <typeparam name="TVector">The vector type, e.g. <c>Vector256&lt;double&gt;</c>.</typeparam>
internal interface IDoubleLanes<TVector>
    where TVector : unmanaged
{
    /// <summary>Doubles per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Every lane zero.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(double value);

    /// <summary>Loads <see cref="Count"/> doubles from <paramref name="offset"/> elements after
    /// <paramref name="source"/>.</summary>
    static abstract TVector Load(ref double source, nuint offset);

    /// <summary><c>a + b</c>, lane by lane.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary><c>a − b</c>, lane by lane.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary><c>a · b</c>, lane by lane (rounded once, never fused with an addition).</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>The smaller of <paramref name="a"/> and <paramref name="b"/>, lane by lane.</summary>
    static abstract TVector Min(TVector a, TVector b);

    /// <summary>Lane <paramref name="lane"/> of <paramref name="value"/>.</summary>
    static abstract double Element(TVector value, int lane);
}
