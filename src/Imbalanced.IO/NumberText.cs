using System.Globalization;

namespace Imbalanced.Data;

/// <summary>The one place numbers are parsed from and formatted
/// to text: invariant culture, shortest round-trip.</summary>
internal static class NumberText
{
    private const NumberStyles Style = NumberStyles.Float;

    /// <summary>Parses a number written in the invariant culture (<c>1e-3</c>, <c>-0.5</c>). Text ending in a NUL is
    /// not a number: .NET's parser ignores trailing NULs (<c>"2\0"</c> would read as 2) and refuses them elsewhere,
    /// so only the last character needs a look.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        return (text.IsEmpty || text[^1] != '\0')
            && double.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a number written in the invariant culture from UTF-8 (none when it ends in a NUL).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        return (utf8.IsEmpty || utf8[^1] != 0) && double.TryParse(utf8, Style, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Writes <paramref name="value"/> in shortest round-trip form as UTF-8.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        // The default format is the shortest string that round-trips, and faster than "R".
        if (!value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture))
            throw new ArgumentException("destination too small", nameof(destination));
        return written;
    }

    /// <summary><paramref name="value"/> in shortest round-trip form.</summary>
    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
