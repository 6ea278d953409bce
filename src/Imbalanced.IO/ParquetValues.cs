using System.Globalization;
using Parquet.Schema;

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
        if (type == typeof(Guid)) return Guid.Parse(text, c);
        return text;
    }

    /// <summary>The number a value of a numeric column stands for.</summary>
    public static double ToNumber<T>(T value) where T : struct
    {
        if (typeof(T) == typeof(double)) return (double)(object)value;
        if (typeof(T) == typeof(float)) return (float)(object)value;
        if (typeof(T) == typeof(int)) return (int)(object)value;
        if (typeof(T) == typeof(long)) return (long)(object)value;
        if (typeof(T) == typeof(short)) return (short)(object)value;
        if (typeof(T) == typeof(byte)) return (byte)(object)value;
        if (typeof(T) == typeof(sbyte)) return (sbyte)(object)value;
        if (typeof(T) == typeof(ushort)) return (ushort)(object)value;
        if (typeof(T) == typeof(uint)) return (uint)(object)value;
        if (typeof(T) == typeof(ulong)) return (ulong)(object)value;
        if (typeof(T) == typeof(decimal)) return (double)(decimal)(object)value;
        throw new InvalidOperationException($"{typeof(T).Name} is not a numeric type");
    }

    /// <summary>The synthetic number <paramref name="v"/> as a value of the numeric column <paramref name="field"/>:
    /// integer columns get the nearest integer (ties to even), decimal columns the nearest value at their scale,
    /// float columns the nearest float.</summary>
    /// <exception cref="DataException">The value does not fit the column's type.</exception>
    public static T FromNumber<T>(double v, DataField field) where T : struct
    {
        if (typeof(T) == typeof(double)) return (T)(object)v;
        if (typeof(T) == typeof(float))
        {
            var f = (float)v;
            return float.IsFinite(f) ? (T)(object)f : throw TooLarge(v, field);
        }
        if (typeof(T) == typeof(decimal))
        {
            if (Math.Abs(v) >= 7.9e28) throw TooLarge(v, field);
            var d = (decimal)v;
            return (T)(object)(field is DecimalDataField { Scale: var scale and >= 0 and <= 28 }
                ? Math.Round(d, scale, MidpointRounding.ToEven) : d);
        }
        var r = Math.Round(v, MidpointRounding.ToEven);
        var (min, max) = IntegerRange(typeof(T));
        if (!(r >= min && r < max)) throw TooLarge(v, field);
        if (typeof(T) == typeof(int)) return (T)(object)(int)r;
        if (typeof(T) == typeof(long)) return (T)(object)(long)r;
        if (typeof(T) == typeof(short)) return (T)(object)(short)r;
        if (typeof(T) == typeof(byte)) return (T)(object)(byte)r;
        if (typeof(T) == typeof(sbyte)) return (T)(object)(sbyte)r;
        if (typeof(T) == typeof(ushort)) return (T)(object)(ushort)r;
        if (typeof(T) == typeof(uint)) return (T)(object)(uint)r;
        if (typeof(T) == typeof(ulong)) return (T)(object)(ulong)r;
        throw new InvalidOperationException($"{typeof(T).Name} is not a numeric type");
    }

    private static DataException TooLarge(double v, DataField field) => new(
        $"column '{field.Name}': the synthetic value {NumberText.Format(v)} does not fit its Parquet type " +
        $"{field.ClrType.Name}; rescale the column or write it as double");

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
