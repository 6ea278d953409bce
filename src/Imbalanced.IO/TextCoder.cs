using System.Text;

namespace Imbalanced.Data;

/// <summary>Assigns codes to distinct texts in first-seen order.</summary>
internal sealed class TextCoder
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    public List<string> Names { get; } = [];

    public int Code(ReadOnlySpan<byte> utf8, Span<char> buffer)
    {
        var chars = buffer.Length >= Encoding.UTF8.GetMaxCharCount(utf8.Length) ? buffer
            : new char[Encoding.UTF8.GetMaxCharCount(utf8.Length)];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var code)) return code;
        var text = chars[..length].ToString();
        _codes[text] = Names.Count;
        Names.Add(text);
        return Names.Count - 1;
    }
}
