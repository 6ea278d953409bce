using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>The topology of <see cref="PolynomFitSmote"/>: star, bus, mesh, or a polynomial of a given degree.
/// Written <c>star</c>, <c>bus</c>, <c>mesh</c> or <c>poly-N</c> (smote_variants writes <c>poly_N</c>; both
/// are read).</summary>
/// <example>
/// <code>
/// var cubic = PolynomFitTopology.Polynomial(3);            // or PolynomFitTopology.Parse("poly-3", null)
/// var options = new PolynomFitSmoteOptions { Topology = cubic };
/// </code>
/// </example>
public readonly record struct PolynomFitTopology : IParsable<PolynomFitTopology>
{
    private PolynomFitTopology(PolynomFitTopologyKind kind, int degree)
    {
        Kind = kind;
        Degree = degree;
    }

    /// <summary>The shape.</summary>
    public PolynomFitTopologyKind Kind { get; }

    /// <summary>The polynomial's degree (at least 1) for <see cref="PolynomFitTopologyKind.Polynomial"/>; 0
    /// otherwise.</summary>
    public int Degree { get; }

    /// <summary>New rows on the segments from each row to the class's mean.</summary>
    public static PolynomFitTopology Star { get; } = new(PolynomFitTopologyKind.Star, 0);

    /// <summary>New rows on the segments between consecutive rows.</summary>
    public static PolynomFitTopology Bus { get; } = new(PolynomFitTopologyKind.Bus, 0);

    /// <summary>New rows on the segments between every two rows.</summary>
    public static PolynomFitTopology Mesh { get; } = new(PolynomFitTopologyKind.Mesh, 0);

    /// <summary>New rows on a fitted polynomial curve of degree <paramref name="degree"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degree"/> is below 1.</exception>
    public static PolynomFitTopology Polynomial(int degree)
    {
        if (degree < 1)
            throw new ArgumentOutOfRangeException(nameof(degree), degree,
                $"the polynomial's degree must be at least 1; got {degree}");
        return new(PolynomFitTopologyKind.Polynomial, degree);
    }

    /// <summary><c>star</c>, <c>bus</c>, <c>mesh</c> or <c>poly-N</c>.</summary>
    public override string ToString() => Kind switch
    {
        PolynomFitTopologyKind.Star => "star",
        PolynomFitTopologyKind.Bus => "bus",
        PolynomFitTopologyKind.Mesh => "mesh",
        _ => "poly-" + Degree.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads <c>star</c>, <c>bus</c>, <c>mesh</c>, <c>poly-N</c> or <c>poly_N</c> (N a whole number of at
    /// least 1).</summary>
    /// <exception cref="FormatException"><paramref name="s"/> is none of those.</exception>
    public static PolynomFitTopology Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var topology) ? topology
            : throw new FormatException($"'{s}' is not a topology: write star, bus, mesh or poly-N with N a whole " +
                "number of at least 1");

    /// <summary>Reads a topology as <see cref="Parse"/> does; false when <paramref name="s"/> is none.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider,
        out PolynomFitTopology result)
    {
        result = Star;
        switch (s)
        {
            case "star": return true;
            case "bus": result = Bus; return true;
            case "mesh": result = Mesh; return true;
        }
        if (s is null || !(s.StartsWith("poly-", StringComparison.Ordinal)
                || s.StartsWith("poly_", StringComparison.Ordinal))) return false;
        var digits = s.AsSpan(5);
        if (digits.IsEmpty || !char.IsAsciiDigit(digits[0])
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var degree) || degree < 1)
            return false;
        result = new(PolynomFitTopologyKind.Polynomial, degree);
        return true;
    }
}
