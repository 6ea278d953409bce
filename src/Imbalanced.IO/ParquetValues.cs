using System.Globalization;

namespace Imbalanced.Data;

/// <summary>Conversions between Parquet cell values and the text a <see cref="RawTable"/> keeps.</summary>
internal static class ParquetValues
{
    public static bool IsNumericType(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long) || t == typeof(short)
        || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong)
        || t == typeof(decimal);

    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Converts text back to a value of <paramref name="type"/>; empty text is null.</summary>
    public static object? FromText(string text, Type type)
    {
        if (text.Length == 0) return null;
        var c = CultureInfo.InvariantCulture;
        if (type == typeof(string)) return text;
        if (type == typeof(double)) return double.Parse(text, c);
        if (type == typeof(float)) return float.Parse(text, c);
        if (type == typeof(int)) return int.Parse(text, c);
        if (type == typeof(long)) return long.Parse(text, c);
        if (type == typeof(short)) return short.Parse(text, c);
        if (type == typeof(byte)) return byte.Parse(text, c);
        if (type == typeof(sbyte)) return sbyte.Parse(text, c);
        if (type == typeof(ushort)) return ushort.Parse(text, c);
        if (type == typeof(uint)) return uint.Parse(text, c);
        if (type == typeof(ulong)) return ulong.Parse(text, c);
        if (type == typeof(decimal)) return decimal.Parse(text, c);
        if (type == typeof(bool)) return text == "true";
        if (type == typeof(DateTime)) return DateTime.Parse(text, c, DateTimeStyles.RoundtripKind);
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, c, DateTimeStyles.RoundtripKind);
        if (type == typeof(TimeSpan)) return TimeSpan.Parse(text, c);
        if (type == typeof(DateOnly)) return DateOnly.Parse(text, c);
        if (type == typeof(TimeOnly)) return TimeOnly.Parse(text, c);
        return text;
    }

    /// <summary>True when <paramref name="v"/> is a value of the numeric <paramref name="type"/> exactly (an integer
    /// in its range for integer types).</summary>
    public static bool FitsExactly(double v, Type type)
    {
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return true;
        if (v != Math.Floor(v)) return false;
        var (min, max) = IntegerRange(type);
        return v >= min && v < max; // max is the first double above the range (2^63 for long)
    }

    /// <summary>The synthetic number <paramref name="v"/> as a value of the column type <paramref name="type"/>, which
    /// <see cref="FitsExactly"/> has accepted.</summary>
    public static object FromNumber(double v, Type type)
    {
        if (type == typeof(double)) return v;
        if (type == typeof(float)) return (float)v;
        if (type == typeof(decimal)) return (decimal)v;
        return Convert.ChangeType(v, type, CultureInfo.InvariantCulture);
    }

    private static (double Min, double Max) IntegerRange(Type type) =>
        type == typeof(long) ? (-9223372036854775808.0, 9223372036854775808.0)
        : type == typeof(ulong) ? (0, 18446744073709551616.0)
        : type == typeof(int) ? (int.MinValue, int.MaxValue + 1.0)
        : type == typeof(uint) ? (0, uint.MaxValue + 1.0)
        : type == typeof(short) ? (short.MinValue, short.MaxValue + 1.0)
        : type == typeof(ushort) ? (0, ushort.MaxValue + 1.0)
        : type == typeof(byte) ? (0, byte.MaxValue + 1.0)
        : type == typeof(sbyte) ? (sbyte.MinValue, sbyte.MaxValue + 1.0)
        : (double.NegativeInfinity, double.PositiveInfinity);
}
