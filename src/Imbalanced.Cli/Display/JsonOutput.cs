using System.Buffers;
using System.Text.Json;

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

    /// <summary>Builds one document with <paramref name="write"/> and prints it to stdout with a newline, so a
    /// failure while building it prints nothing.</summary>
    public static void ToStdout(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented })) write(w);
        using var stdout = Console.OpenStandardOutput();
        stdout.Write(buffer.WrittenSpan);
        stdout.Write("\n"u8);
    }
}
