using System.Buffers;
using System.Text.Json;
using Imbalanced.Data;

namespace Imbalanced.Cli.Display;

/// <summary>JSON as the command writes it: an undefined metric (NaN) or an infinite number is <c>null</c>, as
/// scikit-learn reports undefined values, and a document goes to stdout only once it is complete.</summary>
internal static class JsonOutput
{
    /// <summary>Writes a property whose value is <paramref name="value"/>, or null when it is not finite.</summary>
    public static void WriteFinite(this Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>Writes <paramref name="value"/> as an array element, or null when it is not finite.</summary>
    public static void WriteFiniteValue(this Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteNullValue();
    }

    /// <summary>Writes the object <c>inspect --json</c> prints, which <c>compare --json</c> gives as its
    /// <c>dataset</c>: rows, target, classes (by count descending), majority, minority, imbalance ratio, feature
    /// names by kind and the columns with empty cells.</summary>
    public static void WriteSummary(this Utf8JsonWriter w, ImbalanceSummary s, string target)
    {
        w.WriteStartObject();
        w.WriteNumber("rows", s.Rows);
        w.WriteString("target", target);
        w.WriteStartArray("classes");
        foreach (var c in s.Classes)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            w.WriteNumber("count", c.Count);
            w.WriteNumber("fraction", Math.Round(c.Fraction, 5));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("majority", s.Majority);
        w.WriteString("minority", s.Minority);
        w.WriteNumber("imbalance_ratio", Math.Round(s.ImbalanceRatio, 3));
        w.WriteStartArray("numeric_features");
        foreach (var f in s.NumericFeatures) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("categorical_features");
        foreach (var f in s.CategoricalFeatures) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartObject("missing");
        foreach (var (column, count) in s.Missing) w.WriteNumber(column, count);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Builds one document with <paramref name="write"/> and prints it to stdout with a newline, so a
    /// failure while building it prints nothing.</summary>
    /// <exception cref="DataException">Stdout cannot be written.</exception>
    public static void ToStdout(Action<Utf8JsonWriter> write, bool indented = false) =>
        StandardOutput.Write(Document(write, indented));

    /// <summary>One document built with <paramref name="write"/>, as UTF-8 with a final newline.</summary>
    public static byte[] Document(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented })) write(w);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
