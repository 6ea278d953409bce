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
        return text;
    }
}
